import type { ContractShape, DomainOf, EventOf, InputOf, MethodOf, OutputOf, PayloadOf } from './define';
import { toChannel } from './define';
import { RpcError, type RpcErrorData } from './errors';
import { serverFrameSchema, type RequestFrame } from './frames';
import { createListeners, type Transport } from './transport';

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: RpcErrorData };

export type Subscribe<C extends ContractShape> = <E extends EventOf<C>>(
  event: E,
  listener: (payload: PayloadOf<C, E>) => void,
) => () => void;

/**
 * The contract as plain functions answering result envelopes. This is what the preload exposes as
 * `window.bottega`: envelopes survive contextBridge intact, where thrown errors would lose their code.
 */
export type Bridge<C extends ContractShape> = {
  readonly [D in DomainOf<C>]: {
    readonly [M in MethodOf<C, D>]: (input: InputOf<C, D, M>) => Promise<RpcResult<OutputOf<C, D, M>>>;
  };
} & { readonly on: Subscribe<C> };

/** The renderer's view: the same calls, answering values and throwing RpcError. */
export type Client<C extends ContractShape> = {
  readonly [D in DomainOf<C>]: {
    readonly [M in MethodOf<C, D>]: (input: InputOf<C, D, M>) => Promise<OutputOf<C, D, M>>;
  };
} & { readonly on: Subscribe<C> };

const closedError: RpcErrorData = { code: 'transport_closed', message: 'The connection to the Bottega core was closed.' };

type AnyFn = (input: unknown) => Promise<unknown>;

const mapMethods = (contract: ContractShape, make: (domain: string, method: string) => AnyFn) =>
  Object.fromEntries(
    Object.entries(contract.methods).map(([domain, methods]) => [
      domain,
      Object.fromEntries(Object.keys(methods).map((method) => [method, make(domain, method)])),
    ]),
  );

export const createBridge = <C extends ContractShape>(contract: C, transport: Transport): Bridge<C> => {
  const pending = new Map<number, (result: RpcResult<unknown>) => void>();
  const events = new Map<string, ReturnType<typeof createListeners<[unknown]>>>();
  let nextId = 1;
  let closed = false;

  transport.subscribe((raw) => {
    const parsed = serverFrameSchema.safeParse(raw);
    if (!parsed.success) return;
    const frame = parsed.data;
    if (frame.kind === 'event') {
      events.get(frame.event)?.emit(frame.payload);
      return;
    }
    const settle = pending.get(frame.id);
    if (!settle) return;
    pending.delete(frame.id);
    settle(frame.ok ? { ok: true, value: frame.value } : { ok: false, error: frame.error });
  });

  transport.onClose(() => {
    closed = true;
    for (const settle of pending.values()) settle({ ok: false, error: closedError });
    pending.clear();
  });

  const call = (channel: string, input: unknown): Promise<RpcResult<unknown>> =>
    new Promise((resolve) => {
      if (closed) {
        resolve({ ok: false, error: closedError });
        return;
      }
      const id = nextId++;
      pending.set(id, resolve);
      try {
        transport.send({ kind: 'request', id, channel, input } satisfies RequestFrame);
      } catch (error) {
        // A transport that cannot carry this call (too large) says so as a typed answer; the connection stays.
        pending.delete(id);
        resolve({ ok: false, error: error instanceof RpcError ? error.toData() : { code: 'internal', message: String(error) } });
      }
    });

  const on = (event: string, listener: (payload: unknown) => void): (() => void) => {
    let listeners = events.get(event);
    if (!listeners) {
      listeners = createListeners<[unknown]>();
      events.set(event, listeners);
    }
    return listeners.add(listener);
  };

  return {
    ...mapMethods(contract, (domain, method) => (input) => call(toChannel(domain, method), input)),
    on,
  } as unknown as Bridge<C>;
};

export const createClient = <C extends ContractShape>(contract: C, bridge: Bridge<C>): Client<C> => {
  const untyped = bridge as unknown as Record<string, Record<string, (input: unknown) => Promise<RpcResult<unknown>>>>;
  return {
    ...mapMethods(contract, (domain, method) => async (input) => {
      const result = await untyped[domain]![method]!(input);
      if (!result.ok) throw new RpcError(result.error);
      return result.value;
    }),
    on: bridge.on,
  } as unknown as Client<C>;
};

export type { EventOf };
