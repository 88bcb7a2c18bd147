import { maxRpcFrameBytes } from '../../../shared/contract/limits';
import { RpcError } from '../../../shared/rpc/errors';
import { createListeners, type Transport } from '../../../shared/rpc/transport';

/** The little of a WebSocket this transport uses: the browser's, or `ws` in tests. */
export type WebSocketLike = {
  readonly readyState: number;
  readonly OPEN: number;
  readonly CONNECTING: number;
  send(text: string): void;
  close(): void;
  addEventListener(type: 'open' | 'close', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
};

/** UTF-8 bytes of a frame's text, counted only when it could be over the limit (at most 3 bytes a UTF-16 unit). */
const frameBytes = (text: string, limit: number): number => (text.length * 3 <= limit ? text.length : new TextEncoder().encode(text).length);

/**
 * The web-host flavour of the contract's transport: JSON frames over one WebSocket, queued until it opens. A
 * frame over the host's cap (the same constant it is built with) is refused here with a typed `too_large`
 * error instead of being sent and getting the whole connection closed (1009).
 */
export const createWebSocketTransport = (
  url: string,
  options: { open?: (url: string) => WebSocketLike; maxFrameBytes?: number } = {},
): Transport => {
  const socket: WebSocketLike = options.open ? options.open(url) : new WebSocket(url);
  const maxFrameBytes = options.maxFrameBytes ?? maxRpcFrameBytes;
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
      if (frameBytes(text, maxFrameBytes) > maxFrameBytes) {
        throw new RpcError({ code: 'too_large', message: `The call is larger than the ${Math.floor(maxFrameBytes / 1024 / 1024)} MiB the connection carries.` });
      }
      if (socket.readyState === socket.OPEN) socket.send(text);
      else if (socket.readyState === socket.CONNECTING) queue.push(text);
    },
    subscribe: messages.add,
    onClose: closed.add,
    close: () => socket.close(),
  };
};
