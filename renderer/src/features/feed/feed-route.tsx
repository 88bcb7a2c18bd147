import { useCallback, useEffect, useRef, useState } from 'react';
import { emptyFeedFilter, type FeedFilter, type ProjectSort } from '../../../../shared/domain/project';
import { useRouteParams } from '../../app/routes';
import { createWindowState } from '../../app/window-state';
import { useListKeyboard } from '../../app/use-list-keyboard';
import { AccountFilter } from '../accounts/account-filter';
import { useAccountChoices } from '../accounts/use-accounts';
import { usePaneSize } from '../settings/pane-sizes';
import { FeedFilters } from './feed-filters';
import { FeedScreen } from './feed-screen';
import { ProjectDetailPane } from './project-detail';
import { SavedSearchesBar } from './saved-searches-bar';
import { useFeedFacets, useProjectDetail, useSavedSearches } from './use-feed-extras';
import { feedPageSize, type ProjectWindow } from './project-window';
import { useProjectFeed } from './use-project-feed';

const searchPauseMs = 150;

// The feed's sort, filters and search text last through visits to other screens while the window is open.
const useFeedSort = createWindowState<ProjectSort>('newest');
const useFeedFilter = createWindowState<FeedFilter>(emptyFeedFilter);
const useFeedSearchText = createWindowState('');

const firstLoadedIds = (feed: ProjectWindow): string[] =>
  Array.from({ length: Math.min(feed.length, feedPageSize) }, (_, index) => feed.getItem(index)?.id ?? '');

/** The job feed wired to the core: filters, search, saved searches, keyboard, detail. */
export const FeedRoute = ({ now }: { now: Date }) => {
  const [params, go] = useRouteParams();
  // `#/feed/saved/<id>` (from a notice) applies a saved search; `#/feed/<project id>` opens a project.
  const savedId = params[0] === 'saved' ? Number(params[1]) : null;
  const openId = params[0] === 'saved' ? null : (params[0] ?? null);
  const [sort, setSort] = useFeedSort();
  const [filter, setFilter] = useFeedFilter();
  const [searchText, setSearchText] = useFeedSearchText();
  const [selection, setSelection] = useState<{ of: unknown; index: number }>({ of: null, index: 0 });
  const searchRef = useRef<HTMLInputElement>(null);
  const { feed, error } = useProjectFeed(sort, filter);
  const facets = useFeedFacets();
  const saved = useSavedSearches();
  const detail = useProjectDetail(openId);
  const accounts = useAccountChoices();
  const paneSize = usePaneSize('feed');

  // Search as you type, without a query per keystroke.
  useEffect(() => {
    const timer = setTimeout(() => setFilter((current) => (current.text === searchText ? current : { ...current, text: searchText })), searchPauseMs);
    return () => clearTimeout(timer);
  }, [searchText, setFilter]);
  // A new result list starts at the open project when its first page holds it, else at its first row.
  const selected = selection.of === feed ? selection.index : Math.max(0, openId === null ? 0 : firstLoadedIds(feed).indexOf(openId));
  const setSelected = (index: number): void => setSelection({ of: feed, index });

  const open = (index: number): void => {
    const project = feed.getItem(index);
    if (project) go('feed', project.id);
  };
  // Like Mailspring's reading pane: with a project open, j/k move the cursor and the detail follows; with none
  // open they only move the cursor, and Enter opens. The same in clients and messages.
  const moveCursor = (index: number): void => {
    setSelected(index);
    if (openId !== null) open(index);
  };
  useListKeyboard({
    count: feed.length,
    index: selected,
    onMove: moveCursor,
    onOpen: open,
    onEscape: () => go('feed'),
    searchRef,
  });

  // A filter that leaves the open project out closes it (its first page tells). Only after a filter changes: a
  // project opened from elsewhere may sit anywhere in the feed.
  const checkedFilter = useRef(filter);
  const firstPageIds = feed.getItem(0) === undefined ? null : firstLoadedIds(feed).join(' ');
  useEffect(() => {
    if (checkedFilter.current === filter || (firstPageIds === null && feed.total !== 0)) return;
    checkedFilter.current = filter;
    if (openId !== null && !(firstPageIds ?? '').split(' ').includes(openId)) go('feed');
  }, [filter, firstPageIds, feed.total, openId, go]);

  const apply = useCallback(
    (next: FeedFilter, nextSort: ProjectSort): void => {
      setFilter(next);
      setSearchText(next.text);
      setSort(nextSort);
    },
    [setFilter, setSearchText, setSort],
  );
  const { open: openSaved } = saved;
  useEffect(() => {
    if (savedId === null || !Number.isInteger(savedId) || savedId <= 0) return;
    void openSaved(savedId).then((search) => {
      if (search) apply(search.filter, search.sort);
      go('feed');
    });
  }, [savedId, openSaved, go, apply]);

  return (
    <FeedScreen
      feed={feed}
      sort={sort}
      onSortChange={setSort}
      now={now}
      searchText={searchText}
      onSearchTextChange={setSearchText}
      query={filter.text}
      searchRef={searchRef}
      selectedIndex={selected}
      onSelect={setSelected}
      onOpen={open}
      onNewAbove={(count) => setSelection({ of: feed, index: selected + count })}
      openId={openId}
      failed={error !== null && feed.length === 0}
      toolbar={<AccountFilter accounts={accounts} value={filter.accountIds} onChange={(accountIds) => setFilter({ ...filter, accountIds })} />}
      filters={<FeedFilters filter={filter} facets={facets} accounts={accounts} onChange={setFilter} />}
      {...paneSize}
      savedSearches={
        <SavedSearchesBar
          searches={saved.searches}
          canSave={JSON.stringify(filter) !== JSON.stringify(emptyFeedFilter)}
          onSave={(name) => void saved.save(name, filter, sort)}
          onOpen={(search) => {
            apply(search.filter, search.sort);
            void saved.open(search.id);
          }}
          onDelete={(search) => void saved.remove(search.id)}
        />
      }
      detail={
        detail && (
          <ProjectDetailPane
            state={detail}
            now={now}
            query={filter.text}
            onClose={() => go('feed')}
            onOpenClient={(id) => go('clients', id)}
            onWriteProposal={(project) => go('proposals', 'new', project.id, project.language)}
            onOpenProposal={(id) => go('proposals', id)}
          />
        )
      }
    />
  );
};
