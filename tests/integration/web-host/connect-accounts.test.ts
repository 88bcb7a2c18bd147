/**
 * Scripted setup (issue #14): `--connect freelancer=<base URL>` with the token in BOTTEGA_FREELANCER_TOKEN adds
 * the account through the same accounts call Settings makes; a second start leaves it as it is; a missing or
 * wrong token adds nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connectAccounts, parseConnectRequests } from '../../../electron/web-host/connect-accounts';
import { type FreelancerFixture, startFreelancerFixture } from '../../platform/freelancer/server';
import { useCoreHarness } from '../../support/core-harness';

const { openWorkspace } = useCoreHarness();
const fixtures: FreelancerFixture[] = [];
afterEach(async () => {
  await Promise.all(fixtures.splice(0).map((fixture) => fixture.close()));
});

describe('--connect', () => {
  it('reads platform=<base URL> and refuses anything else in words', () => {
    expect(parseConnectRequests(['freelancer=http://127.0.0.1:4100'])).toEqual([{ platform: 'freelancer', baseUrl: 'http://127.0.0.1:4100' }]);
    expect(() => parseConnectRequests(['upwork=https://example.com'])).toThrow('use freelancer=<base URL>');
    expect(() => parseConnectRequests(['http://127.0.0.1:4100'])).toThrow('use freelancer=<base URL>');
    expect(() => parseConnectRequests(['freelancer='])).toThrow('the base URL is missing');
  });

  it('adds the account as Settings does, once, and nothing without a good token', async () => {
    const fixture = await startFreelancerFixture({ seed: 3, scale: 'tiny' });
    fixtures.push(fixture);
    const { core, client } = await openWorkspace();
    const request = parseConnectRequests([`freelancer=${fixture.url}`]);

    expect(await connectAccounts(core, request, {})).toEqual([{ request: request[0], outcome: 'failed', reason: 'set BOTTEGA_FREELANCER_TOKEN in the environment' }]);
    expect(await connectAccounts(core, request, { BOTTEGA_FREELANCER_TOKEN: 'wrong' })).toEqual([{ request: request[0], outcome: 'failed', reason: 'invalid_credentials' }]);
    expect(await client.accounts.listAccounts()).toEqual([]);

    expect(await connectAccounts(core, request, { BOTTEGA_FREELANCER_TOKEN: fixture.token })).toEqual([{ request: request[0], outcome: 'added' }]);
    expect(await connectAccounts(core, request, { BOTTEGA_FREELANCER_TOKEN: fixture.token })).toEqual([{ request: request[0], outcome: 'already_there' }]);
    const accounts = await client.accounts.listAccounts();
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({ platform: 'freelancer', baseUrl: fixture.url, platformUserId: String(fixture.selfId) });
  });
});
