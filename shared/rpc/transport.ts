/**
 * Anything that can carry frames both ways: a MessagePort (Electron), a WebSocket (web-host) or an
 * in-memory pair (tests). Frames are plain structured-cloneable data.
 */
export type Transport = {
  send(frame: unknown): void;
  /** Returns the unsubscribe function. */
  subscribe(listener: (frame: unknown) => void): () => void;
  /** Called once when the other side is gone for good. */
  onClose(listener: () => void): () => void;
  close(): void;
};

type Listeners<T extends unknown[]> = {
  add(listener: (...args: T) => void): () => void;
  emit(...args: T): void;
  clear(): void;
};

export const createListeners = <T extends unknown[]>(): Listeners<T> => {
  const set = new Set<(...args: T) => void>();
  return {
    add(listener) {
      set.add(listener);
      return () => set.delete(listener);
    },
    emit(...args) {
      for (const listener of [...set]) listener(...args);
    },
    clear: () => set.clear(),
  };
};

/** The DOM flavour of MessagePort (renderer, preload, Node's worker_threads). */
export type DomMessagePortLike = {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  start?(): void;
  close(): void;
};

export const fromDomMessagePort = (port: DomMessagePortLike): Transport => {
  const messages = createListeners<[unknown]>();
  const closed = createListeners<[]>();
  const onMessage = (event: { data: unknown }): void => messages.emit(event.data);
  port.addEventListener('message', onMessage);
  port.start?.();
  let open = true;
  return {
    send: (frame) => {
      if (open) port.postMessage(frame);
    },
    subscribe: messages.add,
    onClose: closed.add,
    close: () => {
      if (!open) return;
      open = false;
      port.removeEventListener('message', onMessage);
      port.close();
      closed.emit();
      messages.clear();
    },
  };
};

/** Two connected ends in one process. Frames are cloned and delivered asynchronously, as on a real port. */
export const createInProcessPair = (): [Transport, Transport] => {
  const ends = [0, 1].map(() => ({ messages: createListeners<[unknown]>(), closed: createListeners<[]>() }));
  let open = true;
  const closeBoth = (): void => {
    if (!open) return;
    open = false;
    for (const end of ends) end.closed.emit();
  };
  const makeEnd = (self: number): Transport => {
    const other = ends[1 - self]!;
    return {
      send: (frame) => {
        if (!open) return;
        const copy = structuredClone(frame);
        queueMicrotask(() => {
          if (open) other.messages.emit(copy);
        });
      },
      subscribe: ends[self]!.messages.add,
      onClose: ends[self]!.closed.add,
      close: closeBoth,
    };
  };
  return [makeEnd(0), makeEnd(1)];
};
