import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoryFilterInput } from '../../../../shared/contract/community';
import { locales } from '../../../../shared/i18n/locales';
import { RpcError } from '../../../../shared/rpc/errors';
import { useRouteParams } from '../../app/routes';
import { MissingRecord } from '../../components/missing-record';
import { CommunityScreen } from './community-screen';
import { EventsPanel } from './events-panel';
import { MapPanel, type MapFilter } from './map-panel';
import { StoryList, type StoryFilterState } from './story-list';
import { StoryReader } from './story-reader';
import { TopicList } from './topic-list';
import { TopicView } from './topic-view';
import {
  useCommunityActions,
  useCommunityRevision,
  useCommunityTab,
  useEvents,
  useProfessionMap,
  useStories,
  useStory,
  useStoryFacets,
  useTopic,
  useTopics,
  type CommunityTab,
  type TopicQuery,
} from './use-community';
import { useWorldAtlas } from './use-world-atlas';

const pageSize = 50;

/** A read of one story or topic that says it is not there (gone, or an address that never named one). */
const isMissing = (error: unknown): boolean => error instanceof RpcError && (error.code === 'not_found' || error.code === 'invalid_input');

/** Wires the community's hooks to its pure components; one language filter for every tab. */
export const CommunityRoute = ({ now }: { now: Date }) => {
  const { t } = useTranslation();
  const [tab, setTab] = useCommunityTab();
  // `#/community/stories/<id>` and `#/community/forum/<id>`: the open story or topic lives in the address, so
  // reload, back / forward and a link land on it.
  const [params, go] = useRouteParams();
  const openId = params[1] ?? null;
  // Back on a tab, the story or topic read there last is open again (as before they had addresses).
  const [lastOpen, setLastOpen] = useState<Partial<Record<CommunityTab, string | null>>>({});
  if ((lastOpen[tab] ?? null) !== openId) setLastOpen({ ...lastOpen, [tab]: openId });
  const chooseTab = (next: CommunityTab): void => {
    const last = lastOpen[next];
    if (last) go('community', next, last);
    else setTab(next);
  };
  const [revision, bump] = useCommunityRevision();
  const actions = useCommunityActions(bump);
  const [language, setLanguage] = useState<string | null>(null);

  const [storyFilter, setStoryFilter] = useState<StoryFilterState>({ text: '', profession: null, sector: null, country: null, savedOnly: false });
  const [storyLimit, setStoryLimit] = useState(pageSize);
  const storyId = tab === 'stories' ? openId : null;
  const setStoryId = (id: string | null): void => (id === null ? go('community', 'stories') : go('community', 'stories', id));
  const facets = useStoryFacets(language, revision).value;
  const stories = useStories({ ...storyFilter, language }, storyLimit, revision).value;
  const storyLoaded = useStory(storyId, revision);
  const story = storyLoaded.value;

  const [mapFilter, setMapFilter] = useState<MapFilter>({ profession: null, sector: null, country: null, view: 'europe' });
  const mapLoaded = useProfessionMap({ profession: mapFilter.profession, sector: mapFilter.sector, language }, revision);
  const map = mapLoaded.value;
  const atlas = useWorldAtlas();
  const regionFilter: StoryFilterInput = { profession: mapFilter.profession, sector: mapFilter.sector, country: mapFilter.country, language };
  const regionStories = useStories(regionFilter, pageSize, revision).value;

  const [topicQuery, setTopicQuery] = useState<TopicQuery>({ text: '', language: null, category: null, unreadOnly: false });
  const [topicLimit, setTopicLimit] = useState(pageSize);
  const topicId = tab === 'forum' ? openId : null;
  const setTopicId = (id: string | null): void => (id === null ? go('community', 'forum') : go('community', 'forum', id));
  const topics = useTopics({ ...topicQuery, language }, topicLimit, revision).value;
  const topicLoaded = useTopic(topicId, revision);
  const topic = topicLoaded.value;

  const [includePast, setIncludePast] = useState(false);
  const events = useEvents(language, includePast, revision).value;

  const languages = [...new Set([...locales, ...(facets?.languages.map((entry) => entry.language) ?? [])])];
  const openStory = (id: string) => setStoryId(id);
  const openTopic = (id: string) => {
    setTopicId(id);
    // Opening a topic reads it: its posts stay marked "new" in this view, the list's count drops.
    void actions.markRead(id);
  };

  const panels = {
    stories: () => (
      <div className="community-split">
        <StoryList
          filter={storyFilter}
          onFilterChange={(filter) => {
            setStoryFilter(filter);
            setStoryLimit(pageSize);
          }}
          facets={facets}
          stories={stories}
          selectedId={storyId}
          onSelect={setStoryId}
          onShowMore={() => setStoryLimit((limit) => limit + pageSize)}
        />
        {storyId !== null && isMissing(storyLoaded.error) ? (
          <MissingRecord className="community-reader" title={t('missing.story')} back="stories" onBack={() => setStoryId(null)} />
        ) : (
          <StoryReader story={story?.id === storyId ? story : null} onToggleSaved={(current) => void actions.setSaved(current.id, !current.saved)} />
        )}
      </div>
    ),
    map: () => (
      <MapPanel
        filter={mapFilter}
        onFilterChange={setMapFilter}
        facets={facets}
        data={map}
        busy={mapLoaded.loading}
        countries={atlas}
        regionStories={mapFilter.country ? (regionStories?.items ?? null) : null}
        onOpenStory={openStory}
      />
    ),
    forum: () => (
      <div className="community-split">
        <TopicList
          query={topicQuery}
          onQueryChange={(query) => {
            setTopicQuery(query);
            setTopicLimit(pageSize);
          }}
          topics={topics}
          selectedId={topicId}
          onSelect={openTopic}
          onShowMore={() => setTopicLimit((limit) => limit + pageSize)}
          now={now}
        />
        {topicId !== null && isMissing(topicLoaded.error) ? (
          <MissingRecord className="community-reader" title={t('missing.topic')} back="forum" onBack={() => setTopicId(null)} />
        ) : (
          <TopicView
            key={topicId ?? 'none'}
            topic={topic?.topic.id === topicId ? topic : null}
            onReply={(body, replyTo) => actions.reply(topicId ?? '', body, replyTo)}
          />
        )}
      </div>
    ),
    events: () => (
      <EventsPanel events={events} includePast={includePast} onIncludePastChange={setIncludePast} onExport={(event) => void actions.exportIcs(event.id)} now={now} />
    ),
  };

  return (
    <CommunityScreen
      tab={tab}
      onTabChange={chooseTab}
      language={language}
      languages={languages}
      onLanguageChange={setLanguage}
      unreadTopics={topics?.unreadTopics ?? 0}
    >
      {panels[tab]()}
    </CommunityScreen>
  );
};
