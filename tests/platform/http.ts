/** Small HTTP helpers for the reference server: replies as values (so they can be stored, replayed, truncated). */
import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import type { ApiErrorCode } from '../../shared/platform/errors';

export type Reply = { status: number; headers: Record<string, string>; body: Buffer };

export const jsonReply = (status: number, value: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: Buffer.from(JSON.stringify(value)),
});

/** A JSON error answer `{error, message, field?}` (or any body, for 409 with `current`). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly field?: string,
    readonly headers: Record<string, string> = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }

  toReply(): Reply {
    return jsonReply(
      this.status,
      { error: this.code, message: this.message, ...(this.field ? { field: this.field } : {}), ...this.extra },
      this.headers,
    );
  }
}

/** Reads the body up to `limit` bytes; beyond that → 413 (the rest is drained so the client can read the answer). */
export const readBody = (request: IncomingMessage, limit: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? NaN);
    const tooLarge = () => new HttpError(413, 'payload_too_large', `body over ${limit} bytes`, undefined, { connection: 'close' });
    const chunks: Buffer[] = [];
    let size = 0;
    let over = Number.isFinite(declared) && declared > limit;
    let drained = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      if (over) {
        drained += chunk.length;
        // A client that keeps sending far past the limit is cut off rather than read forever.
        if (drained > 64 * 1024 * 1024) request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => (over ? reject(tooLarge()) : resolve(Buffer.concat(chunks))));
    request.on('error', reject);
  });

export const parseJson = (body: Buffer): unknown => {
  const text = body.toString('utf8');
  if (text.trim() === '') throw new HttpError(400, 'malformed_json', 'the body is empty; a JSON object was expected');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new HttpError(400, 'malformed_json', `the body is not valid JSON: ${(error as Error).message}`);
  }
};

const joinPath = (path: readonly PropertyKey[]): string => path.map(String).join('.');

/** Validates with zod; the first issue becomes a 422 naming the field (`milestones.0.amount_minor`). */
export const validate = <S extends z.ZodType>(schema: S, value: unknown): z.output<S> => {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new HttpError(422, 'validation_failed', 'invalid body');
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const path = keys.length > 0 ? [...issue.path, keys[0] as string] : issue.path;
  const field = path.length > 0 ? joinPath(path) : 'body';
  const message = issue.code === 'unrecognized_keys' ? `unknown field "${field}"` : `${field}: ${issue.message}`;
  throw new HttpError(422, 'validation_failed', message, field);
};

/** `If-Match: 3`, `"3"` or `W/"3"` → 3; `*` → '*'; absent → null; anything else → 400. */
export const parseIfMatch = (header: string | string[] | undefined): number | '*' | null => {
  if (header === undefined) return null;
  const value = (Array.isArray(header) ? header[0] : header)?.trim() ?? '';
  if (value === '*') return '*';
  const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec(value);
  if (!match) throw new HttpError(400, 'invalid_request', 'If-Match must be a record version such as 3 or "3"', 'If-Match');
  return Number(match[1]);
};

export const headerValue = (header: string | string[] | undefined): string | undefined =>
  Array.isArray(header) ? header[0] : header;
