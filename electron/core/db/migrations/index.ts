import type { Migration } from '../migrate';
import { migration0001Initial } from './0001-initial';
import { migration0002Sync } from './0002-sync';
import { migration0003Workspace } from './0003-workspace';
import { migration0004Community } from './0004-community';
import { migration0005Proposals } from './0005-proposals';
import { migration0006Portfolio } from './0006-portfolio';
import { migration0007ProposalLocalEdits } from './0007-proposal-local-edits';
import { migration0008PortfolioSync } from './0008-portfolio-sync';
import { migration0009OutboxRefusals } from './0009-outbox-refusals';
import { migration0010FeedFilterIndex } from './0010-feed-filter-index';
import { migration0011FormDrafts } from './0011-form-drafts';
import { migration0012Insights } from './0012-insights';
import { migration0013Accounts } from './0013-accounts';
import { migration0014InsightsColumns } from './0014-insights-columns';
import { migration0015InsightsSkills } from './0015-insights-skills';
import { migration0016InsightsPriceIndex } from './0016-insights-price-index';
import { migration0017RestorableDeletes } from './0017-restorable-deletes';
import { migration0018InsightsAccounts } from './0018-insights-accounts';
import { migration0019FeedAccountIndex } from './0019-feed-account-index';
import { migration0020PlatformProfiles } from './0020-platform-profiles';
import { migration0021SkillMatch } from './0021-skill-match';

/** In order, one file per schema version; never edit one that has shipped. */
export const migrations: readonly Migration[] = [
  migration0001Initial,
  migration0002Sync,
  migration0003Workspace,
  migration0004Community,
  migration0005Proposals,
  migration0006Portfolio,
  migration0007ProposalLocalEdits,
  migration0008PortfolioSync,
  migration0009OutboxRefusals,
  migration0010FeedFilterIndex,
  migration0011FormDrafts,
  migration0012Insights,
  migration0013Accounts,
  migration0014InsightsColumns,
  migration0015InsightsSkills,
  migration0016InsightsPriceIndex,
  migration0017RestorableDeletes,
  migration0018InsightsAccounts,
  migration0019FeedAccountIndex,
  migration0020PlatformProfiles,
  migration0021SkillMatch,
];
