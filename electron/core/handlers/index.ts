import type { Contract } from '../../../shared/contract';
import type { Handlers } from '../rpc/rpc-server';
import { createAccountsHandlers } from './accounts-handlers';
import { createAppHandlers } from './app-handlers';
import { createAttentionHandlers } from './attention-handlers';
import { createCommunityHandlers } from './community-handlers';
import { createClientsHandlers } from './clients-handlers';
import type { CoreContext } from './context';
import { createDraftsHandlers } from './drafts-handlers';
import { createFeedHandlers } from './feed-handlers';
import { createInsightsHandlers } from './insights-handlers';
import { createMessagesHandlers } from './messages-handlers';
import { createPortfolioHandlers } from './portfolio-handlers';
import { createProposalsHandlers } from './proposals-handlers';
import { createSearchHandlers } from './search-handlers';
import { createSettingsHandlers } from './settings-handlers';
import { createSyncHandlers } from './sync-handlers';
import { createUpdatesHandlers } from './updates-handlers';
import { createWorkspaceHandlers } from './workspace-handlers';

/** Per-domain handler maps merged into the one API the contract describes; the compiler checks the fit. */
export const createHandlers = (context: CoreContext): Handlers<Contract> => ({
  app: createAppHandlers(context),
  settings: createSettingsHandlers(context),
  feed: createFeedHandlers(context),
  sync: createSyncHandlers(context),
  messages: createMessagesHandlers(context),
  clients: createClientsHandlers(context),
  search: createSearchHandlers(context),
  community: createCommunityHandlers(context),
  updates: createUpdatesHandlers(context),
  portfolio: createPortfolioHandlers(context),
  proposals: createProposalsHandlers(context),
  drafts: createDraftsHandlers(context),
  workspace: createWorkspaceHandlers(context),
  insights: createInsightsHandlers(context),
  attention: createAttentionHandlers(context),
  accounts: createAccountsHandlers(context),
});
