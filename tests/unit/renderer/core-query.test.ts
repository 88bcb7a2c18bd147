import { describe, expect, it } from 'vitest';
import { createCoreQuery } from '../../../renderer/src/data/core-query';

/** A fetch whose answers the test releases one by one, in any order. */
const controlledFetch = () => {
  const pending: { resolve: (value: string) => void; reject: (error: unknown) => void }[] = [];
  const fetch = () => new Promise<string>((resolve, reject) => pending.push({ resolve, reject }));
  return { fetch, pending };
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('core query', () => {
  it('never lets an answer older than the latest request land', async () => {
    const { fetch, pending } = controlledFetch();
    let invalidate = (): void => undefined;
    const query = createCoreQuery(fetch, (onEvent) => {
      invalidate = onEvent;
      return () => undefined;
    });
    query.start();
    invalidate();
    expect(pending).toHaveLength(2);
    pending[1]!.resolve('newer');
    await settle();
    expect(query.read()).toMatchObject({ status: 'ready', data: 'newer' });
    pending[0]!.resolve('older');
    await settle();
    expect(query.read()).toMatchObject({ status: 'ready', data: 'newer' });
    pending[0]!.reject(new Error('late failure'));
    await settle();
    expect(query.read().status).toBe('ready');
  });

  it('reads again on an invalidating event, tells watchers, and stops listening when stopped', async () => {
    const { fetch, pending } = controlledFetch();
    const subscribers = new Set<() => void>();
    const emit = () => subscribers.forEach((listener) => listener());
    const query = createCoreQuery(fetch, (onEvent) => {
      subscribers.add(onEvent);
      return () => subscribers.delete(onEvent);
    });
    let changes = 0;
    query.watch(() => changes++);
    const stop = query.start();
    pending[0]!.resolve('first');
    await settle();
    emit();
    expect(pending).toHaveLength(2);
    pending[1]!.resolve('second');
    await settle();
    expect(query.read()).toMatchObject({ status: 'ready', data: 'second' });
    expect(changes).toBe(2);
    stop();
    emit();
    expect(pending).toHaveLength(2);
  });

  it('keeps the last data when a read fails, and a stopped query ignores what was on its way', async () => {
    const { fetch, pending } = controlledFetch();
    const query = createCoreQuery(fetch, () => () => undefined);
    query.start();
    pending[0]!.resolve('kept');
    await settle();
    query.refetch();
    pending[1]!.reject(new Error('offline'));
    await settle();
    expect(query.read()).toMatchObject({ status: 'failed', data: 'kept' });
    const stop = query.start();
    stop();
    pending[2]!.resolve('after stop');
    await settle();
    expect(query.read().status).toBe('failed');
  });
});
