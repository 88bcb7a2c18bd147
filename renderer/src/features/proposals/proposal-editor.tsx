import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProposalDetail } from '../../../../shared/contract/proposals';
import { isEditableStatus } from '../../../../shared/domain/proposal';
import { formatLanguageName } from '../../../../shared/i18n/format';
import { locales } from '../../../../shared/i18n/locales';
import { LinkedPortfolioItems, QuestionAnswers } from './proposal-parts';
import { ProposalPreviewPane } from './proposal-preview';
import { ProposalProblems } from './proposal-problems';
import { TermsForm } from './terms-form';
import { useAnswersAutosave, useLinkableItems, useProposalPreview, useTemplateLibrary } from './use-proposal-parts';
import { VariantEditor } from './variant-editor';
import { useProposalCalls } from './use-proposals';
import { Plus, TriangleAlert } from 'lucide-react';
import { letterText } from '../../../../shared/domain/letter-text';
import { Button } from '../../ui/button';
import { Menu } from '../../ui/menu';
import { nameLanguage } from '../../ui/display-names';
import { AddLanguageDialog, type LetterStart } from './add-language-dialog';
import { ReadOnlyNotice } from './read-only-notice';
import { Badge } from '../../ui/badge';
import { useConfirm } from '../../ui/dialog';
import { showToast } from '../../ui/toast';
import { SubmitDialog } from './submit-dialog';
import './proposals.css';
import type { BidConfirmation } from '../../../../shared/domain/bid-confirmation';
import { Tab, TabList, TabPanel, Tabs } from '../../ui/tabs';

const emptyDocument = '{"type":"doc","content":[]}';

/** An open proposal: its letters (one per language), answers, terms, linked items, problems, submit and withdraw. */
export const ProposalEditor = ({ proposal, onChanged }: { proposal: ProposalDetail; onChanged: () => Promise<void> }) => {
  const { t, i18n } = useTranslation('proposals');
  const { t: tUi } = useTranslation('ui');
  const calls = useProposalCalls();
  const confirm = useConfirm();
  const [locale, setLocale] = useState(proposal.defaultLocale);
  const [refused, setRefused] = useState(false);
  const [view, setView] = useState<'write' | 'preview'>('write');
  const editable = isEditableStatus(proposal.status);
  const [failed, setFailed] = useState(false);
  // The language the user has just added: its letter takes the caret once it shows.
  const [added, setAdded] = useState<string | null>(null);
  const library = useTemplateLibrary();
  const answers = useAnswersAutosave(proposal.id, proposal.answers, onChanged);
  const linkable = useLinkableItems(proposal.id, proposal.portfolioItemIds, onChanged);
  const current = proposal.variants.some((variant) => variant.locale === locale) ? locale : proposal.defaultLocale;
  const preview = useProposalPreview(proposal.id, current, view === 'preview');
  const missing = locales.filter((candidate) => !proposal.variants.some((variant) => variant.locale === candidate));
  // A new language asks how its letter starts (AddLanguageDialog): nothing is copied unless chosen.
  const [adding, setAdding] = useState<string | null>(null);
  const templates = (library.items ?? []).filter((item) => item.kind === 'template');
  const showAdded = (next: string, change: Promise<unknown>): Promise<void> =>
    // The tab opens once the proposal read again holds the new language; its editor reads the letter itself.
    change.then(onChanged).then(() => {
      setAdded(next);
      setLocale(next);
    });
  const startVariant = (next: string, start: LetterStart): void => {
    setAdding(null);
    setFailed(false);
    const change =
      start.kind === 'copy'
        ? calls.addVariant({ id: proposal.id, locale: next, sourceLocale: proposal.defaultLocale })
        : start.kind === 'template' && start.template.locale === next
          ? calls.startFromTemplate({ id: proposal.id, locale: next, templateId: start.template.id })
          : // Empty, or a template of another language to translate: the letter is written as it is (no source).
            calls.saveVariant({
              id: proposal.id,
              locale: next,
              bodyJson: start.kind === 'template' ? start.template.bodyJson : emptyDocument,
              bodyText: start.kind === 'template' ? letterText(start.template.bodyJson) : '',
            });
    showAdded(next, change).catch(() => setFailed(true));
  };
  // Removing a language acts at once and offers Undo; the core keeps it (and its history) restorable, so a window
  // closed during the toast loses nothing.
  const removeVariant = (removed: string): void => {
    setFailed(false);
    const language = formatLanguageName(removed, i18n.language);
    calls
      .removeVariant({ id: proposal.id, locale: removed })
      .then(() => {
        setLocale(proposal.defaultLocale);
        showToast({
          title: t('variant.removed', { language }),
          description: t('variant.removedBody'),
          action: {
            label: tUi('toast.undo'),
            onAction: () =>
              void showAdded(removed, calls.restoreVariant({ id: proposal.id, locale: removed })).catch(() =>
                showToast({ title: t('undoFailed'), tone: 'danger' }),
              ),
          },
        });
        return onChanged();
      })
      .catch(() => setFailed(true));
  };
  // Submit asks first, showing what goes out (read from the core's preview of the project language's letter).
  const [confirming, setConfirming] = useState(false);
  const outgoing = useProposalPreview(proposal.id, proposal.defaultLocale, confirming);
  const submit = (confirmation: BidConfirmation | null): void => {
    setConfirming(false);
    setFailed(false);
    const first = proposal.version === null;
    calls.submitProposal({ id: proposal.id, ...(confirmation ? { confirmation } : {}) }).then(
      (result) => {
        setRefused(!result.queued);
        if (result.queued) {
          showToast({
            title: first ? t('submitToast.queuedFirst') : t('submitToast.queuedUpdate'),
            description: t('submitToast.body', { title: proposal.projectTitle ?? proposal.projectId }),
            tone: 'success',
          });
        }
        void onChanged();
      },
      () => setFailed(true),
    );
  };
  const askToSubmit = (): void => {
    // Answers typed a moment ago go first: the core takes calls in order, and the preview reads them.
    answers.flush();
    // With problems there is nothing to confirm: the core says what is missing instead of sending.
    if (proposal.problems.length > 0) submit(null);
    else setConfirming(true);
  };
  const withdraw = async (): Promise<void> => {
    const confirmed = await confirm({ title: t('withdraw.title'), body: t('withdraw.body'), confirmLabel: t('withdraw.action'), tone: 'danger' });
    if (!confirmed) return;
    setFailed(false);
    calls.withdrawProposal({ id: proposal.id }).then(onChanged, () => setFailed(true));
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
      {!editable && <ReadOnlyNotice proposal={proposal} />}
      <Tabs className="proposal-variants" selectedKey={current} onSelectionChange={setLocale} keys={proposal.variants.map((variant) => variant.locale)}>
        <div className="variant-tabs">
          <TabList label={t('variant.tabs')}>
            {proposal.variants.map((variant) => (
              <Tab key={variant.locale} id={variant.locale} testId="variant-tab" data-locale={variant.locale}>
                {nameLanguage(variant.locale, i18n.language)}
                {variant.locale === proposal.defaultLocale && <Badge>{t('variant.projectLanguage')}</Badge>}
                {variant.outdated && (
                  <Badge tone="warning">
                    <TriangleAlert size={12} aria-hidden="true" />
                    {t('variant.outdatedShort')}
                  </Badge>
                )}
              </Tab>
            ))}
          </TabList>
          {editable && missing.length > 0 && (
            <Menu
              label={t('variant.add')}
              trigger={
                <Button variant="quiet" size="small" icon={<Plus size={16} aria-hidden="true" />} data-testid="add-variant">
                  {t('variant.add')}
                </Button>
              }
              actions={missing.map((candidate) => ({ id: candidate, label: nameLanguage(candidate, i18n.language) }))}
              onAction={setAdding}
            />
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
        <TabPanel key={current} id={current} className="proposal-variant-panel">
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
              <VariantEditor
                key={current}
                proposalId={proposal.id}
                locale={current}
                editable={editable}
                library={library}
                autofocus={added === current}
                onSaved={onChanged}
                {...(current === proposal.defaultLocale ? {} : { onRemove: () => removeVariant(current) })}
              />
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
        </TabPanel>
      </Tabs>
      <ProposalProblems proposal={proposal} refused={refused} />
      {failed && (
        <p className="form-error" role="alert" data-testid="proposal-action-failed">
          {t('actionFailed')}
        </p>
      )}
      <footer className="proposal-actions">
        {editable && (
          <button type="button" className="primary" data-testid="submit-proposal" onClick={askToSubmit}>
            {proposal.version === null ? t('submit.first') : t('submit.update')}
          </button>
        )}
        {proposal.version !== null && (proposal.status === 'submitted' || proposal.status === 'shortlisted') && (
          <button type="button" className="secondary" data-testid="withdraw-proposal" onClick={() => void withdraw()}>
            {t('withdraw.action')}
          </button>
        )}
      </footer>
      <AddLanguageDialog locale={adding} sourceLocale={proposal.defaultLocale} templates={templates} onStart={startVariant} onCancel={() => setAdding(null)} />
      <SubmitDialog isOpen={confirming} proposal={proposal} preview={outgoing} onConfirm={submit} onCancel={() => setConfirming(false)} />
    </article>
  );
};
