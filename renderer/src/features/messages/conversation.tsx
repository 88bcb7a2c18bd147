import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageItem, ThreadDetail } from '../../../../shared/contract/messages';
import { formatDateTime } from '../../../../shared/i18n/format';
import { LinkedText } from '../../components/rich-text';
import { useSyncProblemText } from '../sync/use-sync-problem-text';
import { endsGroup, formatClockTime, formatDaySeparator, startsDay } from './thread-grouping';
import type { PagedWindow } from '../feed/project-window';

/** Why the composer's text was not sent: nothing to send, the core gone, or the core's own answer. */
export type SendProblem = { kind: 'empty' } | { kind: 'engine_down' } | { kind: 'failed' };

type Props = {
  thread: ThreadDetail;
  messages: PagedWindow<MessageItem>;
  now: Date;
  /** Scroll here and mark it (a search hit); otherwise the conversation opens at its newest message. */
  focusIndex: number | null;
  focusId: string | null;
  draft: string;
  onDraftChange: (text: string) => void;
  onSend: () => void;
  /** Why the last send did not go (shown under the composer until the text changes). */
  sendProblem?: SendProblem | null;
  onRetry: (id: string) => void;
  onOpenClient: (id: string) => void;
};

type BubbleProps = { message: MessageItem; focused: boolean; showTime: boolean; onRetry: (id: string) => void };

const MessageBubble = ({ message, focused, showTime, onRetry }: BubbleProps) => {
  const { t, i18n } = useTranslation('messages');
  const problemText = useSyncProblemText();
  return (
    <div
      className={`bubble ${message.fromMe ? 'mine' : 'theirs'}${focused ? ' focused' : ''}${showTime ? '' : ' grouped'} state-${message.state}`}
      data-testid="message"
      data-state={message.state}
      data-message-id={message.id}
      // Only the last bubble of a group shows its time (and the day is above it); each tells its full date on hover.
      title={formatDateTime(message.sentAt, i18n.language)}
    >
      <div className="bubble-body">
        <LinkedText text={message.body} />
      </div>
      {(showTime || message.state !== 'synced') && (
      <div className="bubble-meta">
        {showTime && (
          <time dateTime={message.sentAt} data-testid="message-time">
            {formatClockTime(message.sentAt, i18n.language)}
          </time>
        )}
        {message.state === 'pending' && <span data-testid="message-pending">{t('state.pending')}</span>}
        {showTime && message.state === 'synced' && message.fromMe && <span>{t('state.sent')}</span>}
        {message.state === 'failed' && (
          <span className="failed" role="alert">
            {t('state.failed', { reason: message.failure ? problemText(message.failure) : t('state.unknownReason') })}{' '}
            <button type="button" className="link-button" onClick={() => onRetry(message.id)}>
              {t('state.retry')}
            </button>
          </span>
        )}
      </div>
      )}
    </div>
  );
};

export const Conversation = ({ thread, messages, now, focusIndex, focusId, draft, onDraftChange, onSend, sendProblem = null, onRetry, onOpenClient }: Props) => {
  const { t, i18n } = useTranslation('messages');
  const scrollRef = useRef<HTMLDivElement>(null);
  const total = messages.total ?? 0;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 72,
    overscan: 10,
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows.at(-1)?.index ?? 0;
  useEffect(() => messages.ensureRange(first, last), [messages, first, last]);

  // Open at the newest message (or at the one asked for).
  const atBottom = useRef(true);
  const positioned = useRef<string | null>(null);
  useEffect(() => {
    if (total === 0) return;
    const key = `${thread.id}|${focusId ?? ''}|${focusIndex ?? ''}`;
    if (positioned.current === key) return;
    positioned.current = key;
    atBottom.current = focusIndex === null;
    if (focusIndex !== null) messages.ensureRange(focusIndex, focusIndex);
    virtualizer.scrollToIndex(focusIndex ?? total - 1, { align: focusIndex === null ? 'end' : 'center' });
  }, [virtualizer, messages, thread.id, focusId, focusIndex, total]);
  // Whoever was at the newest message stays there when the list grows below the view: new messages, or bubbles
  // growing taller after the first scroll (a narrower window or pane, messages loaded into their placeholders),
  // which scroll nothing.
  const totalSize = virtualizer.getTotalSize();
  useLayoutEffect(() => {
    if (total > 0 && atBottom.current) virtualizer.scrollToIndex(total - 1, { align: 'end' });
  }, [virtualizer, total, totalSize]);

  // Ctrl+Enter and the button both come here; an empty draft is the composer's to explain, so it is passed on.
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onSend();
  };

  return (
    <section className="conversation" aria-labelledby="conversation-title" data-testid="conversation">
      <header className="conversation-header">
        <div>
          <h2 id="conversation-title">
            <bdi>{thread.projectTitle ?? thread.subject}</bdi>
          </h2>
          <p className="muted">
            {thread.clientId && thread.clientName ? (
              <button type="button" className="link-button" onClick={() => onOpenClient(thread.clientId!)}>
                <bdi>{thread.clientName}</bdi>
              </button>
            ) : (
              <bdi>{thread.clientName}</bdi>
            )}
            {' · '}
            {t('messageCount', { count: thread.messageCount })}
          </p>
        </div>
      </header>
      <div
        ref={scrollRef}
        className="pane-scroller messages-scroller"
        role="log"
        aria-label={t('conversationLabel')}
        // Focusable, so the messages scroll from the keyboard too (they hold nothing else to focus).
        tabIndex={0}
        aria-busy={messages.total === null}
        data-testid="message-scroller"
        onScroll={(event) => {
          const element = event.currentTarget;
          atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 80;
        }}
      >
        <div className="list-sizer" style={{ height: totalSize }}>
          {rows.map((row) => {
            const message = messages.getItem(row.index);
            const previous = messages.getItem(row.index - 1);
            const next = messages.getItem(row.index + 1);
            return (
              <div
                key={row.key}
                data-index={row.index}
                ref={virtualizer.measureElement}
                className="message-item"
                style={{ transform: `translateY(${row.start}px)` }}
              >
                {message ? (
                  <>
                    {(row.index === 0 || previous !== undefined) && startsDay(message, previous) && (
                      <div className="day-separator" role="separator" data-testid="day-separator">
                        <span>{formatDaySeparator(message.sentAt, now, i18n.language, { today: t('day.today'), yesterday: t('day.yesterday') })}</span>
                      </div>
                    )}
                    <MessageBubble message={message} focused={message.id === focusId} showTime={endsGroup(message, next) || message.state !== 'synced'} onRetry={onRetry} />
                  </>
                ) : (
                  <div className="bubble placeholder" aria-hidden="true" />
                )}
              </div>
            );
          })}
        </div>
      </div>
      <form className="composer" onSubmit={submit}>
        <textarea
          value={draft}
          aria-label={t('composer.label')}
          placeholder={t('composer.placeholder')}
          data-testid="composer"
          rows={3}
          maxLength={20_000}
          onChange={(event) => onDraftChange(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
          }}
        />
        {sendProblem && (
          <p className="form-error" role="alert" data-testid="send-problem">
            {sendProblem.kind === 'empty'
              ? t('composer.empty')
              : sendProblem.kind === 'engine_down'
                ? t('composer.engineDown')
                : t('composer.failed')}
          </p>
        )}
        <div className="composer-actions">
          <span className="muted small">{t('composer.hint')}</span>
          <button type="submit" disabled={draft.trim() === ''} data-testid="send">
            {t('composer.send')}
          </button>
        </div>
      </form>
    </section>
  );
};
