import { describe, expect, it } from 'vitest';
import { hostRequestSchema } from '../../../electron/core/host-messages';
import { buildFreelancerAuthorizeUrl, freelancerAccountsOrigin } from '../../../electron/core/connectors/freelancer/oauth';
import { isAllowedSignInPage } from '../../../shared/domain/sign-in-pages';

describe('which sign-in pages the system browser may be sent to', () => {
  it('allows Freelancer.com’s accounts sites over https and pages on this computer, nothing else', () => {
    expect(isAllowedSignInPage('https://accounts.freelancer.com/oauth/authorize?client_id=x')).toBe(true);
    expect(isAllowedSignInPage('https://accounts.freelancer-sandbox.com/oauth/authorize')).toBe(true);
    expect(isAllowedSignInPage('http://127.0.0.1:4100/oauth/authorize')).toBe(true);
    for (const url of [
      'http://accounts.freelancer.com/oauth/authorize',
      'https://accounts.freelancer.com.evil.example/oauth/authorize',
      'https://user:pass@accounts.freelancer.com/oauth/authorize',
      'https://www.freelancer.com/oauth/authorize',
      'http://192.168.1.2/oauth/authorize',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'bottega://open',
      'not a url',
    ]) {
      expect(isAllowedSignInPage(url), url).toBe(false);
    }
  });

  it('main takes a browser.open request only for such a page', () => {
    expect(hostRequestSchema.safeParse({ kind: 'browser.open', url: 'https://accounts.freelancer.com/oauth/authorize' }).success).toBe(true);
    expect(hostRequestSchema.safeParse({ kind: 'browser.open', url: 'https://example.com/' }).success).toBe(false);
  });

  it('maps each Freelancer server to its accounts site, and builds the documented authorize URL with PKCE and state', () => {
    expect(freelancerAccountsOrigin('https://www.freelancer.com')).toBe('https://accounts.freelancer.com');
    expect(freelancerAccountsOrigin('https://www.freelancer-sandbox.com')).toBe('https://accounts.freelancer-sandbox.com');
    expect(freelancerAccountsOrigin('http://127.0.0.1:4100')).toBe('http://127.0.0.1:4100');
    expect(freelancerAccountsOrigin('https://freelancer.example.com')).toBeNull();
    const url = new URL(
      buildFreelancerAuthorizeUrl({ accountsOrigin: 'https://accounts.freelancer.com', clientId: 'app-1', redirectUri: 'http://127.0.0.1:5000/callback', state: 'st', challenge: 'ch' }),
    );
    expect(url.origin + url.pathname).toBe('https://accounts.freelancer.com/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'app-1',
      redirect_uri: 'http://127.0.0.1:5000/callback',
      scope: 'basic',
      advanced_scopes: '2 5 6',
      prompt: 'select_account consent',
      state: 'st',
      code_challenge: 'ch',
      code_challenge_method: 'S256',
    });
    expect(isAllowedSignInPage(url.toString())).toBe(true);
  });
});
