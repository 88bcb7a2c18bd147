import { describe, expect, it } from 'vitest';
import {
  computeBestHours,
  computeBidCost,
  computeEarnings,
  computeFunnel,
  computeReplyTimes,
  computeWinRates,
} from '../../../electron/core/insights/insight-figures';
import { insightsFilterSchema, winRateDimensions } from '../../../shared/contract/insights';
import { useCoreHarness } from '../../support/core-harness';
import { generateInsightsWorld, insightsAccount, insightsAccounts, writeInsightsWorld } from '../../support/insights-history';
import { createRandom } from '../../support/random';

const { openWorkspace } = useCoreHarness();

describe('insights through the contract', () => {
  it('answers every figure within its output schema, with the same numbers as the core computes', async () => {
    const { core, client } = await openWorkspace(null);
    const world = generateInsightsWorld(createRandom(3), { projects: 20, proposals: 80, generalThreads: 2, messagesPerThread: 10 });
    writeInsightsWorld(core.db, world);
    const filter = { from: '2025-03-01T00:00:00+01:00', to: null, account: insightsAccount };

    const parsed = insightsFilterSchema.parse(filter);
    const funnel = await client.insights.getFunnel({ filter });
    expect(funnel.sample).toBeGreaterThan(0);
    expect(funnel).toEqual(computeFunnel(core.db, parsed));
    for (const dimension of winRateDimensions) {
      expect(await client.insights.getWinRates({ filter, dimension })).toEqual(computeWinRates(core.db, parsed, dimension));
    }
    // Filtered to one account: grouped by account, only that one.
    const account = await client.insights.getWinRates({ filter, dimension: 'account' });
    expect(account.rows.map((row) => row.key)).toEqual([insightsAccount]);
    const every = await client.insights.getWinRates({ filter: { ...filter, account: null }, dimension: 'account' });
    expect(every.rows.map((row) => row.key).sort()).toEqual([...insightsAccounts]);
    expect(every.sample).toBeGreaterThan(account.sample);
    const replies = await client.insights.getReplyTimes({ filter });
    expect(replies).toEqual(computeReplyTimes(core.db, parsed));
    const bidCost = await client.insights.getBidCost({ filter });
    expect(bidCost).toEqual(computeBidCost(core.db, parsed));
    expect(replies.client.sample + replies.client.unanswered).toBe(bidCost.bidsSubmitted);
    const earnings = await client.insights.getEarnings({ filter });
    expect(earnings.sample).toBeGreaterThan(0);
    expect(earnings).toEqual(computeEarnings(core.db, parsed));
    const hours = await client.insights.getBestHours({ filter, timeZone: 'Europe/Rome' });
    expect(hours).toEqual(computeBestHours(core.db, parsed, 'Europe/Rome'));
    expect(hours.hours.reduce((sum, hour) => sum + hour.submitted, 0)).toBe(hours.sample);

    // An account the workspace does not hold: empty figures, not an error; something that is no account id: refused.
    const other = await client.insights.getFunnel({ filter: { ...filter, account: 'acc_elsewhere' } });
    expect(other).toEqual({ stages: funnel.stages.map((stage) => ({ ...stage, count: 0 })), sample: 0 });
    await expect(client.insights.getFunnel({ filter: { ...filter, account: 'someone@else.test' } })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('refuses a period that ends before it starts and an unknown time zone, as invalid input', async () => {
    const { client } = await openWorkspace(null);
    await expect(client.insights.getFunnel({ filter: { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z', account: null } })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(client.insights.getBestHours({ filter: { from: null, to: null, account: null }, timeZone: 'Nowhere/Atlantis' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});
