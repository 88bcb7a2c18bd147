import { changesEnvelopePageSchema, parseChange } from '../../../shared/platform/changes';
import type { RecordOf, RecordType } from '../../../shared/platform/records';
import { toRecordRow, type RowValue } from '../db/repositories/platform-records-repository';

/** One change of a page, checked and turned into the values of its table's columns, ready to write. */
export type FeedItem =
  | {
      op: 'upsert';
      type: RecordType;
      id: string;
      version: number;
      /** In the order of the page's `columns[type]`; `raw` (the record as the platform sent it) last. */
      values: RowValue[];
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
      nextCursor: string;
      hasMore: boolean;
    }
  | { ok: false; reason: string };

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
  for (const envelope of page.data.changes) {
    const parsed = parseChange(envelope);
    if (!parsed.ok) {
      items.push({ op: 'invalid', type: envelope.type, id: envelope.id, reason: parsed.reason, envelope });
      continue;
    }
    const change = parsed.change;
    if (change.op === 'delete') {
      items.push({ op: 'delete', type: change.type, id: change.id, version: change.version });
      continue;
    }
    // `raw` is the record as received, not as parsed: fields this version does not know yet are kept.
    const row = toRecordRow(change.type, change.data, JSON.stringify(envelope.data));
    columns[change.type] ??= Object.keys(row);
    items.push({
      op: 'upsert',
      type: change.type,
      id: change.id,
      version: change.version,
      values: Object.values(row),
      record: editableTypes.has(change.type) ? change.data : null,
    });
  }
  return { ok: true, items, columns, nextCursor: page.data.next_cursor, hasMore: page.data.has_more };
};
