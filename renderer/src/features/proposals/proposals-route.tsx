import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { proposalListStatuses, type ProposalDetail, type ProposalSummary } from '../../../../shared/contract/proposals';
import { fromMinorUnits, toMinorUnits } from '../../../../shared/domain/money';
import { splitFee, sumMilestones, type MilestoneDraft } from '../../../../shared/domain/proposal';
import { formatLanguageName, formatMoney } from '../../../../shared/i18n/format';
import { locales } from '../../../../shared/i18n/locales';
import { useClient } from '../../app/client-context';
import { useRouteParams } from '../../app/routes';
import { downloadFile, fromBase64 } from '../../components/download-file';
import { typingSaveTiming } from '../../components/save-scheduler';
import { useDebouncedSave } from '../../components/use-debounced-save';
import { CoverLetterEditor } from './cover-letter-editor';
import { LinkedPortfolioItems, QuestionAnswers } from './proposal-parts';
import { ProposalPreviewPane } from './proposal-preview';
import { RevisionHistory } from './revision-history';
import { TemplateLibrary } from './template-library';
import { useAnswersAutosave, useLinkableItems, useProposalPreview, useRevisionDiff, useTemplateLibrary } from './use-proposal-parts';
import { useProposal, useProposalList, useVariantAutosave, type AutosaveState } from './use-proposals';

type ListStatus = (typeof proposalListStatuses)[number];

const ProposalList = ({ items, openId, onOpen }: { items: ProposalSummary[]; openId: string | null; onOpen: (id: string) => void }) => {
  const { t, i18n } = useTranslation('proposals');
  if (items.length === 0) {
    return (
      <div className="empty-state" data-testid="proposals-empty">
        <h2>{t('empty.title')}</h2>
        <p>{t('empty.body')}</p>
      </div>
    );
  }
  return (
    <ul className="proposal-list" aria-label={t('listLabel')}>
      {items.map((item) => (
        <li key={item.id}>
          <button type="button" className={`thread-row${item.id === openId ? ' selected' : ''}`} data-testid="proposal-row" onClick={() => onOpen(item.id)}>
            <span className="thread-top">
              <span className="thread-name">{item.projectTitle ?? item.projectId}</span>
              <span className={`status-badge status-${item.status}`}>{t(`status.${item.status}`, { defaultValue: item.status })}</span>
            </span>
            <span className="thread-preview muted">
              {item.clientName ?? t('unknownClient')}
              {item.amountMinor !== null && ` · ${formatMoney(item.amountMinor, item.currency, i18n.language)}`}
              {` · ${item.locales.map((locale) => locale.toUpperCase()).join(' ')}`}
              {item.pending && ` · ${t('pending')}`}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
};

const AutosaveIndicator = ({ state }: { state: AutosaveState }) => {
  const { t } = useTranslation('proposals');
  if (state === 'idle') return null;
  return (
    <span className={`autosave autosave-${state}`} role="status" data-testid="autosave">
      {t(`autosave.${state}`)}
    </span>
  );
};

type TemplateLibraryState = ReturnType<typeof useTemplateLibrary>;

const VariantEditor = ({
  proposal,
  locale,
  editable,
  library,
  onSaved,
}: {
  proposal: ProposalDetail;
  locale: string;
  editable: boolean;
  library: TemplateLibraryState;
  onSaved: () => void;
}) => {
  const { t, i18n } = useTranslation('proposals');
  const client = useClient();
  const variant = proposal.variants.find((candidate) => candidate.locale === locale);
  const autosave = useVariantAutosave(proposal.id, locale, onSaved);
  // Each editing session is a revision of its own: the first change after opening the variant (or after looking
  // at its history) starts one, even when leaving it last time had nothing left to save.
  const revisionOwed = useRef(true);
  const change = (bodyJson: string, bodyText: string): void => {
    autosave.change(bodyJson, bodyText);
    if (revisionOwed.current) {
      revisionOwed.current = false;
      autosave.flush(true);
    }
  };
  const [history, setHistory] = useState<{ revision: number; savedAt: string; bodyText: string }[] | null>(null);
  const [picked, setPicked] = useState<number | null>(null);
  const [against, setAgainst] = useState<'current' | 'previous'>('current');
  const diff = useRevisionDiff(proposal.id, locale, history ? picked : null, against);
  const [generation, setGeneration] = useState(0);
  const [insertion, setInsertion] = useState<{ seq: number; bodyJson: string } | null>(null);
  // The library's templates and snippets of this letter's language, in the library's order.
  const snippets = (library.items ?? []).filter((item) => item.locale === locale);
  if (!variant) return null;
  const saveAsSnippet = (): void => {
    const name = window.prompt(t('snippets.namePrompt'));
    if (!name?.trim()) return;
    autosave.flush();
    void library.save({ kind: 'snippet', locale, name: name.trim(), bodyJson: variant.bodyJson || '{"type":"doc","content":[]}' });
  };
  const insertSnippet = (id: string): void => {
    const snippet = snippets.find((item) => item.id === id);
    if (snippet) setInsertion((previous) => ({ seq: (previous?.seq ?? 0) + 1, bodyJson: snippet.bodyJson }));
  };
  const showHistory = (): void => {
    autosave.flush(true);
    revisionOwed.current = true;
    void client.proposals.listRevisions({ id: proposal.id, locale }).then(setHistory);
  };
  const exportPdf = (): void => {
    autosave.flush();
    void client.proposals.exportPdf({ id: proposal.id, locale }).then(({ fileName, base64 }) => downloadFile(fileName, [fromBase64(base64)], 'application/pdf'));
  };
  const restore = (revision: number): void => {
    void client.proposals.restoreRevision({ id: proposal.id, locale, revision }).then(() => {
      setHistory(null);
      setPicked(null);
      onSaved();
      setGeneration((count) => count + 1);
    });
  };
  const templates = snippets.filter((item) => item.kind === 'template');
  const startFromTemplate = (templateId: string): void => {
    autosave.flush();
    void client.proposals.startFromTemplate({ id: proposal.id, locale, templateId }).then(() => {
      onSaved();
      setGeneration((count) => count + 1);
    });
  };
  return (
    <div className="variant-editor">
      <div className="variant-meta">
        <AutosaveIndicator state={autosave.state} />
        {variant.outdated && variant.sourceLocale && (
          <span className="outdated" data-testid="variant-outdated">
            {t('variant.outdated', { source: formatLanguageName(variant.sourceLocale, i18n.language) })}{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => void client.proposals.markVariantCurrent({ id: proposal.id, locale }).then(onSaved)}
            >
              {t('variant.markCurrent')}
            </button>
          </span>
        )}
        <span className="variant-links">
          <button type="button" className="link-button" onClick={showHistory} data-testid="show-history">
            {t('history.show')}
          </button>{' '}
          <button type="button" className="link-button" onClick={exportPdf} data-testid="export-pdf">
            {t('pdf.export')}
          </button>{' '}
          {editable && (
            <button type="button" className="link-button" onClick={saveAsSnippet} data-testid="save-snippet">
              {t('snippets.saveAs')}
            </button>
          )}
        </span>
        {editable && variant.bodyText.trim() === '' && templates.length > 0 && (
          <select aria-label={t('templates.start')} value="" data-testid="start-from-template" onChange={(event) => event.target.value && startFromTemplate(event.target.value)}>
            <option value="">{t('templates.start')}</option>
            {templates.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </select>
        )}
        {editable && snippets.length > 0 && (
          <select aria-label={t('snippets.insert')} value="" data-testid="insert-snippet" onChange={(event) => insertSnippet(event.target.value)}>
            <option value="">{t('snippets.insert')}</option>
            {snippets.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </select>
        )}
      </div>
      <CoverLetterEditor
        key={`${proposal.id}:${locale}:${generation}`}
        locale={locale}
        bodyJson={variant.bodyJson}
        editable={editable}
        onChange={change}
        onBlur={() => autosave.flush()}
        insertion={insertion}
      />
      {history && (
        <RevisionHistory
          revisions={history}
          currentRevision={variant.revision}
          locale={locale}
          editable={editable}
          selected={picked}
          against={against}
          diff={diff}
          onSelect={setPicked}
          onAgainst={setAgainst}
          onRestore={restore}
          onClose={() => {
            setHistory(null);
            setPicked(null);
          }}
        />
      )}
    </div>
  );
};

type TermsDraft = { kind: 'fixed' | 'hourly'; amount: string; periodDays: string; milestones: { title: string; amount: string; dueInDays: string }[] };

const toTermsDraft = (proposal: ProposalDetail): TermsDraft => ({
  kind: proposal.kind,
  amount: proposal.amountMinor === null ? '' : String(fromMinorUnits(proposal.amountMinor, proposal.currency)),
  periodDays: proposal.periodDays === null ? '' : String(proposal.periodDays),
  milestones: proposal.milestones.map((m) => ({
    title: m.title,
    amount: String(fromMinorUnits(m.amountMinor, proposal.currency)),
    dueInDays: m.dueInDays === null ? '' : String(m.dueInDays),
  })),
});

const parseMinor = (text: string, currency: string): number | null => {
  const value = Number(text.replace(',', '.'));
  return text.trim() === '' || !Number.isFinite(value) || value < 0 ? null : toMinorUnits(value, currency);
};

const parseDays = (text: string): number | null => {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 && value <= 3650 ? value : null;
};

const TermsForm = ({ proposal, editable, onSaved }: { proposal: ProposalDetail; editable: boolean; onSaved: () => void }) => {
  const { t, i18n } = useTranslation('proposals');
  const client = useClient();
  const [draft, setDraft] = useState(() => toTermsDraft(proposal));
  const milestones: MilestoneDraft[] = draft.milestones.map((m) => ({
    title: m.title,
    amountMinor: parseMinor(m.amount, proposal.currency) ?? 0,
    dueInDays: parseDays(m.dueInDays),
  }));
  const amountMinor = parseMinor(draft.amount, proposal.currency);
  const save = useCallback(
    (next: TermsDraft) =>
      void client.proposals
        .saveTerms({
          id: proposal.id,
          kind: next.kind,
          amountMinor: parseMinor(next.amount, proposal.currency),
          periodDays: parseDays(next.periodDays),
          milestones: next.milestones.map((m) => ({
            title: m.title,
            amountMinor: parseMinor(m.amount, proposal.currency) ?? 0,
            dueInDays: parseDays(m.dueInDays),
          })),
        })
        .then(onSaved),
    [client, proposal.id, proposal.currency, onSaved],
  );
  const { schedule } = useDebouncedSave(save, typingSaveTiming);
  const update = (next: TermsDraft): void => {
    setDraft(next);
    schedule(next);
  };
  const money = (minor: number): string => formatMoney(minor, proposal.currency, i18n.language);
  const total = sumMilestones(milestones);
  const fee = amountMinor === null ? null : splitFee(amountMinor, proposal.fee.percent);
  return (
    <fieldset className="terms" disabled={!editable} data-testid="terms">
      <legend>{t('terms.title')}</legend>
      <div className="terms-row">
        <label className="field">
          <span className="field-label">{t('terms.kind')}</span>
          <select value={draft.kind} onChange={(event) => update({ ...draft, kind: event.target.value === 'hourly' ? 'hourly' : 'fixed' })}>
            <option value="fixed">{t('terms.fixed')}</option>
            <option value="hourly">{t('terms.hourly')}</option>
          </select>
        </label>
        <label className="field">
          <span className="field-label">{draft.kind === 'fixed' ? t('terms.amount', { currency: proposal.currency }) : t('terms.rate', { currency: proposal.currency })}</span>
          <input inputMode="decimal" value={draft.amount} data-testid="terms-amount" onChange={(event) => update({ ...draft, amount: event.target.value })} />
        </label>
        <label className="field">
          <span className="field-label">{t('terms.period')}</span>
          <input inputMode="numeric" value={draft.periodDays} data-testid="terms-period" onChange={(event) => update({ ...draft, periodDays: event.target.value })} />
        </label>
      </div>
      {fee && (
        <p className="muted small" data-testid="terms-net">
          {t('terms.feeNet', { percent: proposal.fee.percent, fee: money(fee.feeMinor), net: money(fee.netMinor) })}
          {proposal.fee.source === 'default' && <span data-testid="fee-default"> ({t('terms.feeDefault')})</span>}
        </p>
      )}
      <h4>{t('milestones.title')}</h4>
      <ol className="milestones">
        {draft.milestones.map((milestone, index) => {
          const set = (patch: Partial<TermsDraft['milestones'][number]>): void =>
            update({ ...draft, milestones: draft.milestones.map((m, at) => (at === index ? { ...m, ...patch } : m)) });
          return (
            <li key={index} className="terms-row">
              <input aria-label={t('milestones.name')} value={milestone.title} onChange={(event) => set({ title: event.target.value })} />
              <input aria-label={t('milestones.amount')} inputMode="decimal" value={milestone.amount} onChange={(event) => set({ amount: event.target.value })} />
              <input aria-label={t('milestones.due')} inputMode="numeric" value={milestone.dueInDays} onChange={(event) => set({ dueInDays: event.target.value })} />
              <button type="button" className="link-button" onClick={() => update({ ...draft, milestones: draft.milestones.filter((_, at) => at !== index) })}>
                {t('milestones.remove')}
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => update({ ...draft, milestones: [...draft.milestones, { title: '', amount: '', dueInDays: '' }] })}>
        {t('milestones.add')}
      </button>
      {draft.milestones.length > 0 && (
        <p className={total === amountMinor || draft.kind === 'hourly' ? 'muted small' : 'error small'} data-testid="milestones-total">
          {t('milestones.total', { total: money(total), amount: amountMinor === null ? '—' : money(amountMinor) })}
        </p>
      )}
    </fieldset>
  );
};

const editableStatuses = new Set(['draft', 'queued', 'submitted', 'shortlisted']);

const ProposalEditor = ({ proposal, onChanged }: { proposal: ProposalDetail; onChanged: () => void }) => {
  const { t, i18n } = useTranslation('proposals');
  const client = useClient();
  const [locale, setLocale] = useState(proposal.defaultLocale);
  const [refused, setRefused] = useState(false);
  const [view, setView] = useState<'write' | 'preview'>('write');
  const editable = editableStatuses.has(proposal.status);
  const library = useTemplateLibrary();
  const answers = useAnswersAutosave(proposal.id, proposal.answers, onChanged);
  const linkable = useLinkableItems(proposal.id, proposal.portfolioItemIds, onChanged);
  const current = proposal.variants.some((variant) => variant.locale === locale) ? locale : proposal.defaultLocale;
  const preview = useProposalPreview(proposal.id, current, view === 'preview');
  const missing = locales.filter((candidate) => !proposal.variants.some((variant) => variant.locale === candidate));
  // A new language starts as a translation of the project-language letter, or from a template of that language.
  const addVariant = (choice: string): void => {
    const template = choice.startsWith('tpl:') ? library.items?.find((item) => item.id === choice.slice(4)) : undefined;
    const next = template?.locale ?? choice;
    const added = template
      ? client.proposals.startFromTemplate({ id: proposal.id, locale: template.locale, templateId: template.id })
      : client.proposals.addVariant({ id: proposal.id, locale: next, sourceLocale: proposal.defaultLocale });
    void added.then(() => {
      onChanged();
      setLocale(next);
    });
  };
  const missingTemplates = (library.items ?? []).filter((item) => item.kind === 'template' && missing.some((candidate) => candidate === item.locale));
  const submit = (): void => {
    // Answers typed a moment ago go first: the core takes calls in order.
    answers.flush();
    void client.proposals.submitProposal({ id: proposal.id }).then((result) => {
      setRefused(!result.queued);
      onChanged();
    });
  };
  const withdraw = (): void => {
    if (window.confirm(t('withdraw.confirm'))) void client.proposals.withdrawProposal({ id: proposal.id }).then(onChanged);
  };
  return (
    <article className="detail-pane wide proposal-editor" aria-labelledby="proposal-title" data-testid="proposal-editor">
      <header className="detail-header">
        <div>
          <h2 id="proposal-title">{proposal.projectTitle ?? proposal.projectId}</h2>
          <p className="muted">
            {proposal.clientName ?? t('unknownClient')} ·{' '}
            <span className={`status-badge status-${proposal.status}`} data-testid="proposal-status">
              {t(`status.${proposal.status}`, { defaultValue: proposal.status })}
            </span>
            {proposal.pending && ` · ${t('pending')}`}
          </p>
        </div>
      </header>
      <div className="variant-tabs" role="tablist" aria-label={t('variant.tabs')}>
        {proposal.variants.map((variant) => (
          <button
            key={variant.locale}
            type="button"
            role="tab"
            aria-selected={variant.locale === current}
            className={variant.locale === current ? 'small' : 'secondary small'}
            onClick={() => setLocale(variant.locale)}
          >
            {formatLanguageName(variant.locale, i18n.language)}
            {variant.locale === proposal.defaultLocale && ` (${t('variant.projectLanguage')})`}
            {variant.outdated && ' ⚠'}
          </button>
        ))}
        {editable && missing.length > 0 && (
          <select aria-label={t('variant.add')} value="" data-testid="add-variant" onChange={(event) => event.target.value && addVariant(event.target.value)}>
            <option value="">{t('variant.add')}</option>
            {missing.map((candidate) => (
              <option key={candidate} value={candidate}>
                {t('templates.translateOption', {
                  language: formatLanguageName(candidate, i18n.language),
                  source: formatLanguageName(proposal.defaultLocale, i18n.language),
                })}
              </option>
            ))}
            {missingTemplates.length > 0 && (
              <optgroup label={t('templates.addFromTemplate')}>
                {missingTemplates.map((item) => (
                  <option key={item.id} value={`tpl:${item.id}`}>
                    {t('templates.addOption', { language: formatLanguageName(item.locale, i18n.language), name: item.name })}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        )}
        <span className="view-switch" role="group" aria-label={t('view.label')}>
          <button type="button" className={view === 'write' ? 'small' : 'secondary small'} aria-pressed={view === 'write'} data-testid="view-write" onClick={() => setView('write')}>
            {t('view.write')}
          </button>
          <button
            type="button"
            className={view === 'preview' ? 'small' : 'secondary small'}
            aria-pressed={view === 'preview'}
            data-testid="view-preview"
            onClick={() => {
              answers.flush();
              setView('preview');
            }}
          >
            {t('view.preview')}
          </button>
        </span>
      </div>
      {view === 'preview' ? (
        preview ? (
          <ProposalPreviewPane preview={preview} now={new Date()} />
        ) : (
          <p className="muted" aria-busy="true">
            {t('view.preview')}…
          </p>
        )
      ) : (
        <>
          <VariantEditor key={current} proposal={proposal} locale={current} editable={editable} library={library} onSaved={onChanged} />
          {proposal.questions.length > 0 && (
            <QuestionAnswers
              questions={proposal.questions}
              answers={answers.answers}
              locale={proposal.defaultLocale}
              editable={editable}
              onChange={answers.change}
              onBlur={answers.flush}
            />
          )}
          <TermsForm key={proposal.id} proposal={proposal} editable={editable} onSaved={onChanged} />
          <LinkedPortfolioItems
            items={linkable.items}
            linkedIds={linkable.linked}
            editable={editable}
            onToggle={linkable.toggle}
          />
        </>
      )}
      {proposal.problems.length > 0 && (
        <section className={refused ? 'problems error' : 'problems'} data-testid="proposal-problems" aria-live="polite">
          <h3>{t('problems.title')}</h3>
          <ul>
            {proposal.problems.map((problem, index) => (
              <li key={index}>
                {t(`problems.${problem.code}`, {
                  language: problem.locale ? formatLanguageName(problem.locale, i18n.language) : '',
                  source: problem.sourceLocale ? formatLanguageName(problem.sourceLocale, i18n.language) : '',
                  index: (problem.index ?? 0) + 1,
                  field: problem.field ?? '',
                  question: problem.question ?? '',
                  total: problem.totalMinor !== undefined ? formatMoney(problem.totalMinor, proposal.currency, i18n.language) : '',
                  amount: problem.amountMinor !== undefined ? formatMoney(problem.amountMinor, proposal.currency, i18n.language) : '',
                  length: problem.length !== undefined ? new Intl.NumberFormat(i18n.language).format(problem.length) : '',
                  limit: problem.limit !== undefined ? new Intl.NumberFormat(i18n.language).format(problem.limit) : '',
                })}
              </li>
            ))}
          </ul>
        </section>
      )}
      <footer className="proposal-actions">
        {editable && (
          <button type="button" className="primary" data-testid="submit-proposal" onClick={submit}>
            {proposal.version === null ? t('submit.first') : t('submit.update')}
          </button>
        )}
        {proposal.version !== null && (proposal.status === 'submitted' || proposal.status === 'shortlisted') && (
          <button type="button" className="secondary" data-testid="withdraw-proposal" onClick={withdraw}>
            {t('withdraw.action')}
          </button>
        )}
      </footer>
    </article>
  );
};

/** `#/proposals`, `#/proposals/<id>`, and `#/proposals/new/<projectId>/<lang>` from the feed's "Write a proposal". */
export const ProposalsRoute = () => {
  const { t } = useTranslation('proposals');
  const client = useClient();
  const [params, go] = useRouteParams();
  const creating = params[0] === 'new' ? { projectId: params[1] ?? '', locale: params[2] ?? 'en' } : null;
  const inLibrary = params[0] === 'library';
  const openId = creating || inLibrary ? null : (params[0] ?? null);
  const [searchText, setSearchText] = useState('');
  const [status, setStatus] = useState<ListStatus | null>(null);
  const items = useProposalList(searchText, status);
  const { proposal, reload } = useProposal(openId);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!creating) return;
    let live = true;
    client.proposals.createDraft(creating).then(
      ({ id }) => live && go('proposals', id),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
    // The draft is made once per address; `creating` is derived from it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, go, creating?.projectId, creating?.locale]);

  return (
    <section className="screen proposals" aria-labelledby="proposals-title">
      <header className="screen-header">
        <div>
          <h1 id="proposals-title">{t('title')}</h1>
        </div>
        {!inLibrary && (
          <button type="button" className="secondary small" data-testid="open-library" onClick={() => go('proposals', 'library')}>
            {t('library.open')}
          </button>
        )}
      </header>
      {inLibrary ? (
        <TemplateLibrary onBack={() => go('proposals')} />
      ) : (
      <div className="two-pane">
        <aside className="list-pane">
          <input
            type="search"
            className="search-input wide"
            aria-label={t('search')}
            placeholder={t('search')}
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
          />
          <select aria-label={t('filterStatus')} value={status ?? ''} onChange={(event) => setStatus(proposalListStatuses.find((s) => s === event.target.value) ?? null)}>
            <option value="">{t('allStatuses')}</option>
            {proposalListStatuses.map((value) => (
              <option key={value} value={value}>
                {t(`status.${value}`)}
              </option>
            ))}
          </select>
          {items && <ProposalList items={items} openId={openId} onOpen={(id) => go('proposals', id)} />}
        </aside>
        {failed ? (
          <p className="form-error" role="alert">
            {t('createFailed')}
          </p>
        ) : proposal ? (
          <ProposalEditor key={proposal.id} proposal={proposal} onChanged={reload} />
        ) : (
          <div className="conversation empty-state">
            <p className="muted">{openId && proposal === null ? t('missing') : t('pick')}</p>
          </div>
        )}
      </div>
      )}
    </section>
  );
};
