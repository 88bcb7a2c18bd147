import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toPortfolioLink } from '../../../../shared/domain/portfolio';
import { ExternalLink } from '../../components/external-link';

/** As many links as the platform keeps per item. */
const maxLinks = 20;

/** The item's links: added, edited and removed in place, http(s) only; each opens outside the app. */
export const LinksEditor = ({ links, onChange }: { links: readonly string[]; onChange: (links: string[]) => void }) => {
  const { t } = useTranslation('portfolio');
  const [typed, setTyped] = useState('');
  const [editing, setEditing] = useState<{ index: number; text: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const accept = (text: string, replace: number | null): boolean => {
    const link = toPortfolioLink(text);
    if (!link.ok) {
      setProblem(link.problem);
      return false;
    }
    const others = links.filter((_, index) => index !== replace);
    if (others.includes(link.url)) {
      setProblem('link_duplicate');
      return false;
    }
    if (replace === null && links.length >= maxLinks) {
      setProblem('link_limit');
      return false;
    }
    setProblem(null);
    onChange(replace === null ? [...links, link.url] : links.map((other, index) => (index === replace ? link.url : other)));
    return true;
  };
  return (
    <fieldset className="field pf-links" data-testid="links">
      <legend className="field-label">{t('links.label')}</legend>
      <ul>
        {links.map((link, index) => (
          <li key={link} data-testid="link-row">
            {editing?.index === index ? (
              <>
                <input
                  aria-label={t('links.edit', { index: index + 1 })}
                  value={editing.text}
                  onChange={(event) => setEditing({ index, text: event.target.value })}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') {
                      event.preventDefault();
                      if (accept(editing.text, index)) setEditing(null);
                    }
                    if (event.key === 'Escape') setEditing(null);
                  }}
                />
                <button type="button" onClick={() => accept(editing.text, index) && setEditing(null)}>
                  {t('links.done')}
                </button>
              </>
            ) : (
              <>
                <ExternalLink href={link} className="pf-link">
                  {link}
                </ExternalLink>
                <button type="button" className="secondary" aria-label={t('links.edit', { index: index + 1 })} data-testid="link-change" onClick={() => setEditing({ index, text: link })}>
                  {t('links.change')}
                </button>
              </>
            )}
            <button
              type="button"
              className="secondary"
              aria-label={t('links.remove', { index: index + 1 })}
              data-testid="link-remove"
              onClick={() => onChange(links.filter((_, at) => at !== index))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="toolbar">
        <input
          aria-label={t('links.new')}
          placeholder="https://"
          value={typed}
          data-testid="link-input"
          onChange={(event) => setTyped(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            if (accept(typed, null)) setTyped('');
          }}
        />
        <button type="button" className="secondary" onClick={() => accept(typed, null) && setTyped('')} data-testid="link-add">
          {t('links.add')}
        </button>
      </div>
      {problem && (
        <p className="pf-note pf-status-missing" role="alert" data-testid="link-problem">
          {t(`links.problem.${problem}`)}
        </p>
      )}
    </fieldset>
  );
};
