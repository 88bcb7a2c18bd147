import { createListeners, type Transport } from '../../../shared/rpc/transport';

/**
 * The shape of Electron's MessagePortMain, described structurally: the core runs in plain Node
 * too and must never import 'electron'.
 */
export type MainMessagePortLike = {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  off(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  off(event: 'close', listener: () => void): unknown;
  postMessage(message: unknown): void;
  start(): void;
  close(): void;
};

/** Adapts a MessagePortMain (main or utility process) to the RPC transport. */
export const fromMainMessagePort = (port: MainMessagePortLike): Transport => {
  const messages = createListeners<[unknown]>();
  const closed = createListeners<[]>();
  let open = true;

  const onMessage = (event: { data: unknown }): void => {
    if (open) messages.emit(event.data);
  };
  // The other end went away (window closed or reloaded): the connection is over for good.
  const onClose = (): void => shutDown(false);

  const shutDown = (closePort: boolean): void => {
    if (!open) return;
    open = false;
    port.off('message', onMessage);
    port.off('close', onClose);
    if (closePort) port.close();
    closed.emit();
    messages.clear();
    closed.clear();
  };

  port.on('message', onMessage);
  port.on('close', onClose);
  // MessagePortMain queues messages until started.
  port.start();

  return {
    send: (frame) => {
      if (!open) return;
      try {
        port.postMessage(frame);
      } catch {
        // A port whose peer is gone may throw instead of emitting 'close' first.
        shutDown(true);
      }
    },
    subscribe: messages.add,
    onClose: closed.add,
    close: () => shutDown(true),
  };
};
