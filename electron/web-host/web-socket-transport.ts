import type { WebSocket } from 'ws';
import { createListeners, type Transport } from '../../shared/rpc/transport';

/** The core's end of the web-host bridge: JSON frames over one WebSocket. */
export const fromWebSocket = (socket: WebSocket): Transport => {
  const messages = createListeners<[unknown]>();
  const closed = createListeners<[]>();
  socket.on('message', (data, isBinary) => {
    if (isBinary) return;
    try {
      messages.emit(JSON.parse(data.toString()));
    } catch {
      // A frame that is not JSON is dropped; the RPC server validates the rest.
    }
  });
  socket.on('close', () => closed.emit());
  return {
    send: (frame) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
    },
    subscribe: messages.add,
    onClose: closed.add,
    close: () => socket.close(),
  };
};
