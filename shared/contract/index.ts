import { defineContract, listChannels } from '../rpc/define';
import type { Bridge, Client } from '../rpc/bridge';
import { accountsEvents, accountsMethods } from './accounts';
import { appMethods } from './app';
import { attentionEvents, attentionMethods } from './attention';
import { communityEvents, communityMethods } from './community';
import { draftsMethods } from './drafts';
import { clientsMethods } from './clients';
import { feedEvents, feedMethods } from './feed';
import { insightsMethods } from './insights';
import { messagesEvents, messagesMethods } from './messages';
import { portfolioEvents, portfolioMethods } from './portfolio';
import { proposalsEvents, proposalsMethods } from './proposals';
import { searchMethods } from './search';
import { settingsEvents, settingsMethods } from './settings';
import { syncEvents, syncMethods } from './sync';
import { updatesEvents, updatesMethods } from './updates';
import { workspaceEvents, workspaceMethods } from './workspace';

/** Every call and event between the renderer and the core. Channel names derive from these keys. */
export const contract = defineContract({
  methods: {
    app: appMethods,
    settings: settingsMethods,
    feed: feedMethods,
    sync: syncMethods,
    messages: messagesMethods,
    clients: clientsMethods,
    search: searchMethods,
    community: communityMethods,
    updates: updatesMethods,
    portfolio: portfolioMethods,
    proposals: proposalsMethods,
    drafts: draftsMethods,
    workspace: workspaceMethods,
    insights: insightsMethods,
    attention: attentionMethods,
    accounts: accountsMethods,
  },
  events: {
    ...settingsEvents,
    ...feedEvents,
    ...messagesEvents,
    ...syncEvents,
    ...updatesEvents,
    ...portfolioEvents,
    ...proposalsEvents,
    ...workspaceEvents,
    ...communityEvents,
    ...attentionEvents,
    ...accountsEvents,
  },
});

export type Contract = typeof contract;
export type BottegaBridge = Bridge<Contract>;
export type BottegaClient = Client<Contract>;

export const channels = listChannels(contract);
