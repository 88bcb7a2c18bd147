import { useTranslation } from 'react-i18next';
import type { MessageHit, ThreadSummary } from '../../../../shared/contract/messages';
import { formatRelativeTime } from '../../../../shared/i18n/format';
import { SnippetText } from '../../components/rich-text';
import { usePagedVirtualizer } from '../../components/use-paged-virtualizer';
import type { PagedWindow } from '../feed/project-window';
import { isolateBidi } from '../../../../shared/domain/bidi';
import { awaitingAnswerDays } from '../../../../shared/domain/attention';
import { AwaitingAnswer } from '../attention/awaiting-answer';
import { PlatformBadge } from '../accounts/platform-badge';

// Where rows not drawn yet are placed; drawn rows are measured.
const threadRowHeight = 92;

type ListProps = {
  threads: PagedWindow<ThreadSummary>;
  openId: string | null;
  selectedIndex: number;
  now: Date;
  onOpen: (index: number) => void;
};

export const ThreadList = ({ threads, openId, selectedIndex, now, onOpen }: ListProps) => {
  const { t, i18n } = useTranslation('messages');
  const { scrollRef, virtualizer, rows } = usePagedVirtualizer(threads, { estimatedRowHeight: threadRowHeight, cursorIndex: selectedIndex });

  if (threads.total === 0) {
    return (
      <div className="empty-state" data-testid="threads-empty">
        <h2>{t('empty.title')}</h2>
        <p>{t('empty.body')}</p>
      </div>
    );
  }
  return (
    <div ref={scrollRef} className="pane-scroller" role="list" aria-label={t('threadsLabel')} aria-busy={threads.total === null}>
      <div className="list-sizer" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => {
          const thread = threads.getItem(row.index);
          return (
            <div
              key={row.key}
              ref={virtualizer.measureElement}
              data-index={row.index}
              role="listitem"
              className="list-item"
              style={{ transform: `translateY(${row.start}px)` }}
            >
              {thread ? (
                <button
                  type="button"
                  className={`thread-row${thread.id === openId ? ' selected' : ''}${row.index === selectedIndex ? ' cursor' : ''}${thread.unreadCount > 0 ? ' unread' : ''}`}
                  data-testid="thread-row"
                  aria-current={thread.id === openId ? 'true' : undefined}
                  data-cursor={row.index === selectedIndex ? 'true' : undefined}
                  onClick={() => onOpen(row.index)}
                >
                  <span className="thread-top">
                    <span className="thread-who">
                      <bdi className="thread-name" title={thread.clientName ?? thread.subject}>
                        {thread.clientName ?? thread.subject}
                      </bdi>
                    </span>
                    <span className="thread-meta">
                      <PlatformBadge account={thread.account} />
                      {thread.lastMessageAt && (
                        <span className="muted small thread-when">
                          <AwaitingAnswer days={awaitingAnswerDays(thread, now)} />
                          <time dateTime={thread.lastMessageAt} title={formatRelativeTime(thread.lastMessageAt, now, i18n.language)}>
                            {formatRelativeTime(thread.lastMessageAt, now, i18n.language, 'short')}
                          </time>
                        </span>
                      )}
                    </span>
                  </span>
                  <bdi className="thread-subject" title={thread.projectTitle ?? thread.subject}>
                    {thread.projectTitle ?? thread.subject}
                  </bdi>
                  <span className="thread-bottom">
                    <span className="thread-preview muted" title={thread.hasDraft ? undefined : (thread.lastMessagePreview ?? undefined)}>
                      {thread.hasDraft ? (
                        <em className="draft-mark">{t('draft')}</em>
                      ) : (
                        thread.lastMessagePreview && (thread.lastMessageFromMe ? t('you', { text: isolateBidi(thread.lastMessagePreview) }) : <bdi>{thread.lastMessagePreview}</bdi>)
                      )}
                    </span>
                    {thread.unreadCount > 0 && (
                      <span className="badge" data-testid="unread-count" aria-label={t('unread', { count: thread.unreadCount })}>
                        {thread.unreadCount}
                      </span>
                    )}
                  </span>
                </button>
              ) : (
                <div className="thread-row placeholder" aria-hidden="true" />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
};

type HitsProps = { hits: MessageHit[] | null; now: Date; onOpen: (hit: MessageHit) => void };

export const MessageHits = ({ hits, now, onOpen }: HitsProps) => {
  const { t, i18n } = useTranslation('messages');
  if (hits === null) return <p className="muted pad">{t('search.searching')}</p>;
  if (hits.length === 0) return <p className="muted pad" data-testid="search-empty">{t('search.none')}</p>;
  return (
    <ul className="pane-scroller hit-list" aria-label={t('search.results')}>
      {hits.map((hit) => (
        <li key={hit.messageId}>
          <button type="button" className="thread-row" data-testid="message-hit" onClick={() => onOpen(hit)}>
            <span className="thread-top">
              <span className="thread-who">
                <bdi className="thread-name" title={hit.clientName ?? hit.threadSubject}>
                  {hit.clientName ?? hit.threadSubject}
                </bdi>
              </span>
              <span className="thread-meta">
                <PlatformBadge account={hit.account} />
                <time className="muted small" dateTime={hit.sentAt} title={formatRelativeTime(hit.sentAt, now, i18n.language)}>
                  {formatRelativeTime(hit.sentAt, now, i18n.language, 'short')}
                </time>
              </span>
            </span>
            <span className="thread-preview">
              {hit.fromMe && `${t('youPrefix')} `}
              <SnippetText snippet={hit.snippet} />
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
};
