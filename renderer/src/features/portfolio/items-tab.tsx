import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MissingRecord } from '../../components/missing-record';
import { useDraftsOf } from '../../components/use-form-draft';
import { usePortfolioItems, useReorderItems, useRetryItem } from './use-portfolio';
import { SyncFailure, Thumbnail } from './portfolio-parts';
import { nameLanguage } from '../../ui/display-names';
import { ItemEditorWithDraft, titleIn } from './item-editor';
import { PlatformPortfolio, usePlatformProfiles } from './platform-profiles';

/** The item open in the editor: a stored one, a new one, or none. */
export type OpenItem = { id: string } | 'new' | null;

type Props = {
  /** The item in the editor, from the address (`#/portfolio/items/<id | new>`). */
  open: OpenItem;
  onOpen: (item: OpenItem) => void;
};

export const ItemsTab = ({ open, onOpen }: Props) => {
  const { t, i18n } = useTranslation('portfolio');
  const reorder = useReorderItems();
  const retryItem = useRetryItem();
  const { data: items, failed } = usePortfolioItems();
  // The accounts' portfolios on their platforms, read-only, below the user's own items.
  const platformProfiles = usePlatformProfiles();
  const editing = open === null ? null : { id: open === 'new' ? null : open.id };
  const [dragged, setDragged] = useState<string | null>(null);
  // Looked up again whenever the editor opens or closes: items left with typing never saved are marked.
  const drafts = useDraftsOf('portfolio-item', `${editing?.id ?? ''}:${editing === null}`);
  const hasDraft = (id: string | null): boolean => editing?.id !== id && drafts.some((draft) => draft.targetId === id);
  if (failed) return <p role="alert">{t('error')}</p>;
  if (!items) return null;
  const move = (id: string, target: string): void => {
    const ids = items.map((item) => item.id).filter((other) => other !== id);
    ids.splice(ids.indexOf(target) + (items.findIndex((item) => item.id === id) < items.findIndex((item) => item.id === target) ? 1 : 0), 0, id);
    void reorder(ids);
  };
  const editedItem = editing?.id ? (items.find((item) => item.id === editing.id) ?? null) : null;
  // An address to an item that is not (or no longer) here: say so, with the way back to the list.
  const missing = editing?.id !== undefined && editing.id !== null && editedItem === null;
  return (
    <div className="pf-split">
      <div className="pf-list">
        <button type="button" onClick={() => onOpen('new')} data-testid="new-item">
          {t('newItem')}
          {hasDraft(null) && editing === null && <em className="draft-mark"> · {t('common:draft.unsaved')}</em>}
        </button>
        {items.length === 0 && <p className="muted">{t('empty')}</p>}
        <ol aria-label={t('listLabel')}>
          {items.map((item, index) => (
            <li
              key={item.id}
              draggable
              data-testid="portfolio-row"
              className={`pf-row${dragged === item.id ? ' dragging' : ''}${editing?.id === item.id ? ' selected' : ''}`}
              onDragStart={() => setDragged(item.id)}
              onDragEnd={() => setDragged(null)}
              onDragOver={(event) => event.preventDefault()}
              onDrop={(event) => {
                event.preventDefault();
                if (dragged && dragged !== item.id) move(dragged, item.id);
                setDragged(null);
              }}
            >
              {item.imageHashes[0] ? <Thumbnail hash={item.imageHashes[0]} alt="" /> : <span className="pf-thumb pf-thumb-empty" />}
              <button
                type="button"
                className="pf-row-open"
                aria-current={editing?.id === item.id ? 'true' : undefined}
                onClick={() => onOpen({ id: item.id })}
              >
                {/* Cut with an ellipsis in a narrow list: the whole title on hover. */}
                <span className="pf-row-title" title={titleIn(item, i18n.language) || t('untitled')}>
                  {titleIn(item, i18n.language) || t('untitled')}
                </span>
                <span className="muted small">
                  {item.variants.map((variant) => nameLanguage(variant.locale, i18n.language)).join(' · ')}
                  {item.visibility === 'private' && ` · ${t('visibility.private')}`}
                  {item.pending && !item.syncError && ` · ${t('pending')}`}
                  {hasDraft(item.id) && (
                    <em className="draft-mark" data-testid="row-draft">
                      {' · '}
                      {t('common:draft.unsaved')}
                    </em>
                  )}
                </span>
              </button>
              <span className="pf-move">
                <button type="button" aria-label={t('moveUp')} disabled={index === 0} onClick={() => move(item.id, items[index - 1]!.id)}>
                  ↑
                </button>
                <button type="button" aria-label={t('moveDown')} disabled={index === items.length - 1} onClick={() => move(item.id, items[index + 1]!.id)}>
                  ↓
                </button>
              </span>
              {item.syncError && <SyncFailure problem={item.syncError} onRetry={() => void retryItem(item.id)} />}
            </li>
          ))}
        </ol>
        {platformProfiles.map((profile) => (
          <PlatformPortfolio key={profile.accountId} profile={profile} badged />
        ))}
      </div>
      {missing ? (
        <MissingRecord className="pf-missing" title={t('common:missing.portfolioItem')} back="portfolio" onBack={() => onOpen(null)} />
      ) : (
        editing && <ItemEditorWithDraft key={editing.id ?? 'new'} item={editedItem} uiLocale={i18n.language} onDone={() => onOpen(null)} />
      )}
    </div>
  );
};
