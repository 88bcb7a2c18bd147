import { RpcError } from '../../../shared/rpc/errors';
import type { StorageProblem } from '../../../shared/contract/workspace';

/**
 * What a failed read or write of the workspace's files means for the user, from SQLite's extended result codes
 * (better-sqlite3's SqliteError.code) or Node's errno codes. Null: not a storage fault (a bug, bad input).
 */
export const classifyStorageError = (error: unknown): StorageProblem | null => {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'disk_full';
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'io_error';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'locked';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'corrupt';
  return null;
};

const messages: Record<StorageProblem, string> = {
  disk_full: 'The disk is full: nothing was saved.',
  io_error: 'The disk reported an error: nothing was saved.',
  locked: 'The workspace is busy in another program: nothing was saved.',
  corrupt: 'The workspace file is damaged.',
};

/** The typed error a call answers with when storage failed under it; the renderer translates the code. */
export const toStorageRpcError = (problem: StorageProblem): RpcError => new RpcError({ code: problem, message: messages[problem] });
