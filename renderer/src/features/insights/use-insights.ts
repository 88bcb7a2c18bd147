import type { InsightsFilter } from '../../../../shared/contract/insights';
import { useCoreQuery, type InvalidatingEvent } from '../../data/use-core-query';
import type { ShownDimension } from './insights-figures';

// Figures read proposals, the project threads' messages and the projects (and an account removed takes its
// proposals, its terms the fee): read again when any of them change.
const invalidatedBy: readonly InvalidatingEvent[] = ['proposalsChanged', 'messagesChanged', 'projectsChanged', 'accountsChanged'];

/** Every figure of the insights screen for one period, each its own keyed query through the contract client. */
export const useInsights = (filter: InsightsFilter, dimension: ShownDimension, timeZone: string) => {
  const funnel = useCoreQuery(['insights.getFunnel', filter], (client, [, f]) => client.insights.getFunnel({ filter: f }), { invalidatedBy });
  const winRates = useCoreQuery(['insights.getWinRates', filter, dimension], (client, [, f, d]) => client.insights.getWinRates({ filter: f, dimension: d }), {
    invalidatedBy,
  });
  const replyTimes = useCoreQuery(['insights.getReplyTimes', filter], (client, [, f]) => client.insights.getReplyTimes({ filter: f }), { invalidatedBy });
  const earnings = useCoreQuery(['insights.getEarnings', filter], (client, [, f]) => client.insights.getEarnings({ filter: f }), { invalidatedBy });
  const bidCost = useCoreQuery(['insights.getBidCost', filter], (client, [, f]) => client.insights.getBidCost({ filter: f }), { invalidatedBy });
  const bestHours = useCoreQuery(['insights.getBestHours', filter, timeZone], (client, [, f, zone]) => client.insights.getBestHours({ filter: f, timeZone: zone }), {
    invalidatedBy,
  });
  return { funnel, winRates, replyTimes, earnings, bidCost, bestHours };
};
