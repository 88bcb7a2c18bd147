import { createListeners, type Transport } from '../../../shared/rpc/transport';

/** The web-host flavour of the contract's transport: JSON frames over one WebSocket, queued until it opens. */
export const createWebSocketTransport = (url: string): Transport => {
  const socket = new WebSocket(url);
  const messages = createListeners<[unknown]>();
  const closed = createListeners<[]>();
  const queue: string[] = [];

  socket.addEventListener('open', () => {
    for (const text of queue.splice(0)) socket.send(text);
  });
  socket.addEventListener('message', (event) => {
    if (typeof event.data !== 'string') return;
    try {
      messages.emit(JSON.parse(event.data));
    } catch {
      // Not a frame: ignore rather than let one bad message break the connection.
    }
  });
  socket.addEventListener('close', () => closed.emit());

  return {
    send: (frame) => {
      const text = JSON.stringify(frame);
      if (socket.readyState === WebSocket.OPEN) socket.send(text);
      else if (socket.readyState === WebSocket.CONNECTING) queue.push(text);
    },
    subscribe: messages.add,
    onClose: closed.add,
    close: () => socket.close(),
  };
};
