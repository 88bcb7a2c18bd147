import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { StoryFilterInput, StorySector, TopicSummary } from '../../../../shared/contract/community';
import type { BottegaClient } from '../../../../shared/contract';
import { useClient } from '../../app/client-context';
import { useCoreQuery } from '../../data/use-core-query';
import { downloadFile } from '../../components/download-file';
import { useCoreAction } from '../../data/use-core-action';

export const communityTabs = ['stories', 'map', 'forum', 'events'] as const;
export type CommunityTab = (typeof communityTabs)[number];

const readTab = (): CommunityTab => {
  const name = window.location.hash.replace(/^#\/?/, '').split('/')[1];
  return communityTabs.find((tab) => tab === name) ?? 'stories';
};
const subscribeHash = (onChange: () => void): (() => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** The tab lives in the hash (#/community/forum) so that reload and back/forward land on it. */
export const useCommunityTab = (): [CommunityTab, (tab: CommunityTab) => void] => {
  const tab = useSyncExternalStore(subscribeHash, readTab);
  const choose = useCallback((next: CommunityTab) => {
    window.location.hash = `#/community/${next}`;
  }, []);
  return [tab, choose];
};

/**
 * Changes whenever the workspace may hold different community data: a pull applied, a queued reply went
 * out or was refused (the core's communityChanged), or the user changed something here (`bump`).
 */
export const useCommunityRevision = (): [string, () => void] => {
  const client = useClient();
  const [remote, setRemote] = useState(0);
  const [local, setLocal] = useState(0);
  useEffect(() => client.on('communityChanged', () => setRemote((count) => count + 1)), [client]);
  const bump = useCallback(() => setLocal((count) => count + 1), []);
  return [`${remote}#${local}`, bump];
};

type Loaded<T> = { value: T | null; error: unknown; loading: boolean };

/**
 * One read keyed by what it reads and the community revision: a new key reads again, and the list keeps showing
 * the previous value meanwhile, so it does not flicker.
 */
const useLoaded = <const K extends readonly unknown[], T>(key: K | null, load: (client: BottegaClient, key: K) => Promise<T>): Loaded<T> => {
  const query = useCoreQuery(key, load, { invalidatedBy: [] });
  if (key === null) return { value: null, error: null, loading: false };
  if (query.status === 'failed') return { value: null, error: query.error, loading: false };
  return { value: query.data ?? query.previous ?? null, error: null, loading: query.status === 'loading' };
};

export const useStories = (filter: StoryFilterInput, limit: number, revision: string) =>
  useLoaded(['community.listStories', filter, limit, revision], (client, [, shown, count]) => client.community.listStories({ filter: shown, limit: count }));

export const useStory = (id: string | null, revision: string) =>
  useLoaded(id === null ? null : ['community.getStory', id, revision], (client, [, storyId]) => client.community.getStory({ id: storyId }));

export const useStoryFacets = (language: string | null, revision: string) =>
  useLoaded(['community.getStoryFacets', language, revision], (client, [, tag]) => client.community.getStoryFacets({ language: tag }));

export const useProfessionMap = (
  filter: { profession: string | null; sector: StorySector | null; language: string | null },
  revision: string,
) => useLoaded(['community.getProfessionMap', filter, revision], (client, [, shown]) => client.community.getProfessionMap(shown));

export type TopicQuery = { text: string; language: string | null; category: TopicSummary['category'] | null; unreadOnly: boolean };

export const useTopics = (query: TopicQuery, limit: number, revision: string) =>
  useLoaded(['community.listTopics', query, limit, revision], (client, [, shown, count]) => client.community.listTopics({ ...shown, limit: count }));

export const useTopic = (id: string | null, revision: string) =>
  useLoaded(id === null ? null : ['community.getTopic', id, revision], (client, [, topicId]) => client.community.getTopic({ id: topicId }));

export const useEvents = (language: string | null, includePast: boolean, revision: string) =>
  useLoaded(['community.listEvents', language, includePast, revision], (client, [, tag, past]) => client.community.listEvents({ language: tag, includePast: past }));

/**
 * Actions: each goes through the contract, then `done` refreshes what shows the result. A refusal is said in the
 * notice region (a reply's is said by the topic view, next to what was typed).
 */
export const useCommunityActions = (done: () => void) => {
  const client = useClient();
  const setSaved = useCoreAction((core, id: string, saved: boolean) => core.community.setStorySaved({ id, saved })).run;
  const markRead = useCoreAction((core, id: string) => core.community.markTopicRead({ id })).run;
  /** Hands the file to the browser's (or Electron's) download: nothing leaves the machine. */
  const exportIcs = useCoreAction(async (core, id: string) => {
    const { fileName, content } = await core.community.exportEventIcs({ id });
    downloadFile(fileName, [content], 'text/calendar;charset=utf-8');
  }).run;
  return {
    setSaved: useCallback(
      async (id: string, saved: boolean) => {
        if ((await setSaved(id, saved)).ok) done();
      },
      [setSaved, done],
    ),
    markRead: useCallback(
      async (id: string) => {
        if ((await markRead(id)).ok) done();
      },
      [markRead, done],
    ),
    reply: useCallback(
      async (topicId: string, body: string, replyTo: string | null) => {
        const result = await client.community.replyToTopic({ topicId, body, replyTo });
        done();
        return result;
      },
      [client, done],
    ),
    exportIcs,
  };
};
