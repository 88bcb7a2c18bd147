import type { Migration } from '../migrate';

/**
 * A failed write remembers whether the platform refused it (a 4xx: nothing was committed there under its
 * idempotency key, so a retry goes out under a new key instead of getting the stored refusal back) or it
 * failed here without a refusal (kept key: an earlier attempt may have landed). Writes already failed
 * before this version cannot tell which: they keep their keys, the safe side.
 */
const schema = `
  ALTER TABLE outbox ADD COLUMN refused INTEGER NOT NULL DEFAULT 0 CHECK (refused IN (0, 1));
`;

export const migration0009OutboxRefusals: Migration = {
  version: 9,
  name: '0009-outbox-refusals',
  up: (db) => db.exec(schema),
};
