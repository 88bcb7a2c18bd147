/**
 * The whole IPC surface between the preload and the main process: the preload asks once per page
 * load for its MessagePort to the core, the main process answers with the port. Every contract call
 * then travels over that port, straight to the core; nothing else goes through ipcMain.
 */
export const portRequestChannel = 'bottega:port-request';
export const portChannel = 'bottega:port';
