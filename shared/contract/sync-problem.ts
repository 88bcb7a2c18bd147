import { z } from 'zod';

/**
 * Why something did not reach the platform (or come from it), as a code with parameters that the renderer
 * translates: never English text. The platform's own refusal message is kept as a quoted parameter
 * (untrusted text, shown as text, cut short).
 */
export const maxPlatformMessageLength = 500;

export const syncProblemSchema = z.discriminatedUnion('code', [
  /** No connection to the platform (no network, DNS, connection refused or dropped). */
  z.object({ code: z.literal('network') }),
  /** The platform did not answer in time. */
  z.object({ code: z.literal('timeout'), seconds: z.number().int().positive() }),
  /** The platform is busy or failing (429, 5xx): tried again later by itself. */
  z.object({ code: z.literal('unavailable'), status: z.number().int() }),
  /** An answer Bottega cannot read (cut off, malformed, a web page instead of data). */
  z.object({ code: z.literal('bad_answer') }),
  /** An answer (or an upload) larger than Bottega accepts. */
  z.object({ code: z.literal('too_large') }),
  /** The platform refused the request: its status and, when it gave one, its own words. */
  z.object({ code: z.literal('refused'), status: z.number().int(), message: z.string().max(maxPlatformMessageLength).nullable() }),
  /** The platform could not renew the sign-in just now (its token endpoint failed or was unreachable): tried again. */
  z.object({ code: z.literal('refresh_unavailable') }),
  /** The platform no longer accepts this sign-in. */
  z.object({ code: z.literal('session_expired') }),
  /** The platform forgot where this workspace was in its change feed (410): the cache is rebuilt. */
  z.object({ code: z.literal('cursor_lost') }),
  /** The change could not even be prepared for sending (a file it needs is gone, an unknown kind of change). */
  z.object({ code: z.literal('unsendable') }),
  /** Anything else: the log has the details. */
  z.object({ code: z.literal('unexpected') }),
]);
export type SyncProblem = z.infer<typeof syncProblemSchema>;
export type SyncProblemCode = SyncProblem['code'];

/** The platform's words as a parameter: one line, no control characters, cut short. */
export const toPlatformMessage = (text: string | null | undefined): string | null => {
  if (text === null || text === undefined) return null;
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/ {2,}/g, ' ').trim();
  if (clean === '') return null;
  return clean.length > maxPlatformMessageLength ? `${clean.slice(0, maxPlatformMessageLength - 1)}…` : clean;
};

/** How a problem is kept in a TEXT column (the outbox's last_error). */
export const encodeSyncProblem = (problem: SyncProblem): string => JSON.stringify(problem);

/** A stored problem read back; text from an older Bottega (English, not a code) reads as `unexpected`. */
export const decodeSyncProblem = (stored: string | null): SyncProblem | null => {
  if (stored === null) return null;
  try {
    const parsed = syncProblemSchema.safeParse(JSON.parse(stored));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON: an older row.
  }
  return { code: 'unexpected' };
};
