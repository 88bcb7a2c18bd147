import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDetail } from '../../../../shared/contract/clients';
import type { ClientSummary } from '../../../../shared/domain/project';
import { formatDateTime, formatMoneyCompact, formatRegionName, formatRelativeTime } from '../../../../shared/i18n/format';
import { ListDetail, ListSearch, NothingOpen } from '../../app/list-detail';
import { useRouteParams, type Section } from '../../app/routes';
import { useListKeyboard } from '../../app/use-list-keyboard';
import { MissingRecord } from '../../components/missing-record';
import { HighlightedText } from '../../components/rich-text';
import { usePagedVirtualizer } from '../../components/use-paged-virtualizer';
import { AccountFilter } from '../accounts/account-filter';
import { PlatformBadge } from '../accounts/platform-badge';
import { useAccountChoices } from '../accounts/use-accounts';
import { ClientFacts } from '../feed/project-detail';
import type { PagedWindow } from '../feed/project-window';
import { Flag } from '../../ui/flag';
import { useClientDetail, useClientList, useClientNote } from './use-clients';

// Where rows not drawn yet are placed; drawn rows are measured.
const estimatedRowHeight = 70;

type ListProps = { clients: PagedWindow<ClientSummary>; query: string; openId: string | null; selectedIndex: number; onOpen: (index: number) => void };

const ClientList = ({ clients, query, openId, selectedIndex, onOpen }: ListProps) => {
  const { t, i18n } = useTranslation('clients');
  const { scrollRef, virtualizer, rows } = usePagedVirtualizer(clients, { estimatedRowHeight, cursorIndex: selectedIndex });
  if (clients.total === 0) {
    return (
      <div className="empty-state" data-testid="clients-empty">
        <h2>{query ? t('empty.filteredTitle') : t('empty.title')}</h2>
        <p>{query ? t('empty.filteredBody') : t('empty.body')}</p>
      </div>
    );
  }
  return (
    <div ref={scrollRef} className="pane-scroller" role="list" aria-label={t('listLabel')} aria-busy={clients.total === null}>
      <div className="list-sizer" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => {
          const item = clients.getItem(row.index);
          return (
            <div key={row.key} ref={virtualizer.measureElement} data-index={row.index} role="listitem" className="list-item" style={{ transform: `translateY(${row.start}px)` }}>
              {item ? (
                <button
                  type="button"
                  className={`thread-row${item.id === openId ? ' selected' : ''}${row.index === selectedIndex ? ' cursor' : ''}`}
                  data-testid="client-row"
                  aria-current={item.id === openId ? 'true' : undefined}
                  data-cursor={row.index === selectedIndex ? 'true' : undefined}
                  onClick={() => onOpen(row.index)}
                >
                  <span className="thread-top">
                    <span className="thread-who">
                      <span className="thread-name" title={item.name}>
                        <HighlightedText text={item.name} query={query} />
                      </span>
                    </span>
                    <span className="thread-meta">
                      <PlatformBadge account={item.account} />
                      {item.country && (
                        <span className="muted small" title={formatRegionName(item.country, i18n.language)}>
                          <Flag country={item.country} /> {item.country}
                        </span>
                      )}
                    </span>
                  </span>
                  <span className="thread-preview muted" title={item.company ?? undefined}>
                    {item.company ? <HighlightedText text={item.company} query={query} /> : t('noCompany')}
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

const ClientNote = ({ clientId, initial, updatedAt }: { clientId: string; initial: string; updatedAt: string | null }) => {
  const { t, i18n } = useTranslation('clients');
  const note = useClientNote(clientId, initial);
  const saved = note.savedAt ?? updatedAt;
  return (
    <label className="field">
      <span className="field-label">{t('note.label')}</span>
      <textarea
        rows={4}
        value={note.text}
        maxLength={20_000}
        placeholder={t('note.placeholder')}
        data-testid="client-note"
        onChange={(event) => note.change(event.target.value)}
      />
      <span className="field-hint">
        {t('note.private')}
        {saved && ` ${t('note.saved', { when: formatDateTime(saved, i18n.language) })}`}
      </span>
    </label>
  );
};

type DetailProps = { client: ClientDetail; now: Date; go: (section: Section, ...params: string[]) => void };

const ClientDetailPane = ({ client, now, go }: DetailProps) => {
  const { t, i18n } = useTranslation('clients');
  const { t: tFeed } = useTranslation('feed');
  return (
    <article className="detail-pane wide" aria-labelledby="client-title" data-testid="client-detail">
      <header className="detail-header">
        <div>
          <h2 id="client-title">
            {client.country && (
              <>
                <Flag country={client.country} />{' '}
              </>
            )}
            <bdi>{client.name}</bdi>
          </h2>
          {client.company && <p className="muted">{client.company}</p>}
        </div>
      </header>
      <ClientFacts client={client} now={now} />
      <ClientNote key={client.id} clientId={client.id} initial={client.note} updatedAt={client.noteUpdatedAt} />
      <section className="detail-section">
        <h3>{t('projects', { count: client.projects.length })}</h3>
        {client.projects.length === 0 ? (
          <p className="muted">{t('noProjects')}</p>
        ) : (
          <ul className="history" data-testid="client-projects">
            {client.projects.map((project) => (
              <li key={project.id}>
                <button type="button" className="link-button" onClick={() => go('feed', project.id)}>
                  <bdi>{project.title}</bdi>
                </button>
                <span className="muted small">
                  {tFeed(`status.${project.status}`)} · {formatRelativeTime(project.postedAt, now, i18n.language)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="detail-section">
        <h3>{t('proposals', { count: client.proposals.length })}</h3>
        {client.proposals.length === 0 ? (
          <p className="muted">{t('noProposals')}</p>
        ) : (
          <ul className="history" data-testid="client-proposals">
            {client.proposals.map((proposal) => (
              <li key={proposal.id}>
                <button type="button" className="link-button" data-testid="client-proposal" onClick={() => go('proposals', proposal.id)}>
                  <bdi>{proposal.projectTitle ?? proposal.projectId}</bdi>
                </button>
                <span className="muted small">
                  {tFeed(`proposalStatus.${proposal.status}`, { defaultValue: proposal.status })}
                  {proposal.amountMinor !== null && ` · ${formatMoneyCompact(proposal.amountMinor, proposal.currency, i18n.language)}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="detail-section">
        <h3>{t('conversations', { count: client.threads.length })}</h3>
        {client.threads.length === 0 ? (
          <p className="muted">{t('noConversations')}</p>
        ) : (
          <ul className="history" data-testid="client-threads">
            {client.threads.map((thread) => (
              <li key={thread.id}>
                <button type="button" className="link-button" onClick={() => go('messages', thread.id)}>
                  {thread.projectTitle ?? thread.subject}
                </button>
                <span className="muted small">
                  {thread.lastMessageAt && formatRelativeTime(thread.lastMessageAt, now, i18n.language)}
                  {thread.unreadCount > 0 && ` · ${t('unread', { count: thread.unreadCount })}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
};

export const ClientsRoute = ({ now }: { now: Date }) => {
  const { t } = useTranslation('clients');
  const [params, go] = useRouteParams();
  const openId = params[0] ?? null;
  const [searchText, setSearchText] = useState('');
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const [accountIds, setAccountIds] = useState<string[]>([]);
  const accounts = useAccountChoices();
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const timer = setTimeout(() => setQuery(searchText), 150);
    return () => clearTimeout(timer);
  }, [searchText]);
  const { clients, failed } = useClientList(query, accountIds);
  const detail = useClientDetail(openId);
  const openIndex = (index: number): void => {
    const item = clients.getItem(index);
    if (item) go('clients', item.id);
  };
  // As in the feed: with a client open, j/k move the cursor and the detail follows; Enter opens; Escape closes.
  const moveCursor = (index: number): void => {
    setSelected(index);
    if (openId !== null) openIndex(index);
  };
  useListKeyboard({ count: clients.total ?? 0, index: selected, onMove: moveCursor, onOpen: openIndex, onEscape: () => go('clients'), searchRef });

  return (
    <section className="screen clients" aria-labelledby="clients-title">
      <header className="screen-header">
        <div>
          <h1 id="clients-title">{t('title')}</h1>
          {clients.total !== null && <p className="muted">{t('count', { count: clients.total })}</p>}
        </div>
        <div className="toolbar">
          <AccountFilter accounts={accounts} value={accountIds} onChange={setAccountIds} />
        </div>
      </header>
      <ListDetail
        screen="clients"
        list={
          <>
            <ListSearch
              inputRef={searchRef}
              testId="client-search"
              label={t('search.label')}
              placeholder={t('search.placeholder')}
              value={searchText}
              onChange={setSearchText}
            />
            {failed ? (
              <p className="form-error" role="alert">
                {t('error')}
              </p>
            ) : (
              <ClientList clients={clients} query={query} openId={openId} selectedIndex={selected} onOpen={(index) => {
                setSelected(index);
                openIndex(index);
              }} />
            )}
          </>
        }
        detail={
          detail ? (
            <ClientDetailPane client={detail} now={now} go={go} />
          ) : openId && detail === null ? (
            <MissingRecord className="conversation" title={t('missing')} back="clients" onBack={() => go('clients')} />
          ) : (
            <NothingOpen text={t('pick')} />
          )
        }
      />
    </section>
  );
};
