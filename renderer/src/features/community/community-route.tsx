import { useState } from 'react';
import type { StoryFilterInput } from '../../../../shared/contract/community';
import { locales } from '../../../../shared/i18n/locales';
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
  type TopicQuery,
} from './use-community';
import { useWorldAtlas } from './use-world-atlas';

const pageSize = 50;

/** Wires the community's hooks to its pure components; one language filter for every tab. */
export const CommunityRoute = ({ now }: { now: Date }) => {
  const [tab, setTab] = useCommunityTab();
  const [revision, bump] = useCommunityRevision();
  const actions = useCommunityActions(bump);
  const [language, setLanguage] = useState<string | null>(null);

  const [storyFilter, setStoryFilter] = useState<StoryFilterState>({ text: '', profession: null, sector: null, country: null, savedOnly: false });
  const [storyLimit, setStoryLimit] = useState(pageSize);
  const [storyId, setStoryId] = useState<string | null>(null);
  const facets = useStoryFacets(language, revision).value;
  const stories = useStories({ ...storyFilter, language }, storyLimit, revision).value;
  const story = useStory(storyId, revision).value;

  const [mapFilter, setMapFilter] = useState<MapFilter>({ profession: null, sector: null, country: null, view: 'europe' });
  const mapLoaded = useProfessionMap({ profession: mapFilter.profession, sector: mapFilter.sector, language }, revision);
  const map = mapLoaded.value;
  const atlas = useWorldAtlas();
  const regionFilter: StoryFilterInput = { profession: mapFilter.profession, sector: mapFilter.sector, country: mapFilter.country, language };
  const regionStories = useStories(regionFilter, pageSize, revision).value;

  const [topicQuery, setTopicQuery] = useState<TopicQuery>({ text: '', language: null, category: null, unreadOnly: false });
  const [topicLimit, setTopicLimit] = useState(pageSize);
  const [topicId, setTopicId] = useState<string | null>(null);
  const topics = useTopics({ ...topicQuery, language }, topicLimit, revision).value;
  const topic = useTopic(topicId, revision).value;

  const [includePast, setIncludePast] = useState(false);
  const events = useEvents(language, includePast, revision).value;

  const languages = [...new Set([...locales, ...(facets?.languages.map((entry) => entry.language) ?? [])])];
  const openStory = (id: string) => {
    setStoryId(id);
    setTab('stories');
  };
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
        <StoryReader story={story?.id === storyId ? story : null} onToggleSaved={(current) => void actions.setSaved(current.id, !current.saved)} />
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
        <TopicView
          key={topicId ?? 'none'}
          topic={topic?.topic.id === topicId ? topic : null}
          onReply={(body, replyTo) => actions.reply(topicId ?? '', body, replyTo)}
        />
      </div>
    ),
    events: () => (
      <EventsPanel events={events} includePast={includePast} onIncludePastChange={setIncludePast} onExport={(event) => void actions.exportIcs(event.id)} now={now} />
    ),
  };

  return (
    <CommunityScreen
      tab={tab}
      onTabChange={setTab}
      language={language}
      languages={languages}
      onLanguageChange={setLanguage}
      unreadTopics={topics?.unreadTopics ?? 0}
    >
      {panels[tab]()}
    </CommunityScreen>
  );
};
