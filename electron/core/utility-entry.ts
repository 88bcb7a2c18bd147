/**
 * Entry of the core's Electron utility process (built to out/main/core.js and started with
 * `utilityProcess.fork`). Plain Node: `process.parentPort` is reached without importing 'electron'.
 */
import { hostCoreOnParentPort, type ParentPortLike } from './utility-host';

const isParentPort = (value: unknown): value is ParentPortLike =>
  value !== null && typeof value === 'object' && 'postMessage' in value && 'on' in value;

const startCoreProcess = (): void => {
  const parentPort: unknown = Reflect.get(process, 'parentPort');
  if (!isParentPort(parentPort)) {
    console.error('The Bottega core entry must run inside an Electron utility process.');
    process.exitCode = 1;
    return;
  }
  const host = hostCoreOnParentPort(parentPort, { onShutDown: () => process.exit(0) });
  // Close the database (WAL checkpoint) however the process is asked to end: utilityProcess.kill()
  // sends SIGTERM on POSIX, and the main process's exit takes the utility process down the same way.
  const stop = (): void => void host.shutDown();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
};

startCoreProcess();
