import { changesEnvelopePageSchema, parseChange } from '../../../shared/platform/changes';
import type { RecordOf, RecordType } from '../../../shared/platform/records';
import { toRecordColumns, type RowValue } from '../db/repositories/platform-records-repository';

/** One change of a page, checked and turned into the values of its table's columns, ready to write. */
export type FeedItem =
  | {
      op: 'upsert';
      type: RecordType;
      id: string;
      version: number;
      /** In the order of the page's `columns[type]`. */
      values: RowValue[];
      /**
       * The record as the platform sent it, UTF-8: a view into one buffer per page (`buffers`), so the page's
       * largest strings cross from the parser's thread without a copy and stay out of the writer's heap.
       */
      raw: Uint8Array;
      /** The checked record, only for the types the user edits (their writes need it whole). */
      record: RecordOf<RecordType> | null;
    }
  | { op: 'delete'; type: RecordType; id: string; version: number }
  | { op: 'invalid'; type: string; id: string; reason: string; envelope: unknown };

export type FeedPage =
  | {
      ok: true;
      items: FeedItem[];
      /** Column names per record type present in the page (the same for every row of that type). */
      columns: Partial<Record<RecordType, string[]>>;
      /** What the items' bytes live in: handed over whole when the page crosses threads. */
      buffers: ArrayBuffer[];
      nextCursor: string;
      hasMore: boolean;
    }
  | { ok: false; reason: string };

const noBytes = new Uint8Array(0);
/** The most of a record the quarantine keeps as received; a larger one is kept by its identity only. */
const maxQuarantinedChars = 1024 * 1024;

/** JSON text, or null for a value nested deeper than the serializer's stack (a hostile platform's 100,000 levels). */
const stringifyOrNull = (value: unknown): string | null => {
  try {
    return JSON.stringify(value);
  } catch {
    return null;
  }
};

/**
 * What the quarantine keeps of a record it could not take: the envelope as received, unless it is too large
 * or too deeply nested to store (or to hand across threads); then its identity and why the rest was dropped.
 */
const keepableEnvelope = (envelope: { type: string; id: string; op?: unknown; version?: unknown }): unknown => {
  const text = stringifyOrNull(envelope);
  if (text !== null && text.length <= maxQuarantinedChars) return envelope;
  return { type: envelope.type, id: envelope.id, op: envelope.op, version: envelope.version, data: null, dropped: 'too large or nested too deep to keep' };
};

/** Records the user edits in Bottega (proposals, portfolio, profile); the rest only the platform writes. */
export const editableTypes: ReadonlySet<RecordType> = new Set<RecordType>(['proposal', 'portfolio_item', 'profile']);

/**
 * Everything a page costs before it touches the database: JSON, validation of each record (failures become
 * `invalid` items with the reason, the rest of the page stays good) and the mapping to columns. Pure, so it
 * runs the same inline or in the feed parser's worker thread.
 */
export const parseFeedPage = (text: string): FeedPage => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: `truncated or malformed JSON (${text.length} characters)` };
  }
  const page = changesEnvelopePageSchema.safeParse(json);
  if (!page.success) return { ok: false, reason: 'a changes page that is not one' };
  const items: FeedItem[] = [];
  const columns: Partial<Record<RecordType, string[]>> = {};
  const raws: { item: { raw: Uint8Array }; text: string }[] = [];
  for (const envelope of page.data.changes) {
    const parsed = parseChange(envelope);
    if (!parsed.ok) {
      items.push({ op: 'invalid', type: envelope.type, id: envelope.id, reason: parsed.reason, envelope: keepableEnvelope(envelope) });
      continue;
    }
    const change = parsed.change;
    if (change.op === 'delete') {
      items.push({ op: 'delete', type: change.type, id: change.id, version: change.version });
      continue;
    }
    // `raw` is the record as received, not as parsed: fields this version does not know yet are kept. One
    // of them nested too deep to write back out makes the record one we cannot keep, not a page we cannot read.
    const text = stringifyOrNull(envelope.data);
    if (text === null) {
      items.push({ op: 'invalid', type: envelope.type, id: envelope.id, reason: 'nested too deep', envelope: keepableEnvelope(envelope) });
      continue;
    }
    const row = toRecordColumns(change.type, change.data);
    columns[change.type] ??= Object.keys(row);
    const item = {
      op: 'upsert' as const,
      type: change.type,
      id: change.id,
      version: change.version,
      values: Object.values(row),
      raw: noBytes,
      record: editableTypes.has(change.type) ? change.data : null,
    };
    items.push(item);
    raws.push({ item, text });
  }
  // Every raw record of the page in one buffer, each item a view of its part.
  let total = 0;
  const lengths = raws.map(({ text }) => {
    const length = Buffer.byteLength(text);
    total += length;
    return length;
  });
  const buffer = new ArrayBuffer(total);
  const bytes = Buffer.from(buffer);
  let offset = 0;
  raws.forEach(({ item, text }, i) => {
    const length = lengths[i]!;
    bytes.write(text, offset, length, 'utf8');
    item.raw = new Uint8Array(buffer, offset, length);
    offset += length;
  });
  return { ok: true, items, columns, buffers: [buffer], nextCursor: page.data.next_cursor, hasMore: page.data.has_more };
};
