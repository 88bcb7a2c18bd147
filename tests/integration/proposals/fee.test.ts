import { describe, expect, it } from 'vitest';
import { platformFeePercent } from '../../../shared/domain/proposal';
import { insertAccount, writeAccountValue } from '../../../electron/core/db/repositories/accounts-repository';
import { applyRecord } from '../../../electron/core/db/repositories/platform-records-repository';
import { readPlatformFee } from '../../../electron/core/db/repositories/proposal-parts-repository';
import type { PlatformClient, PlatformResult } from '../../../electron/core/sync/platform-client';
import { refreshTerms, termsRefreshMs } from '../../../electron/core/sync/terms';
import { signIn, useCoreHarness, waitForFirstSync } from '../../support/core-harness';
import { makeProject } from '../../support/workspace-records';

const { openWorkspace, startPlatform } = useCoreHarness();

/** A platform that answers every request with `answer`, counting the calls. */
const fakePlatform = (answer: PlatformResult): PlatformClient & { calls: number } => {
  const fake = {
    baseUrl: 'http://127.0.0.1:1',
    calls: 0,
    send: () => {
      fake.calls += 1;
      return Promise.resolve(answer);
    },
  };
  return fake;
};

describe('the platform fee', () => {
  it('is the default until a sync has read the platform’s terms, then the platform’s, kept offline', async () => {
    const platform = await startPlatform({ proposalFeePercent: 12.5 });
    const { core, client } = await openWorkspace(platform.url);
    expect(readPlatformFee(core.db)).toEqual({ percent: platformFeePercent, source: 'default' });

    await signIn(client, platform);
    await waitForFirstSync(client);
    const { id: project } = core.db.prepare("SELECT id FROM projects WHERE status = 'open' AND id NOT IN (SELECT project_id FROM proposals)").get() as { id: string };
    const { id } = await client.proposals.createDraft({ projectId: project, locale: 'en' });
    await expect.poll(async () => (await client.proposals.getProposal({ id }))!.fee).toEqual({ percent: 12.5, source: 'platform' });

    // Offline from here: the fee read last time stays.
    await client.sync.signOut();
    expect((await client.proposals.getProposal({ id }))!.fee).toEqual({ percent: 12.5, source: 'platform' });
  });

  it('is read at most every few hours, and an answer that breaks the contract is ignored', async () => {
    const { core } = await openWorkspace();
    expect(readPlatformFee(core.db)).toEqual({ percent: platformFeePercent, source: 'default' });
    const now = new Date('2026-11-20T10:00:00Z');
    // The terms are the account's: each platform has its own fee.
    const { id: accountId } = insertAccount(core.db, { platform: 'bottega', label: 'demo', baseUrl: 'http://127.0.0.1:1', now });

    const broken = fakePlatform({ kind: 'ok', status: 200, body: { proposal_fee_percent: 'ten' } });
    expect(await refreshTerms(core.db, broken, { accountId, now })).toBe('failed');
    const offline = fakePlatform({ kind: 'retry', delayMs: 1000, reason: 'network down' });
    expect(await refreshTerms(core.db, offline, { accountId, now })).toBe('failed');
    expect(readPlatformFee(core.db)).toEqual({ percent: platformFeePercent, source: 'default' });

    const good = fakePlatform({ kind: 'ok', status: 200, body: { proposal_fee_percent: 8, effective_at: '2026-06-01T00:00:00.000Z' } });
    expect(await refreshTerms(core.db, good, { accountId, now })).toBe('updated');
    expect(await refreshTerms(core.db, good, { accountId, now: new Date(now.getTime() + termsRefreshMs - 1) })).toBe('fresh');
    expect(good.calls).toBe(1);
    expect(await refreshTerms(core.db, good, { accountId, now: new Date(now.getTime() + termsRefreshMs) })).toBe('updated');
    expect(good.calls).toBe(2);
    expect(readPlatformFee(core.db)).toEqual({ percent: 8, source: 'platform' });
  });

  it('of a proposal is the one its project’s account reported: each platform has its own', async () => {
    const { core, client } = await openWorkspace();
    const now = new Date('2026-11-20T10:00:00Z');
    const bottega = insertAccount(core.db, { platform: 'bottega', label: 'Bottega', baseUrl: 'http://127.0.0.1:1', now });
    const freelancer = insertAccount(core.db, { platform: 'freelancer', label: 'Freelancer', baseUrl: 'https://www.freelancer.com/', now });
    core.db.transaction(() => {
      writeAccountValue(core.db, bottega.id, 'platform_fee_percent', '12');
      writeAccountValue(core.db, freelancer.id, 'platform_fee_percent', '10');
      applyRecord(core.db, 'project', makeProject('prj_b1'), now.toISOString(), bottega.id);
      applyRecord(core.db, 'project', makeProject('prj_fl-1'), now.toISOString(), freelancer.id);
    }).immediate();
    const onBottega = await client.proposals.createDraft({ projectId: 'prj_b1', locale: 'en' });
    const onFreelancer = await client.proposals.createDraft({ projectId: 'prj_fl-1', locale: 'en' });
    expect((await client.proposals.getProposal({ id: onBottega.id }))!.fee).toEqual({ percent: 12, source: 'platform' });
    expect((await client.proposals.getProposal({ id: onFreelancer.id }))!.fee).toEqual({ percent: 10, source: 'platform' });
  });
});
