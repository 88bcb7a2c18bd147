import { Fragment, useCallback, useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ArrowRight, Clock, FileText, Keyboard, Languages, MessagesSquare, Monitor, Moon, PenLine, RefreshCw, SlidersHorizontal, Sun, User, Briefcase } from 'lucide-react';
import { Dialog as AriaDialog, Modal, ModalOverlay } from 'react-aria-components';
import type { QuickFindItem } from '../../../../shared/contract/search';
import type { Theme } from '../../../../shared/contract/settings';
import { formatEndonym, formatLanguageName } from '../../../../shared/i18n/format';
import { locales, type Locale } from '../../../../shared/i18n/locales';
import { useClient } from '../../app/client-context';
import { NavIcon } from '../../app/nav-icon';
import { sections, useRouteParams, useSection, type Section } from '../../app/routes';
import { Dialog } from '../../ui/dialog';
import { settingsSections, type SettingsSection } from '../settings/settings-screen';
import { formatShortcut } from '../../ui/shortcut';
import { PlatformBadge } from '../accounts/platform-badge';
import { rankCommands, readRecent, scoreCommand, rememberRecent, type RecentEntry, type RecordKind } from './command-ranking';
import { useQuickFind } from './use-quick-find';
import './command-palette.css';

const sectionOf: Record<RecordKind, Section> = {
  project: 'feed',
  client: 'clients',
  thread: 'messages',
  proposal: 'proposals',
};

const recordIcons: Record<RecordKind, ReactNode> = {
  project: <Briefcase size={16} aria-hidden="true" />,
  client: <User size={16} aria-hidden="true" />,
  thread: <MessagesSquare size={16} aria-hidden="true" />,
  proposal: <FileText size={16} aria-hidden="true" />,
};

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Alt+1 … Alt+8: the sections in the sidebar's order (Alt, as Ctrl+digit switches tabs in a browser). */
const sectionShortcut = (section: Section): string => `Alt+${sections.indexOf(section) + 1}`;

// Keys are symbols, the same in every language; what they do is translated.
const helpShortcuts = {
  palette: 'Mod+K',
  section: 'Alt+1 … 8',
  search: '/',
  move: 'j k ↓ ↑',
  open: '↵',
  close: 'Esc',
  send: 'Mod+↵',
  help: '?',
} as const;

type Command = {
  id: string;
  label: string;
  keywords: string[];
  group: 'actions' | 'navigate';
  icon: ReactNode;
  shortcut?: string;
  /** Shown in place of the label in a narrowed list (the languages), with `hint` beside it. */
  shortLabel?: string;
  hint?: string;
  run: () => void;
};

/** One row of the list: a command, or a record (found, or from the recent list). */
type Row = { key: string; group: 'recent' | 'actions' | 'navigate' | 'records' | 'language' } & (
  | { type: 'command'; command: Command }
  | { type: 'record'; kind: RecordKind; id: string; title: string; subtitle?: string | null; account?: QuickFindItem['account'] }
);

const recentKey = 'bottega.palette.recent';

/** From this score on (the label, or one of its words, starts with what was typed) a command leads the list. */
const strongMatch = 80;

const loadRecent = (): RecentEntry[] => {
  try {
    return readRecent(JSON.parse(window.localStorage.getItem(recentKey) ?? '[]'));
  } catch {
    return [];
  }
};

/** The recent list, kept on this computer (it names records, never anything secret). */
const useRecent = (): [RecentEntry[], (entry: RecentEntry) => void] => {
  const [recent, setRecent] = useState(loadRecent);
  const remember = useCallback((entry: RecentEntry) => {
    setRecent((list) => {
      const next = rememberRecent(list, entry);
      try {
        window.localStorage.setItem(recentKey, JSON.stringify(next));
      } catch {
        // Storage full or refused: the list still works for this session.
      }
      return next;
    });
  }, []);
  return [recent, remember];
};

type OpenProject = { id: string; title: string; language: string; proposal: { id: string; status: string } | null };

/** The project open in the feed, if any: "write a proposal" acts on it. */
const useOpenProject = (active: boolean): OpenProject | null => {
  const client = useClient();
  const [section] = useSection();
  const [params] = useRouteParams();
  const id = active && section === 'feed' && params[0] && params[0] !== 'saved' ? params[0] : null;
  const [project, setProject] = useState<OpenProject | null>(null);
  useEffect(() => {
    if (id === null) return;
    let live = true;
    client.feed.getProject({ id }).then(
      (detail) => live && setProject(detail ? { id: detail.id, title: detail.title, language: detail.language, proposal: detail.proposal } : null),
      () => live && setProject(null),
    );
    return () => {
      live = false;
    };
  }, [client, id]);
  return id !== null && project?.id === id ? project : null;
};

type Props = {
  theme: Theme;
  onThemeChange: (theme: Theme) => void;
  language: Locale;
  onLanguageChange: (language: Locale) => void;
  onSyncNow: () => void;
};

/**
 * The command centre (Ctrl/⌘+K): actions (a proposal for the open project, sync, theme, language, sections)
 * and any project, client, conversation or proposal by name; with nothing typed, what was used last comes
 * first. A combobox over one list: arrows move, Enter runs, Escape closes and focus goes back where it was.
 * `?` shows the keyboard shortcuts.
 */
export const CommandPalette = ({ theme, onThemeChange, language, onLanguageChange, onSyncNow }: Props) => {
  const { t, i18n } = useTranslation('palette');
  const [, go] = useRouteParams();
  const [open, setOpen] = useState<'palette' | 'help' | null>(null);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  // 'language': the list narrowed to the interface languages (Backspace in the empty field goes back).
  const [page, setPage] = useState<'root' | 'language'>('root');
  const [recent, remember] = useRecent();
  const found = useQuickFind(open === 'palette' && page === 'root' ? text : '');
  const project = useOpenProject(open === 'palette');
  const listId = useId();
  // Projects' and proposals' subtitles are their status codes: said in the UI's language.
  const subtitleOf = useCallback(
    (item: QuickFindItem): string | null => {
      if (item.subtitle === null) return null;
      if (item.kind === 'project') return t(`status.${item.subtitle}`, { ns: 'feed', defaultValue: item.subtitle });
      if (item.kind === 'proposal') return t(`status.${item.subtitle}`, { ns: 'proposals', defaultValue: item.subtitle });
      return item.subtitle;
    },
    [t],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setText('');
        setActive(0);
        setPage('root');
        setOpen('palette');
      } else if (event.altKey && !event.ctrlKey && !event.metaKey && /^Digit[1-8]$/.test(event.code) && !isTyping(event.target)) {
        // By code, not key: on macOS Alt+digit gives a character (and in a text field it still does).
        event.preventDefault();
        const section = sections[Number(event.code.slice(5)) - 1];
        if (section) go(section);
      } else if (event.key === '?' && !isTyping(event.target) && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        setOpen((current) => (current === 'help' ? null : current === null ? 'help' : current));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  const commands = useMemo((): Command[] => {
    const list: Command[] = [];
    if (project) {
      const existing = project.proposal && project.proposal.status !== 'withdrawn' ? project.proposal : null;
      list.push({
        id: 'proposal.forOpenProject',
        label: t(existing ? 'command.openProposal' : 'command.newProposal', { title: project.title }),
        keywords: [t('keywords.proposal')],
        group: 'actions',
        icon: <PenLine size={16} aria-hidden="true" />,
        run: () => (existing ? go('proposals', existing.id) : go('proposals', 'new', project.id, project.language)),
      });
    }
    list.push({ id: 'sync.now', label: t('command.syncNow'), keywords: [t('keywords.sync')], group: 'actions', icon: <RefreshCw size={16} aria-hidden="true" />, run: onSyncNow });
    const themeCommands: { theme: Theme; key: 'themeLight' | 'themeDark' | 'themeSystem'; icon: ReactNode }[] = [
      { theme: 'dark', key: 'themeDark', icon: <Moon size={16} aria-hidden="true" /> },
      { theme: 'light', key: 'themeLight', icon: <Sun size={16} aria-hidden="true" /> },
      { theme: 'system', key: 'themeSystem', icon: <Monitor size={16} aria-hidden="true" /> },
    ];
    for (const option of themeCommands.filter((option) => option.theme !== theme))
      list.push({ id: `theme.${option.theme}`, label: t(`command.${option.key}`), keywords: [t('keywords.theme')], group: 'actions', icon: option.icon, run: () => onThemeChange(option.theme) });
    list.push({
      id: 'language.choose',
      label: t('command.chooseLanguage'),
      keywords: [t('keywords.language')],
      group: 'actions',
      icon: <Languages size={16} aria-hidden="true" />,
      run: () => {
        setPage('language');
        setText('');
        setActive(0);
      },
    });
    for (const locale of locales.filter((locale) => locale !== language))
      list.push({
        id: `language.${locale}`,
        label: t('command.language', { language: formatEndonym(locale) }),
        keywords: [t('keywords.language'), formatLanguageName(locale, i18n.language), locale],
        shortLabel: formatEndonym(locale),
        hint: formatLanguageName(locale, i18n.language),
        group: 'actions',
        icon: <Languages size={16} aria-hidden="true" />,
        run: () => onLanguageChange(locale),
      });
    list.push({ id: 'help.shortcuts', label: t('command.shortcuts'), keywords: [], group: 'actions', icon: <Keyboard size={16} aria-hidden="true" />, shortcut: '?', run: () => setOpen('help') });
    for (const section of sections)
      list.push({
        id: `go.${section}`,
        label: t('command.go', { section: t(`nav.${section}`, { ns: 'common' }) }),
        keywords: section === 'settings' ? [t('keywords.go'), t('keywords.settings')] : [t('keywords.go')],
        group: 'navigate',
        icon: <NavIcon section={section} />,
        shortcut: sectionShortcut(section),
        run: () => go(section),
      });
    const settingsTitles: Record<SettingsSection, string> = {
      appearance: t('sections.appearance', { ns: 'settings' }),
      accounts: t('accounts.title', { ns: 'sync' }),
      notifications: t('notifications.settings.title', { ns: 'shell' }),
      integrity: t('integrity.title', { ns: 'workspace' }),
      updates: t('updates.title', { ns: 'shell' }),
    };
    for (const section of settingsSections)
      list.push({
        id: `settings.${section}`,
        label: t('command.settingsSection', { section: settingsTitles[section] }),
        keywords: [t('keywords.settings')],
        group: 'navigate',
        icon: <SlidersHorizontal size={16} aria-hidden="true" />,
        run: () => go('settings', section),
      });
    return list;
  }, [t, i18n.language, project, theme, language, go, onSyncNow, onThemeChange, onLanguageChange]);

  const rows = useMemo((): Row[] => {
    const typed = text.trim() !== '';
    const isLanguage = (command: Command): boolean => command.id.startsWith('language.') && command.id !== 'language.choose';
    if (page === 'language') return rankCommands(commands.filter(isLanguage), text, recent, i18n.language).map((command) => ({ key: `command:${command.id}`, group: 'language', type: 'command', command }));
    // Each language is a command of its own when typed for ("deutsch"); with nothing typed one entry leads to them.
    const ranked = rankCommands(typed ? commands : commands.filter((command) => !isLanguage(command)), text, recent, i18n.language);
    const commandRow = (command: Command, group: Row['group']): Row => ({ key: `command:${command.id}`, group, type: 'command', command });
    if (typed) {
      // A command named by what was typed comes before the records; one found only by a keyword comes after
      // them, so a word that is a record's name is not buried under commands.
      const strong = ranked.filter((command) => scoreCommand(command, text, i18n.language) >= strongMatch);
      const weak = ranked.filter((command) => !strong.includes(command));
      return [
        ...strong.slice(0, 6).map((command) => commandRow(command, command.group)),
        ...found.map((item): Row => ({ key: `record:${item.kind}:${item.id}`, group: 'records', type: 'record', kind: item.kind, id: item.id, title: item.title, subtitle: subtitleOf(item), account: item.account })),
        ...weak.slice(0, Math.max(0, 6 - strong.length)).map((command) => commandRow(command, command.group)),
      ];
    }
    const recentRows = recent.flatMap((entry): Row[] => {
      if (entry.type === 'record') return [{ key: `record:${entry.kind}:${entry.id}`, group: 'recent', type: 'record', kind: entry.kind, id: entry.id, title: entry.title }];
      const command = commands.find((candidate) => candidate.id === entry.id);
      return command ? [commandRow(command, 'recent')] : [];
    });
    const shown = new Set(recentRows.map((row) => row.key));
    return [...recentRows, ...ranked.filter((command) => !shown.has(`command:${command.id}`)).map((command) => commandRow(command, command.group))];
  }, [page, text, commands, recent, found, i18n.language, subtitleOf]);

  const current = Math.min(active, Math.max(0, rows.length - 1));
  const optionId = (index: number): string => `${listId}-option-${index}`;
  useEffect(() => {
    document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' });
  });

  const choose = (row: Row): void => {
    if (row.type === 'command' && row.command.id === 'language.choose') {
      row.command.run();
      return;
    }
    setOpen(row.type === 'command' && row.command.id === 'help.shortcuts' ? 'help' : null);
    if (row.type === 'command') {
      remember({ type: 'command', id: row.command.id });
      row.command.run();
    } else {
      remember({ type: 'record', kind: row.kind, id: row.id, title: row.title });
      go(sectionOf[row.kind], row.id);
    }
  };

  const groupLabel = (group: Row['group']): string => t(`group.${group}`);

  return (
    <>
      <ModalOverlay className="palette-overlay" isOpen={open === 'palette'} onOpenChange={(isOpen) => !isOpen && setOpen(null)} isDismissable>
        <Modal className="palette-modal">
          <AriaDialog className="palette" aria-label={t('title')} data-testid="command-palette">
            <div className="palette-search">
              <input
                autoFocus
                type="text"
                role="combobox"
                aria-expanded="true"
                aria-controls={listId}
                aria-autocomplete="list"
                aria-activedescendant={rows.length > 0 ? optionId(current) : undefined}
                aria-label={t('title')}
                className="palette-input"
                placeholder={t(page === 'language' ? 'languagePlaceholder' : 'placeholder')}
                value={text}
                spellCheck={false}
                autoComplete="off"
                data-testid="palette-input"
                onChange={(event) => {
                  setText(event.target.value);
                  setActive(0);
                }}
                onKeyDown={(event) => {
                  if (event.key === 'Backspace' && text === '' && page !== 'root') {
                    event.preventDefault();
                    setPage('root');
                    setActive(0);
                  } else if (event.key === 'ArrowDown') {
                    event.preventDefault();
                    setActive(rows.length === 0 ? 0 : (current + 1) % rows.length);
                  } else if (event.key === 'ArrowUp') {
                    event.preventDefault();
                    setActive(rows.length === 0 ? 0 : (current - 1 + rows.length) % rows.length);
                  } else if (event.key === 'Home' && event.ctrlKey) {
                    event.preventDefault();
                    setActive(0);
                  } else if (event.key === 'End' && event.ctrlKey) {
                    event.preventDefault();
                    setActive(Math.max(0, rows.length - 1));
                  } else if (event.key === 'Enter' && rows[current]) {
                    event.preventDefault();
                    choose(rows[current]);
                  }
                }}
              />
            </div>
            {rows.length === 0 && text.trim() !== '' && (
              <p className="palette-empty" role="status">
                {t('none')}
              </p>
            )}
            <ul id={listId} className="palette-list" role="listbox" aria-label={t('results')} hidden={rows.length === 0}>
              {rows.map((row, index) => {
                const heading = index === 0 || rows[index - 1]?.group !== row.group ? groupLabel(row.group) : null;
                return (
                  <Fragment key={row.key}>
                    {heading && (
                      <li role="presentation" aria-hidden="true" className="palette-group">
                        {heading}
                      </li>
                    )}
                  <li
                    id={optionId(index)}
                    role="option"
                    aria-selected={index === current}
                    className={`palette-row${index === current ? ' is-active' : ''}`}
                    data-testid={row.type === 'command' ? 'palette-command' : 'palette-item'}
                    data-group={row.group}
                    onMouseMove={() => index !== current && setActive(index)}
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => choose(row)}
                  >
                    <span className="palette-row-main">
                      <span className="palette-icon">
                        {row.type === 'command' ? row.command.icon : row.group === 'recent' ? <Clock size={16} aria-hidden="true" /> : recordIcons[row.kind]}
                      </span>
                      {row.type === 'command' && row.group === 'language' && row.command.shortLabel ? (
                        <>
                          <span className="palette-label">{row.command.shortLabel}</span>
                          <span className="palette-subtitle">{row.command.hint}</span>
                        </>
                      ) : row.type === 'command' ? (
                        <span className="palette-label">{row.command.label}</span>
                      ) : (
                        <>
                          <bdi className="palette-label">{row.title}</bdi>
                          {row.subtitle && <bdi className="palette-subtitle">{row.subtitle}</bdi>}
                          {row.account && <PlatformBadge account={row.account} />}
                        </>
                      )}
                      <span className="palette-meta">
                        {row.type === 'record' && <span className="palette-kind">{t(`kind.${row.kind}`)}</span>}
                        {row.type === 'command' && row.command.shortcut && <kbd className="palette-kbd">{formatShortcut(row.command.shortcut)}</kbd>}
                        {index === current && <ArrowRight className="palette-enter" size={14} aria-hidden="true" />}
                      </span>
                    </span>
                  </li>
                  </Fragment>
                );
              })}
            </ul>
            <div className="palette-footer" aria-hidden="true">
              <span>
                <kbd className="palette-kbd">↑</kbd>
                <kbd className="palette-kbd">↓</kbd> {t('hint.move')}
              </span>
              <span>
                <kbd className="palette-kbd">↵</kbd> {t('hint.run')}
              </span>
              <span>
                <kbd className="palette-kbd">Esc</kbd> {t('hint.close')}
              </span>
            </div>
          </AriaDialog>
        </Modal>
      </ModalOverlay>
      <Dialog isOpen={open === 'help'} onOpenChange={(isOpen) => !isOpen && setOpen(null)} title={t('help.title')} testId="shortcuts-help">
        <dl className="palette-shortcuts">
          {Object.entries(helpShortcuts).map(([shortcut, keys]) => (
            <div key={shortcut} className="palette-shortcut">
              <dt>
                <kbd className="palette-kbd">{formatShortcut(keys)}</kbd>
              </dt>
              <dd>{t(`help.does.${shortcut}`)}</dd>
            </div>
          ))}
        </dl>
      </Dialog>
    </>
  );
};
