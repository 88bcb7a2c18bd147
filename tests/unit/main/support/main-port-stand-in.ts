import { EventEmitter } from 'node:events';
import type { MainMessagePortLike } from '../../../../electron/core/rpc/main-port-transport';

/**
 * A stand-in for Electron's MessagePortMain (Electron cannot run on these machines): an
 * EventEmitter that queues messages until `start()`, clones them, delivers them asynchronously and
 * emits 'close' on the other end when one end closes — the behaviour the adapters rely on.
 */
export type MainPortStandIn = MainMessagePortLike & {
  readonly started: boolean;
  readonly closed: boolean;
  readonly sent: unknown[];
  listenerCount(event: 'message' | 'close'): number;
};

type PortListener = ((event: { data: unknown }) => void) | (() => void);

type PortState = { emitter: EventEmitter; started: boolean; closed: boolean; inbox: unknown[]; sent: unknown[] };

export const createMainChannelStandIn = (): [MainPortStandIn, MainPortStandIn] => {
  const makeState = (): PortState => ({ emitter: new EventEmitter(), started: false, closed: false, inbox: [], sent: [] });
  const states: [PortState, PortState] = [makeState(), makeState()];

  const flush = (state: PortState): void => {
    if (!state.started || state.closed) return;
    for (const data of state.inbox.splice(0)) state.emitter.emit('message', { data, ports: [] });
  };

  const makePort = (self: PortState, other: PortState): MainPortStandIn => ({
    on(event: 'message' | 'close', listener: PortListener) {
      self.emitter.on(event, listener);
      return this;
    },
    off(event: 'message' | 'close', listener: PortListener) {
      self.emitter.off(event, listener);
      return this;
    },
    postMessage(message: unknown) {
      if (self.closed) throw new Error('port closed');
      self.sent.push(message);
      if (other.closed) return;
      const copy = structuredClone(message);
      setImmediate(() => {
        other.inbox.push(copy);
        flush(other);
      });
    },
    start() {
      self.started = true;
      setImmediate(() => flush(self));
    },
    close() {
      if (self.closed) return;
      self.closed = true;
      if (!other.closed) setImmediate(() => other.emitter.emit('close'));
    },
    get started() {
      return self.started;
    },
    get closed() {
      return self.closed;
    },
    get sent() {
      return self.sent;
    },
    listenerCount: (event) => self.emitter.listenerCount(event),
  });

  return [makePort(states[0], states[1]), makePort(states[1], states[0])];
};
