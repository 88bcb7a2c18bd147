import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuickFindItem } from '../../../../shared/contract/search';
import { useRouteParams, type Section } from '../../app/routes';
import { useQuickFind } from './use-quick-find';
import { PlatformBadge } from '../accounts/platform-badge';

const sectionOf: Record<QuickFindItem['kind'], Section> = {
  project: 'feed',
  client: 'clients',
  thread: 'messages',
  proposal: 'proposals',
};

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

// Keys are symbols, the same in every language; what they do is translated.
const shortcuts = {
  palette: 'Ctrl/⌘ K',
  search: '/',
  move: 'j k ↓ ↑',
  open: '↵',
  close: 'Esc',
  send: 'Ctrl/⌘ ↵',
  help: '?',
} as const;

/** Ctrl/Cmd+K: jump to any project, client, conversation or proposal by name. `?`: the keyboard shortcuts. */
export const CommandPalette = () => {
  const { t } = useTranslation('palette');
  const [, go] = useRouteParams();
  const [open, setOpen] = useState<'palette' | 'help' | null>(null);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const items = useQuickFind(open === 'palette' ? text : '');
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setText('');
        setActive(0);
        setOpen('palette');
      } else if (event.key === '?' && !isTyping(event.target)) {
        event.preventDefault();
        setOpen((current) => (current === 'help' ? null : 'help'));
      } else if (event.key === 'Escape') {
        setOpen(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    if (open === 'palette') inputRef.current?.focus();
  }, [open]);

  if (open === null) return null;
  const choose = (item: QuickFindItem): void => {
    setOpen(null);
    go(sectionOf[item.kind], item.kind === 'proposal' ? '' : item.id);
  };
  const current = Math.min(active, Math.max(0, items.length - 1));

  return (
    <div className="overlay" role="presentation" onClick={() => setOpen(null)}>
      <div
        className="overlay-panel"
        role="dialog"
        aria-modal="true"
        aria-label={open === 'palette' ? t('title') : t('help.title')}
        onClick={(event) => event.stopPropagation()}
        data-testid={open === 'palette' ? 'command-palette' : 'shortcuts-help'}
      >
        {open === 'palette' ? (
          <>
            <input
              ref={inputRef}
              type="search"
              className="search-input wide"
              aria-label={t('title')}
              placeholder={t('placeholder')}
              value={text}
              data-testid="palette-input"
              onChange={(event) => {
                setText(event.target.value);
                setActive(0);
              }}
              onKeyDown={(event) => {
                if (event.key === 'ArrowDown') {
                  event.preventDefault();
                  setActive(Math.min(items.length - 1, current + 1));
                } else if (event.key === 'ArrowUp') {
                  event.preventDefault();
                  setActive(Math.max(0, current - 1));
                } else if (event.key === 'Enter' && items[current]) {
                  event.preventDefault();
                  choose(items[current]);
                }
              }}
            />
            {text.trim() !== '' && items.length === 0 ? (
              <p className="muted pad">{t('none')}</p>
            ) : (
              <ul className="palette-list" role="listbox" aria-label={t('results')}>
                {items.map((item, index) => (
                  <li key={`${item.kind}:${item.id}`} role="option" aria-selected={index === current}>
                    <button type="button" className={`palette-item${index === current ? ' active' : ''}`} onClick={() => choose(item)} data-testid="palette-item">
                      <span className="palette-kind">{t(`kind.${item.kind}`)}</span>
                      <bdi className="palette-title">{item.title}</bdi>
                      {item.subtitle && <span className="muted small">{item.subtitle}</span>}
                      <PlatformBadge account={item.account} />
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : (
          <>
            <h2>{t('help.title')}</h2>
            <dl className="facts">
              {Object.entries(shortcuts).map(([shortcut, keys]) => (
                <div key={shortcut} className="shortcut">
                  <dt>
                    <kbd>{keys}</kbd>
                  </dt>
                  <dd>{t(`help.does.${shortcut}`)}</dd>
                </div>
              ))}
            </dl>
          </>
        )}
      </div>
    </div>
  );
};
