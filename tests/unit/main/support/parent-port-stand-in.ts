import { EventEmitter } from 'node:events';
import { coreToHostMessageSchema, type CoreToHostMessage } from '../../../../electron/core/host-messages';
import type { MainMessagePortLike } from '../../../../electron/core/rpc/main-port-transport';
import type { ParentPortLike } from '../../../../electron/core/utility-host';

type HostRequestMessage = Extract<CoreToHostMessage, { type: 'host-request' }>;

/**
 * `process.parentPort` as the core sees it: messages in (with ports) through `deliver`, messages out kept
 * in `outbox`, each checked against the host-message schema main parses them with.
 */
export const createParentPortStandIn = () => {
  const emitter = new EventEmitter();
  const outbox: CoreToHostMessage[] = [];
  const parentPort: ParentPortLike = {
    on: (event, listener) => emitter.on(event, listener),
    postMessage: (message) => outbox.push(coreToHostMessageSchema.parse(message)),
  };
  const deliver = (data: unknown, ports: MainMessagePortLike[] = []): void => void emitter.emit('message', { data, ports });
  /** What the core asked main, in order. */
  const requests = (): HostRequestMessage[] => outbox.filter((message): message is HostRequestMessage => message.type === 'host-request');
  /** Main's successful answer to one of them. */
  const answer = (request: HostRequestMessage, value: unknown): void =>
    deliver({ type: 'host-response', id: request.id, result: { ok: true, value } });
  return { parentPort, outbox, deliver, requests, answer };
};

/** Resolves with the first defined value `find` gives, checking again after each turn of the event loop. */
export const waitForValue = async <T>(find: () => T | undefined): Promise<T> => {
  for (let attempt = 0; attempt < 400; attempt++) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('never happened');
};
