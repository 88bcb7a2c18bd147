/**
 * The whole IPC surface between the preload and the main process: the preload asks once per page load for
 * its MessagePort to the core, the main process answers the asking frame with the port. Every contract call
 * then travels over that port, straight to the core. Main and preload both import this one file.
 */
export const portRequestChannel = 'bottega:port-request';
export const portChannel = 'bottega:port';
