/**
 * The sandboxed preload: exposes `window.bottega`, exactly the contract's bridge and nothing else
 * (no ipcRenderer, no generic invoke). Bundled into one CommonJS file; only 'electron' stays external.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { contract, type BottegaBridge } from '../../shared/contract';
import { createBridge } from '../../shared/rpc/bridge';
import { fromDomMessagePort } from '../../shared/rpc/transport';
import { createDeferredTransport } from './deferred-transport';
import { portChannel, portRequestChannel } from '../port-handshake';

const connection = createDeferredTransport();

ipcRenderer.once(portChannel, (event) => {
  const [port] = event.ports;
  if (port) connection.attach(fromDomMessagePort(port));
});
ipcRenderer.send(portRequestChannel);

const bridge = createBridge(contract, connection.transport);
contextBridge.exposeInMainWorld('bottega', bridge satisfies BottegaBridge);
