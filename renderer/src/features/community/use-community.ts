import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { StoryFilterInput, StorySector, TopicSummary } from '../../../../shared/contract/community';
import { useClient } from '../../app/client-context';
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

/** Loads when `key` changes; keeps showing the previous value meanwhile, so lists do not flicker. */
const useLoaded = <T>(key: string | null, load: () => Promise<T>): Loaded<T> => {
  const [state, setState] = useState<{ key: string | null; value: T | null; error: unknown }>({ key: null, value: null, error: null });
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  useEffect(() => {
    if (key === null) return;
    let live = true;
    loadRef.current().then(
      (value) => live && setState({ key, value, error: null }),
      (error: unknown) => live && setState({ key, value: null, error }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  if (key === null) return { value: null, error: null, loading: false };
  return { value: state.value, error: state.error, loading: state.key !== key };
};

export const useStories = (filter: StoryFilterInput, limit: number, revision: string) => {
  const client = useClient();
  return useLoaded(JSON.stringify({ filter, limit, revision }), () => client.community.listStories({ filter, limit }));
};

export const useStory = (id: string | null, revision: string) => {
  const client = useClient();
  return useLoaded(id === null ? null : `${id}|${revision}`, () => client.community.getStory({ id: id ?? '' }));
};

export const useStoryFacets = (language: string | null, revision: string) => {
  const client = useClient();
  return useLoaded(`${language}|${revision}`, () => client.community.getStoryFacets({ language }));
};

export const useProfessionMap = (
  filter: { profession: string | null; sector: StorySector | null; language: string | null },
  revision: string,
) => {
  const client = useClient();
  return useLoaded(JSON.stringify({ filter, revision }), () => client.community.getProfessionMap(filter));
};

export type TopicQuery = { text: string; language: string | null; category: TopicSummary['category'] | null; unreadOnly: boolean };

export const useTopics = (query: TopicQuery, limit: number, revision: string) => {
  const client = useClient();
  return useLoaded(JSON.stringify({ query, limit, revision }), () => client.community.listTopics({ ...query, limit }));
};

export const useTopic = (id: string | null, revision: string) => {
  const client = useClient();
  return useLoaded(id === null ? null : `${id}|${revision}`, () => client.community.getTopic({ id: id ?? '' }));
};

export const useEvents = (language: string | null, includePast: boolean, revision: string) => {
  const client = useClient();
  return useLoaded(JSON.stringify({ language, includePast, revision }), () => client.community.listEvents({ language, includePast }));
};

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
