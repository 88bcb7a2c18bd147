import { prepare, type ReadableDB, type WritableDB } from '../database';

export const readSetting = (db: ReadableDB, key: string): string | undefined =>
  (prepare(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;

export const writeSetting = (db: WritableDB, key: string, value: string): void => {
  prepare(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
};

export const deleteSetting = (db: WritableDB, key: string): void => {
  prepare(db, 'DELETE FROM settings WHERE key = ?').run(key);
};
