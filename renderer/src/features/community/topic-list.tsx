import { useTranslation } from 'react-i18next';
import { forumCategories } from '../../../../shared/platform/records';
import type { TopicSummary } from '../../../../shared/contract/community';
import { formatLanguageName, formatRelativeTime } from '../../../../shared/i18n/format';
import type { TopicQuery } from './use-community';
import { Select } from '../../ui/select';
import { anyChoice } from './story-list';

type Props = {
  query: TopicQuery;
  onQueryChange: (query: TopicQuery) => void;
  topics: { total: number; unreadTopics: number; items: TopicSummary[] } | null;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onShowMore: () => void;
  now: Date;
};

export const TopicList = ({ query, onQueryChange, topics, selectedId, onSelect, onShowMore, now }: Props) => {
  const { t, i18n } = useTranslation('community');
  const change = (patch: Partial<TopicQuery>) => onQueryChange({ ...query, ...patch });
  return (
    <div className="community-list-pane">
      <div className="community-filters" role="search">
        <input
          type="search"
          value={query.text}
          placeholder={t('forum.searchPlaceholder')}
          aria-label={t('forum.search')}
          data-testid="forum-search"
          onChange={(event) => change({ text: event.target.value })}
        />
        <Select
          hideLabel
          label={t('forum.category')}
          testId="forum-category"
          value={query.category ?? anyChoice}
          options={[
            { id: anyChoice, label: t('forum.allCategories') },
            ...forumCategories.map((category) => ({ id: category, label: t(`forum.categories.${category}`) })),
          ]}
          onChange={(picked) => change({ category: forumCategories.find((category) => category === picked) ?? null })}
        />
        <label className="check-field">
          <input type="checkbox" checked={query.unreadOnly} onChange={(event) => change({ unreadOnly: event.target.checked })} />
          <span>{t('forum.unreadOnly')}</span>
        </label>
      </div>
      {topics && (
        <p className="muted community-count" data-testid="topic-count" aria-live="polite">
          {t('forum.count', { count: topics.total })} · {t('forum.unreadTopics', { count: topics.unreadTopics })}
        </p>
      )}
      {topics?.total === 0 ? (
        <div className="empty-state">
          <h2>{t('forum.empty.title')}</h2>
          <p>{t('forum.empty.body')}</p>
        </div>
      ) : (
        <ul className="community-list" aria-label={t('forum.listLabel')}>
          {topics?.items.map((topic) => (
            <li key={topic.id}>
              <button
                type="button"
                className={`community-item${topic.unreadCount > 0 ? ' unread' : ''}`}
                data-testid="topic-item"
                aria-current={topic.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(topic.id)}
              >
                <span className="community-item-title" lang={topic.language}>
                  {topic.pinned && <span className="badge">{t('forum.pinned')}</span>}
                  {topic.locked && <span className="badge badge-muted">{t('forum.locked')}</span>}
                  <bdi>{topic.title}</bdi>
                </span>
                <span className="community-item-meta muted">
                  {[
                    t(`forum.categories.${topic.category}`),
                    formatLanguageName(topic.language, i18n.language),
                    t('forum.posts', { count: topic.postCount }),
                    topic.lastPostAt ? formatRelativeTime(topic.lastPostAt, now, i18n.language) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
                {topic.unreadCount > 0 && (
                  <span className="unread-badge" data-testid="topic-unread">
                    {t('forum.unread', { count: topic.unreadCount })}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
      {topics && topics.items.length < topics.total && (
        <button type="button" className="secondary-button" onClick={onShowMore}>
          {t('forum.showMore')}
        </button>
      )}
    </div>
  );
};
