import { z } from 'zod';
import { versionSchema } from './primitives';
import { type RecordOf, type RecordType, recordSchemas, recordTypes } from './records';

export const changeOps = ['upsert', 'delete'] as const;

/** Page size bounds of `GET /v1/changes`. */
export const changesLimitDefault = 200;
export const changesLimitMax = 1000;

export const changesQuerySchema = z.object({
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().positive().optional(),
});

/**
 * The envelope of one change as a client should first read it: strict about the envelope, lenient about
 * `type` and `data`, so that one bad or unknown record can be quarantined while the rest of the page applies.
 */
export const changeEnvelopeSchema = z.object({
  type: z.string().min(1),
  op: z.enum(changeOps),
  id: z.string().min(1),
  version: versionSchema,
  data: z.record(z.string(), z.unknown()).nullable(),
});

export const changesEnvelopePageSchema = z.object({
  changes: z.array(changeEnvelopeSchema),
  next_cursor: z.string().min(1),
  has_more: z.boolean(),
});

const upsertChangeSchema = <T extends RecordType>(type: T) =>
  z.object({
    type: z.literal(type),
    op: z.literal('upsert'),
    id: z.string().min(1),
    version: versionSchema,
    data: recordSchemas[type],
  });

/** A delete carries no data: the record's id and the tombstone's version are all there is. */
export const tombstoneChangeSchema = z.object({
  type: z.enum(recordTypes),
  op: z.literal('delete'),
  id: z.string().min(1),
  version: versionSchema,
  data: z.null(),
});

export const upsertChangeSchemas = {
  project: upsertChangeSchema('project'),
  client: upsertChangeSchema('client'),
  thread: upsertChangeSchema('thread'),
  message: upsertChangeSchema('message'),
  proposal: upsertChangeSchema('proposal'),
  portfolio_item: upsertChangeSchema('portfolio_item'),
  profile: upsertChangeSchema('profile'),
  story: upsertChangeSchema('story'),
  forum_topic: upsertChangeSchema('forum_topic'),
  forum_post: upsertChangeSchema('forum_post'),
  event: upsertChangeSchema('event'),
} as const satisfies Record<RecordType, z.ZodType>;

/** A fully typed change: what the reference server promises to send when no fault is injected. */
export const changeSchema = z.union([...Object.values(upsertChangeSchemas), tombstoneChangeSchema]);

export const changesPageSchema = z.object({
  changes: z.array(changeSchema),
  /** Always a string, on the last page too: where the next pull resumes. */
  next_cursor: z.string().min(1),
  has_more: z.boolean(),
});

/** `data` of the SSE `changes` event. */
export const changesEventSchema = z.object({ cursor: z.string().min(1) });

export type ChangeOp = (typeof changeOps)[number];
export type ChangeEnvelope = z.infer<typeof changeEnvelopeSchema>;
export type ChangesEnvelopePage = z.infer<typeof changesEnvelopePageSchema>;
export type TombstoneChange = z.infer<typeof tombstoneChangeSchema>;
export type UpsertChange<T extends RecordType = RecordType> = {
  [K in T]: { type: K; op: 'upsert'; id: string; version: number; data: RecordOf<K> };
}[T];
export type Change = z.infer<typeof changeSchema>;
export type ChangesPage = z.infer<typeof changesPageSchema>;
export type ChangesEvent = z.infer<typeof changesEventSchema>;

export type ParsedChange =
  | { ok: true; change: Change }
  | { ok: false; reason: string; envelope: ChangeEnvelope };

/**
 * Why a record was set aside, as the user is told it (translated by the UI): a kind of record this Bottega does
 * not know, a record whose identity disagrees with its envelope, or fields that are not as expected (their paths).
 */
export const quarantineProblemSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('unknown_type'), type: z.string().max(100) }),
  z.object({ code: z.literal('mismatch') }),
  z.object({ code: z.literal('invalid'), fields: z.array(z.string().max(200)).max(5) }),
]);
export type QuarantineProblem = z.infer<typeof quarantineProblemSchema>;

const unknownTypePrefix = 'unknown record type ';
const mismatchReason = 'data.id/data.version disagree with the envelope';

const unquote = (text: string): string => {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'string' ? value : text;
  } catch {
    return text;
  }
};

/** The problem behind a stored quarantine reason (the text parseChange wrote; older or other reasons read as invalid). */
export const quarantineProblemOf = (reason: string): QuarantineProblem => {
  if (reason.startsWith(unknownTypePrefix)) return { code: 'unknown_type', type: unquote(reason.slice(unknownTypePrefix.length)).slice(0, 100) };
  if (reason === mismatchReason) return { code: 'mismatch' };
  const fields = [...reason.matchAll(/^\s*→ at (.+)$/gm)].map((match) => match[1]!.slice(0, 200));
  return { code: 'invalid', fields: [...new Set(fields)].slice(0, 5) };
};

const isRecordType = (type: string): type is RecordType => (recordTypes as readonly string[]).includes(type);

/**
 * Validates one envelope against its record type. Invalid or unknown records come back with a readable reason
 * (for a quarantine table) instead of throwing.
 */
export const parseChange = (envelope: ChangeEnvelope): ParsedChange => {
  if (!isRecordType(envelope.type)) return { ok: false, reason: `${unknownTypePrefix}${JSON.stringify(envelope.type)}`, envelope };
  const result =
    envelope.op === 'delete' ? tombstoneChangeSchema.safeParse(envelope) : upsertChangeSchemas[envelope.type].safeParse(envelope);
  if (!result.success) return { ok: false, reason: z.prettifyError(result.error), envelope };
  const change = result.data;
  if (change.op === 'upsert' && (change.data.id !== change.id || change.data.version !== change.version)) {
    return { ok: false, reason: mismatchReason, envelope };
  }
  return { ok: true, change };
};
