import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ForumPostView, TopicSummary } from '../../../../shared/contract/community';
import { formatDateTime, formatLanguageName } from '../../../../shared/i18n/format';
import { isolateBidi } from '../../../../shared/domain/bidi';
import { rpcErrorText } from '../../components/rpc-error-text';

type Props = {
  topic: { topic: TopicSummary; posts: ForumPostView[] } | null;
  onReply: (body: string, replyTo: string | null) => Promise<unknown>;
};

const excerpt = (text: string): string => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

/** A topic and its posts. Posts are other people's words: shown as text, line breaks kept, never as HTML. */
export const TopicView = ({ topic, onReply }: Props) => {
  const { t, i18n } = useTranslation('community');
  const { t: tCommon } = useTranslation();
  const [draft, setDraft] = useState('');
  const [replyTo, setReplyTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  if (!topic) {
    return (
      <div className="community-reader empty-state">
        <p className="muted">{t('forum.pick')}</p>
      </div>
    );
  }
  const byId = new Map(topic.posts.map((post) => [post.id, post]));
  const parent = replyTo ? byId.get(replyTo) : undefined;
  const send = async () => {
    setSending(true);
    setError(null);
    try {
      await onReply(draft, replyTo);
      setDraft('');
      setReplyTo(null);
    } catch (caught) {
      setError(rpcErrorText(tCommon, caught));
    } finally {
      setSending(false);
    }
  };
  return (
    <article className="community-reader" data-testid="topic-view" aria-labelledby="topic-title">
      <header className="reader-header">
        <h2 id="topic-title" lang={topic.topic.language}>
          <bdi>{topic.topic.title}</bdi>
        </h2>
      </header>
      <p className="reader-meta muted">
        {[t(`forum.categories.${topic.topic.category}`), formatLanguageName(topic.topic.language, i18n.language), t('forum.startedBy', { name: isolateBidi(topic.topic.authorName) })].join(' · ')}
      </p>
      <ol className="post-list">
        {topic.posts.map((post) => {
          const quoted = post.replyTo ? byId.get(post.replyTo) : undefined;
          return (
            <li key={post.id} className={`post${post.unread ? ' unread' : ''}${post.mine ? ' mine' : ''}`} data-testid="forum-post" data-state={post.state}>
              <div className="post-head">
                <span className="post-author">{post.mine ? t('forum.you') : <bdi>{post.authorName}</bdi>}</span>
                <time dateTime={post.createdAt} className="muted">
                  {formatDateTime(post.createdAt, i18n.language)}
                </time>
                {post.unread && <span className="badge">{t('forum.new')}</span>}
                {post.state === 'pending' && (
                  <span className="badge badge-muted" data-testid="post-pending">
                    {t('forum.pending')}
                  </span>
                )}
                {post.state === 'failed' && <span className="badge badge-danger">{t('forum.failed')}</span>}
              </div>
              {quoted && <blockquote className="post-quote">{t('forum.inReplyTo', { name: isolateBidi(quoted.authorName), text: isolateBidi(excerpt(quoted.body)) })}</blockquote>}
              <div className="post-body" lang={topic.topic.language}>
                <bdi>{post.body}</bdi>
              </div>
              {!topic.topic.locked && post.state === 'synced' && (
                <button type="button" className="link-button" onClick={() => setReplyTo(post.id)}>
                  {t('forum.replyToPost')}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {topic.topic.locked ? (
        <p className="muted">{t('forum.lockedNote')}</p>
      ) : (
        <form
          className="reply-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (draft.trim()) void send();
          }}
        >
          {parent && (
            <p className="muted reply-context">
              {t('forum.replyingTo', { name: isolateBidi(parent.authorName) })}{' '}
              <button type="button" className="link-button" onClick={() => setReplyTo(null)}>
                {t('forum.cancelReplyTo')}
              </button>
            </p>
          )}
          <label className="field">
            <span className="field-label">{t('forum.replyLabel')}</span>
            <textarea value={draft} rows={4} maxLength={20_000} data-testid="reply-body" onChange={(event) => setDraft(event.target.value)} />
          </label>
          <p className="field-hint">{t('forum.offlineHint')}</p>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="primary-button" disabled={sending || draft.trim().length === 0} data-testid="reply-send">
            {t('forum.send')}
          </button>
        </form>
      )}
    </article>
  );
};
