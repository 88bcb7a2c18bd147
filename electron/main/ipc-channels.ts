/**
 * The main process's half of the one IPC exchange with the preload (see electron/preload/ipc-channels.ts;
 * lint keeps main and preload from importing each other, and a unit test keeps the two names equal).
 */
export const portRequestChannel = 'bottega:port-request';
export const portChannel = 'bottega:port';
