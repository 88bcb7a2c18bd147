import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { idPrefixes } from '../../../shared/platform/primitives';
import type { WritableDB } from '../db/database';
import type { OutboxEntry } from '../db/repositories/outbox-repository';
import type { PlatformRequest } from './platform-client';

/** A client-generated id: a create that is retried can never make a second record. */
export const newPlatformId = (type: keyof typeof idPrefixes): string =>
  `${idPrefixes[type]}_${randomUUID().replaceAll('-', '')}`;

/** What a unit sees of one queued write while it is pushed: the payload already checked against its schema. */
export type WriteContext<Payload> = { db: WritableDB; entry: OutboxEntry; payload: Payload };

/**
 * One kind of local write, owned by its domain: its name in the outbox, the payload it carries, how it becomes a
 * platform request and how the platform's answer settles it. The push loop knows nothing else of it.
 * (Method syntax on purpose: a registry of units with different payloads is then one `AnyWriteUnit` record.)
 */
export type WriteUnit<Name extends string, Payload> = {
  name: Name;
  payload: z.ZodType<Payload>;
  /** Creates carry a client-generated id: a 409 "already exists" means this very write landed before. */
  create: boolean;
  toRequest(ctx: WriteContext<Payload>): PlatformRequest;
  /** If-Match worked out when sent (default: the version the write was made against). */
  ifMatch?(ctx: WriteContext<Payload>): number | null;
  /** Settles an accepted write itself (in a transaction) instead of storing the answer as the record. */
  settle?(answer: unknown, ctx: WriteContext<Payload>): void;
  /** What the platform's refusal does to the local record (in the transaction that marks the write failed). */
  onRefused?(ctx: WriteContext<Payload>): void;
};

export type AnyWriteUnit = WriteUnit<string, unknown>;

/** Declares a unit with its name kept literal and its payload type taken from its schema. */
export const defineWriteUnit = <const Name extends string, Payload>(unit: WriteUnit<Name, Payload>): WriteUnit<Name, Payload> => unit;
