import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channels, contract } from '../../../shared/contract';
import { createBridge, createClient } from '../../../shared/rpc/bridge';
import { defineContract, defineMethod, findMethod } from '../../../shared/rpc/define';
import { RpcError } from '../../../shared/rpc/errors';
import { createInProcessPair, fromDomMessagePort, type DomMessagePortLike, type Transport } from '../../../shared/rpc/transport';
import { createRpcServer, type Handlers } from '../../../electron/core/rpc/rpc-server';

const testContract = defineContract({
  methods: {
    math: {
      addNumbers: defineMethod(z.object({ a: z.number(), b: z.number() }).strict(), z.number()),
      failPlainly: defineMethod(z.void(), z.void()),
      failKnown: defineMethod(z.void(), z.void()),
      breakContract: defineMethod(z.void(), z.string()),
    },
  },
  events: { ticked: z.object({ n: z.number() }) },
});

const handlers: Handlers<typeof testContract> = {
  math: {
    addNumbers: ({ a, b }) => a + b,
    failPlainly: () => {
      throw new Error('secret detail that must not reach the renderer');
    },
    failKnown: () => {
      throw new RpcError({ code: 'not_found', message: 'No such thing.' });
    },
    breakContract: () => 42 as unknown as string,
  },
};

const connect = (makePair: () => [Transport, Transport] = createInProcessPair) => {
  const internalErrors: string[] = [];
  const server = createRpcServer(testContract, handlers, {
    validateOutput: true,
    onInternalError: (channel) => internalErrors.push(channel),
  });
  const [near, far] = makePair();
  server.serve(far);
  const client = createClient(testContract, createBridge(testContract, near));
  return { server, client, near, far, internalErrors };
};

describe('the contract', () => {
  it('derives one channel per method from its keys', () => {
    expect(channels).toEqual(
      Object.entries(contract.methods).flatMap(([domain, methods]) => Object.keys(methods).map((m) => `${domain}.${m}`)),
    );
    expect(channels).toContain('feed.listProjects');
    expect(new Set(channels).size).toBe(channels.length);
  });

  it('does not resolve prototype names as methods', () => {
    expect(findMethod(contract, 'feed.constructor')).toBeUndefined();
    expect(findMethod(contract, '__proto__.toString')).toBeUndefined();
    expect(findMethod(contract, 'feed')).toBeUndefined();
  });
});

describe('RPC over a transport', () => {
  it('answers a valid call', async () => {
    const { client } = connect();
    await expect(client.math.addNumbers({ a: 2, b: 3 })).resolves.toBe(5);
  });

  it('refuses invalid input with a typed error naming the field, without calling the handler', async () => {
    const { client } = connect();
    const error = await client.math.addNumbers({ a: 2, b: 'three' as unknown as number }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcError);
    expect((error as RpcError).code).toBe('invalid_input');
    expect((error as RpcError).issues?.map((issue) => issue.path)).toEqual(['b']);
  });

  it('refuses unknown keys in strict inputs', async () => {
    const { client } = connect();
    const error = (await client.math
      .addNumbers({ a: 1, b: 1, extra: true } as unknown as { a: number; b: number })
      .catch((e: unknown) => e)) as RpcError;
    expect(error.code).toBe('invalid_input');
  });

  it('hides unexpected failures behind an internal error and reports them', async () => {
    const { client, internalErrors } = connect();
    const error = (await client.math.failPlainly().catch((e: unknown) => e)) as RpcError;
    expect(error.code).toBe('internal');
    expect(error.message).not.toContain('secret');
    expect(internalErrors).toEqual(['math.failPlainly']);
  });

  it('passes known errors through with their code', async () => {
    const { client } = connect();
    await expect(client.math.failKnown()).rejects.toMatchObject({ code: 'not_found', message: 'No such thing.' });
  });

  it('catches a handler whose answer breaks the contract', async () => {
    const { client } = connect();
    await expect(client.math.breakContract()).rejects.toMatchObject({ code: 'internal' });
  });

  it('answers unknown channels and malformed frames instead of hanging', async () => {
    const { near } = connect();
    const answers: unknown[] = [];
    near.subscribe((frame) => answers.push(frame));
    near.send({ kind: 'request', id: 7, channel: 'math.nothing', input: null });
    near.send({ kind: 'request', id: 8, channel: 42 });
    near.send('not even an object');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(answers).toHaveLength(2);
    expect(answers).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: 7, ok: false, error: expect.objectContaining({ code: 'unknown_method' }) }),
      expect.objectContaining({ id: 8, ok: false, error: expect.objectContaining({ code: 'invalid_input' }) }),
    ]));
  });

  it('pushes events to every connection and validates them', async () => {
    const server = createRpcServer(testContract, handlers);
    const received: number[] = [];
    for (let i = 0; i < 2; i++) {
      const [near, far] = createInProcessPair();
      server.serve(far);
      createBridge(testContract, near).on('ticked', ({ n }) => received.push(n));
    }
    server.emit('ticked', { n: 1 });
    expect(() => server.emit('ticked', { n: 'x' } as unknown as { n: number })).toThrow();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(received).toEqual([1, 1]);
  });

  it('fails pending and later calls when the transport closes', async () => {
    const server = createRpcServer(testContract, handlers);
    const [near, far] = createInProcessPair();
    const detach = server.serve(far);
    const client = createClient(testContract, createBridge(testContract, near));
    const pending = client.math.addNumbers({ a: 1, b: 1 });
    near.close();
    await expect(pending).rejects.toMatchObject({ code: 'transport_closed' });
    await expect(client.math.addNumbers({ a: 1, b: 1 })).rejects.toMatchObject({ code: 'transport_closed' });
    expect(server.connectionCount).toBe(0);
    detach();
  });

  it('works over real MessagePorts', async () => {
    const { client, near, far } = connect(() => {
      const channel = new MessageChannel();
      // Node's ports type their listeners as DOM EventListeners; at run time they deliver MessageEvents.
      const asDomPort = (port: MessagePort) => port as unknown as DomMessagePortLike;
      return [fromDomMessagePort(asDomPort(channel.port1)), fromDomMessagePort(asDomPort(channel.port2))];
    });
    await expect(client.math.addNumbers({ a: 40, b: 2 })).resolves.toBe(42);
    near.close();
    far.close();
  });
});
