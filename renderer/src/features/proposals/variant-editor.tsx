import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateItem } from '../../../../shared/contract/proposals';
import { formatLanguageName } from '../../../../shared/i18n/format';
import { downloadFile, fromBase64 } from '../../components/download-file';
import { AutosaveIndicator } from './autosave-indicator';
import { CoverLetterEditor } from './cover-letter-editor';
import { RevisionHistory } from './revision-history';
import { useLetterSession } from './use-letter-session';
import { useRevisionDiff, type useTemplateLibrary } from './use-proposal-parts';
import { useProposalCalls } from './use-proposals';
import { PromptDialog } from '../../ui/dialog';
import { Toolbar } from 'react-aria-components';
import { BookmarkPlus, FileDown, FileText, History, ListPlus, Trash2 } from 'lucide-react';
import { Button, IconButton } from '../../ui/button';
import { Menu } from '../../ui/menu';

type Props = {
  proposalId: string;
  locale: string;
  editable: boolean;
  library: ReturnType<typeof useTemplateLibrary>;
  /** The caret goes to the end of the letter once it shows (a language the user has just added). */
  autofocus: boolean;
  onSaved: () => void;
  /** Removes this language (Undo is offered by the caller); absent for the project's language. */
  onRemove?: () => void;
};

const emptyDocument = '{"type":"doc","content":[]}';

/** One language's letter: the editor, its autosave, history, snippets and templates, PDF export. */
export const VariantEditor = ({ proposalId, locale, editable, library, autofocus, onSaved, onRemove }: Props) => {
  const { t, i18n } = useTranslation('proposals');
  const calls = useProposalCalls();
  const letter = useLetterSession(proposalId, locale, onSaved);
  const [history, setHistory] = useState<{ revision: number; savedAt: string; bodyText: string }[] | null>(null);
  const [picked, setPicked] = useState<number | null>(null);
  const [against, setAgainst] = useState<'current' | 'previous'>('current');
  const [failed, setFailed] = useState(false);
  // The snippet's name is asked in the app (window.prompt showed the system's OK and Cancel, in English).
  const [naming, setNaming] = useState(false);
  const diff = useRevisionDiff(proposalId, locale, history ? picked : null, against);
  // The library's templates and snippets of this letter's language, in the library's order.
  const snippets: TemplateItem[] = (library.items ?? []).filter((item) => item.locale === locale);
  const templates = snippets.filter((item) => item.kind === 'template');
  const variant = letter.stored;
  if (!variant) return null;
  // Whatever a button asks of the core, its failure is said here (in the user's language), never dropped.
  const attempt = (action: Promise<unknown>): void => {
    setFailed(false);
    action.catch(() => setFailed(true));
  };
  const saveAsSnippet = (name: string): void => {
    setNaming(false);
    letter.flush();
    attempt(library.save({ kind: 'snippet', locale, name, bodyJson: letter.shownBody() || emptyDocument }));
  };
  const showHistory = (): void => {
    letter.flush(true);
    letter.oweRevision();
    attempt(calls.listRevisions({ id: proposalId, locale }).then(setHistory));
  };
  const exportPdf = (): void => {
    letter.flush();
    attempt(
      calls
        .exportPdf({ id: proposalId, locale })
        .then(({ fileName, base64 }) => downloadFile(fileName, [fromBase64(base64)], 'application/pdf')),
    );
  };
  const restore = (revision: number): void => {
    setHistory(null);
    setPicked(null);
    void letter.restore(revision);
  };
  // The letter's one header (#15): formatting, the save status in a slot of its own (its text never moves a button),
  // and the actions as icon buttons anchored at the end. What depends on the letter (a template for an empty one)
  // comes first in the group, so nothing after it moves either.
  const header = (
    <>
      <span className="letter-status">
        <AutosaveIndicator state={letter.state} />
      </span>
      <Toolbar className="letter-actions" aria-label={t('actions.label')} data-testid="letter-actions">
        {editable && variant.bodyText.trim() === '' && templates.length > 0 && (
          <Menu
            label={t('templates.start')}
            trigger={<IconButton label={t('templates.start')} icon={<FileText size={16} aria-hidden="true" />} data-testid="start-from-template" />}
            actions={templates.map((item) => ({ id: item.id, label: item.name }))}
            onAction={(templateId) => void letter.startFromTemplate(templateId)}
          />
        )}
        {editable && snippets.length > 0 && (
          <Menu
            label={t('snippets.insert')}
            trigger={<IconButton label={t('snippets.insert')} icon={<ListPlus size={16} aria-hidden="true" />} data-testid="insert-snippet" />}
            actions={snippets.map((item) => ({ id: item.id, label: item.name }))}
            onAction={(snippetId) => {
              const snippet = snippets.find((item) => item.id === snippetId);
              if (snippet) letter.insert(snippet.bodyJson);
            }}
          />
        )}
        {editable && (
          <IconButton label={t('snippets.saveAs')} icon={<BookmarkPlus size={16} aria-hidden="true" />} onPress={() => setNaming(true)} data-testid="save-snippet" />
        )}
        <IconButton label={t('history.show')} icon={<History size={16} aria-hidden="true" />} onPress={showHistory} data-testid="show-history" />
        <IconButton label={t('pdf.export')} icon={<FileDown size={16} aria-hidden="true" />} onPress={exportPdf} data-testid="export-pdf" />
        {editable && onRemove && (
          <IconButton
            label={t('variant.remove', { language: formatLanguageName(locale, i18n.language) })}
            icon={<Trash2 size={16} aria-hidden="true" />}
            onPress={() => {
              // What was typed a moment ago goes first: it is part of what Undo brings back.
              letter.flush();
              onRemove();
            }}
            data-testid="remove-variant"
          />
        )}
      </Toolbar>
    </>
  );
  return (
    <div className="variant-editor">
      {variant.outdated && variant.sourceLocale && (
        <p className="outdated" data-testid="variant-outdated">
          {t('variant.outdated', { source: formatLanguageName(variant.sourceLocale, i18n.language) })}{' '}
          <Button variant="quiet" size="small" onPress={() => attempt(calls.markVariantCurrent({ id: proposalId, locale }).then(onSaved))}>
            {t('variant.markCurrent')}
          </Button>
        </p>
      )}
      {letter.state === 'failed' && (
        <p className="form-error" role="alert" data-testid="autosave-failed">
          {t('autosave.failed')}
        </p>
      )}
      {(failed || letter.actionFailed) && (
        <p className="form-error" role="alert" data-testid="letter-action-failed">
          {t('actionFailed')}
        </p>
      )}
      <CoverLetterEditor
        header={header}
        handle={letter.editor}
        locale={locale}
        bodyJson={variant.bodyJson}
        editable={editable}
        autofocus={autofocus}
        onChange={letter.change}
        onBlur={() => letter.flush()}
      />
      {history && (
        <RevisionHistory
          revisions={history}
          currentRevision={history[0]?.revision ?? variant.revision}
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
      <PromptDialog
        isOpen={naming}
        title={t('snippets.saveAs')}
        label={t('snippets.namePrompt')}
        confirmLabel={t('library.save')}
        onSubmit={saveAsSnippet}
        onCancel={() => setNaming(false)}
      />
    </div>
  );
};
