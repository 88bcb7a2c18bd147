import { changesEnvelopePageSchema } from '../../shared/platform/changes';
import { tokenResponseSchema } from '../../shared/platform/auth';

/**
 * What the platform shows a user, read independently of the sync engine: a full pull with a fresh token
 * through plain fetch, as {type: {id: version}}. Only envelopes are read (faults may corrupt record data,
 * never ids and versions), and a page that fails is simply asked again.
 */
export type ServerRecord = { version: number; data: Record<string, unknown> | null };

export const readServerFeed = async (
  url: string,
  user: { email: string; password: string },
): Promise<Map<string, Map<string, ServerRecord>>> => {
  let access_token = '';
  for (let attempt = 0; !access_token; attempt++) {
    if (attempt > 50) throw new Error('the platform gave no token');
    const response = await fetch(`${url}/v1/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'password', username: user.email, password: user.password }),
    }).catch(() => null);
    const token = tokenResponseSchema.safeParse(await response?.json().catch(() => null));
    if (token.success) access_token = token.data.access_token;
  }
  const view = new Map<string, Map<string, ServerRecord>>();
  let cursor: string | undefined;
  for (;;) {
    const query = new URLSearchParams({ limit: '1000', ...(cursor ? { cursor } : {}) });
    const response = await fetch(`${url}/v1/changes?${query}`, { headers: { authorization: `Bearer ${access_token}` } }).catch(
      () => null,
    );
    const parsed = changesEnvelopePageSchema.safeParse(await response?.json().catch(() => null));
    if (!parsed.success) continue;
    const page = parsed.data;
    for (const change of page.changes) {
      const ofType = view.get(change.type) ?? new Map<string, ServerRecord>();
      view.set(change.type, ofType);
      if (change.op === 'delete') ofType.delete(change.id);
      else ofType.set(change.id, { version: change.version, data: change.data });
    }
    cursor = page.next_cursor;
    if (!page.has_more) return view;
  }
};

/** The same, as {type: {id: version}}: what convergence checks compare. */
export const readServerView = async (
  url: string,
  user: { email: string; password: string },
): Promise<Map<string, Map<string, number>>> =>
  new Map(
    [...(await readServerFeed(url, user))].map(([type, records]) => [
      type,
      new Map([...records].map(([id, record]) => [id, record.version])),
    ]),
  );
