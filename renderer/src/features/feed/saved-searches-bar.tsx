import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedSearch } from '../../../../shared/contract/feed';

type Props = {
  searches: SavedSearch[];
  canSave: boolean;
  onSave: (name: string) => void;
  onOpen: (search: SavedSearch) => void;
  onDelete: (search: SavedSearch) => void;
};

export const SavedSearchesBar = ({ searches, canSave, onSave, onOpen, onDelete }: Props) => {
  const { t } = useTranslation('feed');
  const [naming, setNaming] = useState<string | null>(null);
  return (
    <div className="saved-searches" data-testid="saved-searches">
      <span className="muted">{t('saved.label')}</span>
      {searches.length === 0 && naming === null && <span className="muted">{t('saved.none')}</span>}
      <ul className="chips">
        {searches.map((search) => (
          <li key={search.id} className="chip saved-chip" data-testid="saved-search">
            <button type="button" className="chip-button" onClick={() => onOpen(search)}>
              {search.name}
              {search.newCount > 0 && (
                <span className="badge" data-testid="saved-search-new">
                  {t('saved.new', { count: search.newCount })}
                </span>
              )}
            </button>
            <button type="button" className="chip-remove" aria-label={t('saved.delete', { name: search.name })} onClick={() => onDelete(search)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      {naming === null ? (
        <button type="button" className="secondary small" disabled={!canSave} onClick={() => setNaming('')} data-testid="save-search">
          {t('saved.save')}
        </button>
      ) : (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (naming.trim()) onSave(naming.trim());
            setNaming(null);
          }}
        >
          <input
            autoFocus
            aria-label={t('saved.name')}
            placeholder={t('saved.name')}
            value={naming}
            maxLength={200}
            onChange={(event) => setNaming(event.target.value)}
            data-testid="save-search-name"
          />
          <button type="submit" className="small">
            {t('saved.confirm')}
          </button>
          <button type="button" className="secondary small" onClick={() => setNaming(null)}>
            {t('saved.cancel')}
          </button>
        </form>
      )}
    </div>
  );
};
