import type { z } from 'zod';
import type { ContractShape, DomainOf, EventOf, MethodOf, ParsedInputOf, OutputOf, PayloadOf } from '../../../shared/rpc/define';
import { findMethod } from '../../../shared/rpc/define';
import { describeIssues, RpcError, type RpcErrorData } from '../../../shared/rpc/errors';
import { requestFrameSchema, type EventFrame, type ResponseFrame } from '../../../shared/rpc/frames';
import type { RpcResult } from '../../../shared/rpc/bridge';
import type { Transport } from '../../../shared/rpc/transport';
import type { StorageProblem } from '../../../shared/contract/workspace';
import { classifyStorageError, toStorageRpcError } from '../storage/storage-errors';

export type Handler<C extends ContractShape, D extends DomainOf<C>, M extends MethodOf<C, D>> = (
  input: ParsedInputOf<C, D, M>,
) => Promise<OutputOf<C, D, M>> | OutputOf<C, D, M>;

/** One domain's handlers; the compiler rejects a missing, extra or mistyped method. */
export type DomainHandlers<C extends ContractShape, D extends DomainOf<C>> = {
  readonly [M in MethodOf<C, D>]: Handler<C, D, M>;
};

export type Handlers<C extends ContractShape> = { readonly [D in DomainOf<C>]: DomainHandlers<C, D> };

export type RpcServerOptions = {
  /** Check every answer against the contract too (tests, development): catches a handler drifting from it. */
  validateOutput?: boolean;
  onInternalError?: (channel: string, error: unknown) => void;
  /** A call failed because the disk is full, failing, or the database busy or damaged: answered with that code. */
  onStorageProblem?: (problem: StorageProblem, channel: string, error: unknown) => void;
};

export type RpcServer<C extends ContractShape> = {
  dispatch(channel: string, input: unknown): Promise<RpcResult<unknown>>;
  /** Serves one connection until it closes; returns a function that detaches it. */
  serve(transport: Transport): () => void;
  emit<E extends EventOf<C>>(event: E, payload: PayloadOf<C, E>): void;
  readonly connectionCount: number;
};

const toErrorData = (error: unknown): RpcErrorData | undefined =>
  error instanceof RpcError ? error.toData() : undefined;

export const createRpcServer = <C extends ContractShape>(
  contract: C,
  handlers: Handlers<C>,
  options: RpcServerOptions = {},
): RpcServer<C> => {
  const connections = new Set<Transport>();
  const untypedHandlers = handlers as unknown as Record<string, Record<string, (input: unknown) => unknown>>;

  const dispatch = async (channel: string, input: unknown): Promise<RpcResult<unknown>> => {
    const spec = findMethod(contract, channel);
    if (!spec) return { ok: false, error: { code: 'unknown_method', message: `No method named "${channel}".` } };
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'invalid_input', message: `Invalid input for ${channel}.`, issues: describeIssues(parsed.error) },
      };
    }
    const [domain, method] = [channel.slice(0, channel.indexOf('.')), channel.slice(channel.indexOf('.') + 1)];
    try {
      const value = await untypedHandlers[domain]![method]!(parsed.data);
      if (options.validateOutput) {
        const checked = (spec.output as z.ZodType).safeParse(value);
        if (!checked.success) throw new Error(`Output of ${channel} breaks the contract: ${checked.error.message}`);
      }
      return { ok: true, value };
    } catch (error) {
      const known = toErrorData(error);
      if (known) return { ok: false, error: known };
      // SQLite rolled the call's transaction back: nothing was written, and the user is told why in their language.
      const storage = classifyStorageError(error);
      if (storage) {
        options.onStorageProblem?.(storage, channel, error);
        return { ok: false, error: toStorageRpcError(storage).toData() };
      }
      options.onInternalError?.(channel, error);
      return { ok: false, error: { code: 'internal', message: 'The Bottega core failed to answer this call.' } };
    }
  };

  const serve = (transport: Transport): (() => void) => {
    connections.add(transport);
    const unsubscribe = transport.subscribe((raw) => {
      const frame = requestFrameSchema.safeParse(raw);
      if (!frame.success) {
        // Answer a malformed request that still says who it is, so that its caller does not wait forever.
        const id = (raw as { id?: unknown } | null)?.id;
        if (typeof id === 'number') {
          const error = { code: 'invalid_input', message: 'Malformed request.', issues: describeIssues(frame.error) } as const;
          transport.send({ kind: 'response', id, ok: false, error } satisfies ResponseFrame);
        }
        return;
      }
      const { id, channel, input } = frame.data;
      void dispatch(channel, input).then((result) => {
        if (connections.has(transport)) transport.send({ kind: 'response', id, ...result } satisfies ResponseFrame);
      });
    });
    const detach = (): void => {
      connections.delete(transport);
      unsubscribe();
      stopClose();
    };
    const stopClose = transport.onClose(detach);
    return detach;
  };

  const emit = <E extends EventOf<C>>(event: E, payload: PayloadOf<C, E>): void => {
    const checked = contract.events[event]!.parse(payload);
    for (const transport of connections) transport.send({ kind: 'event', event, payload: checked } satisfies EventFrame);
  };

  return {
    dispatch,
    serve,
    emit,
    get connectionCount() {
      return connections.size;
    },
  };
};
