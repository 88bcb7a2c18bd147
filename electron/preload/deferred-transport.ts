import { createListeners, type Transport } from '../../shared/rpc/transport';

export type DeferredTransport = {
  /** Usable at once: frames sent before `attach` are buffered and flushed in order. */
  readonly transport: Transport;
  /** Connects the real transport; a second call closes the extra one (one page, one port). */
  attach(target: Transport): void;
};

/** More queued frames than any page load makes; beyond this something is wrong, so the calls fail instead of piling up. */
const defaultMaxQueued = 10_000;

/**
 * The renderer may call the bridge while the page is still loading, before the main process has
 * handed the preload its port. This transport queues until the port is there.
 */
export const createDeferredTransport = (maxQueued = defaultMaxQueued): DeferredTransport => {
  const messages = createListeners<[unknown]>();
  const closed = createListeners<[]>();
  const queue: unknown[] = [];
  let target: Transport | undefined;
  let open = true;

  const close = (): void => {
    if (!open) return;
    open = false;
    queue.length = 0;
    if (target) {
      target.close();
      return;
    }
    closed.emit();
  };

  const transport: Transport = {
    send: (frame) => {
      if (!open) return;
      if (target) {
        target.send(frame);
        return;
      }
      if (queue.length >= maxQueued) {
        close();
        return;
      }
      queue.push(frame);
    },
    subscribe: messages.add,
    onClose: closed.add,
    close,
  };

  const attach = (next: Transport): void => {
    if (target || !open) {
      next.close();
      return;
    }
    target = next;
    next.subscribe((frame) => messages.emit(frame));
    next.onClose(() => {
      open = false;
      closed.emit();
    });
    for (const frame of queue.splice(0)) next.send(frame);
  };

  return { transport, attach };
};
