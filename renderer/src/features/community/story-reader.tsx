import { useTranslation } from 'react-i18next';
import type { StoryDetail } from '../../../../shared/contract/community';
import { formatDate, formatLanguageName } from '../../../../shared/i18n/format';
import { usePlaceLabel } from './story-list';
import { isolateBidi } from '../../../../shared/domain/bidi';

type Props = { story: StoryDetail | null; onToggleSaved: (story: StoryDetail) => void };

/** A member's story, read as text: nothing in it is executed or fetched. */
export const StoryReader = ({ story, onToggleSaved }: Props) => {
  const { t, i18n } = useTranslation('community');
  const place = usePlaceLabel();
  if (!story) {
    return (
      <div className="community-reader empty-state">
        <p className="muted">{t('stories.pick')}</p>
      </div>
    );
  }
  return (
    <article className="community-reader" data-testid="story-reader" aria-labelledby="story-title">
      <header className="reader-header">
        <h2 id="story-title" lang={story.language}>
          <bdi>{story.title}</bdi>
        </h2>
        <button
          type="button"
          className="secondary-button"
          aria-pressed={story.saved}
          data-testid="story-save"
          onClick={() => onToggleSaved(story)}
        >
          {story.saved ? t('stories.unsave') : t('stories.save')}
        </button>
      </header>
      <p className="reader-meta">
        {t('stories.byline', { name: isolateBidi(story.authorName), profession: isolateBidi(story.profession) })}
        {story.sector && <span className="chip sector-chip">{t(`sectors.${story.sector}`)}</span>}
      </p>
      <p className="reader-meta muted">
        {[place(story), formatLanguageName(story.language, i18n.language), formatDate(story.publishedAt, i18n.language), t('stories.likes', { count: story.likes })]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <div className="reader-body" lang={story.language}>
        <bdi>{story.body}</bdi>
      </div>
      {story.tools.length > 0 && (
        <section aria-label={t('stories.tools')}>
          <h3 className="reader-subtitle">{t('stories.tools')}</h3>
          <ul className="chips chips-wrap">
            {story.tools.map((tool) => (
              <li key={tool} className="chip">
                {tool}
              </li>
            ))}
          </ul>
        </section>
      )}
      {story.tags.length > 0 && (
        <ul className="chips chips-wrap" aria-label={t('stories.tags')}>
          {story.tags.map((tag) => (
            <li key={tag} className="chip">
              #{tag}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
};
