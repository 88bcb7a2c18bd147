import type { Contract } from '../../../shared/contract';
import {
  computeBestHours,
  computeBidCost,
  computeEarnings,
  computeFunnel,
  computeReplyTimes,
  computeWinRates,
} from '../insights/insight-figures';
import type { DomainHandlers } from '../rpc/rpc-server';
import type { CoreContext } from './context';

/** Read-only figures over the workspace (shared/contract/insights.ts says what each one means). */
export const createInsightsHandlers = ({ db }: CoreContext) =>
  ({
    getFunnel: ({ filter }) => computeFunnel(db, filter),
    getWinRates: ({ filter, dimension }) => computeWinRates(db, filter, dimension),
    getReplyTimes: ({ filter }) => computeReplyTimes(db, filter),
    getEarnings: ({ filter }) => computeEarnings(db, filter),
    getBidCost: ({ filter }) => computeBidCost(db, filter),
    getBestHours: ({ filter, timeZone }) => computeBestHours(db, filter, timeZone),
  }) satisfies DomainHandlers<Contract, 'insights'>;
