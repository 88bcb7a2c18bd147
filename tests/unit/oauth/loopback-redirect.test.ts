import { afterEach, describe, expect, it, vi } from 'vitest';
import { listenForRedirect, type LoopbackRedirect } from '../../../electron/core/oauth/loopback-redirect';
import { redirectPageIn } from '../../../electron/core/oauth/redirect-page';

const page = redirectPageIn('de');
const open: LoopbackRedirect[] = [];
afterEach(() => {
  for (const redirect of open.splice(0)) redirect.cancel();
  vi.useRealTimers();
});

const listen = async (timeoutMs = 60_000): Promise<LoopbackRedirect> => {
  const redirect = await listenForRedirect({ expectedState: 'the-state-sent', timeoutMs, page });
  open.push(redirect);
  return redirect;
};

const visit = (redirect: LoopbackRedirect, query: string, path = '/callback') => fetch(`${new URL(redirect.redirectUri).origin}${path}?${query}`);

describe('the loopback redirect (RFC 8252)', () => {
  it('listens on 127.0.0.1 at a port the system picks, takes the code and answers with its own translated page', async () => {
    const redirect = await listen();
    expect(redirect.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    const answer = await visit(redirect, 'code=abc123&state=the-state-sent');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await answer.text();
    expect(html).toContain('Sie können diesen Tab schließen');
    // Nothing from elsewhere: no script, no link, no image, no URL at all.
    expect(html).not.toMatch(/<script|<link|<img|https?:/i);
    await expect(redirect.result).resolves.toEqual({ kind: 'code', code: 'abc123' });
  });

  it('refuses a redirect with another state and never hands its code on', async () => {
    const redirect = await listen();
    const answer = await visit(redirect, 'code=stolen&state=someone-else');
    expect(await answer.text()).toContain('Die Anmeldung wurde nicht abgeschlossen');
    await expect(redirect.result).resolves.toEqual({ kind: 'state_mismatch' });
    const missing = await listen();
    await visit(missing, 'code=stolen');
    await expect(missing.result).resolves.toEqual({ kind: 'state_mismatch' });
  });

  it('is one-shot: other paths get 404 and do not settle it; after the first redirect it no longer listens', async () => {
    const redirect = await listen();
    expect((await visit(redirect, 'code=x&state=the-state-sent', '/favicon.ico')).status).toBe(404);
    await visit(redirect, 'error=access_denied&state=the-state-sent');
    await expect(redirect.result).resolves.toEqual({ kind: 'error', error: 'access_denied' });
    await expect(visit(redirect, 'code=late&state=the-state-sent')).rejects.toThrow();
  });

  it('gives up after its timeout, and a cancel ends it at once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const redirect = await listen(5 * 60_000);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    await expect(redirect.result).resolves.toEqual({ kind: 'timeout' });
    vi.useRealTimers();
    const cancelled = await listen();
    cancelled.cancel();
    await expect(cancelled.result).resolves.toEqual({ kind: 'cancelled' });
    await expect(visit(cancelled, 'code=late&state=the-state-sent')).rejects.toThrow();
  });
});
