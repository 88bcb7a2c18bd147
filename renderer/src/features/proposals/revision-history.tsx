import { useTranslation } from 'react-i18next';
import type { DiffPart } from '../../../../shared/contract/proposals';
import { formatDateTime } from '../../../../shared/i18n/format';
import type { RevisionDiff } from './use-proposal-parts';
import { Select } from '../../ui/select';

/** Unchanged words shown on each side of a change; longer unchanged stretches are folded. */
const contextWords = 12;

type Piece = { kind: 'text'; op: DiffPart['op']; text: string } | { kind: 'skipped'; count: number };

/** Folds the middle of long unchanged runs so that the changes, not the whole letter, fill the view. */
const foldUnchanged = (parts: readonly DiffPart[]): Piece[] =>
  parts.flatMap((part, index): Piece[] => {
    if (part.op !== 'equal') return [{ kind: 'text', op: part.op, text: part.text }];
    const tokens = part.text.split(/(\s+)/);
    const words = tokens.map((token, at) => ({ token, at })).filter(({ token }) => token.trim() !== '');
    const head = index === 0 ? 0 : contextWords;
    const tail = index === parts.length - 1 ? 0 : contextWords;
    if (words.length <= head + tail + 5) return [{ kind: 'text', op: 'equal', text: part.text }];
    const headEnd = head === 0 ? 0 : words[head - 1]!.at + 1;
    const tailStart = tail === 0 ? tokens.length : words[words.length - tail]!.at;
    return [
      ...(headEnd > 0 ? [{ kind: 'text' as const, op: 'equal' as const, text: tokens.slice(0, headEnd).join('') }] : []),
      { kind: 'skipped', count: words.length - head - tail },
      ...(tailStart < tokens.length ? [{ kind: 'text' as const, op: 'equal' as const, text: tokens.slice(tailStart).join('') }] : []),
    ];
  });

export const DiffView = ({ diff, locale }: { diff: RevisionDiff; locale: string }) => {
  const { t } = useTranslation('proposals');
  const changed = diff.parts.some((part) => part.op !== 'equal');
  return (
    <div className="revision-diff" data-testid="revision-diff">
      <p className="muted small" aria-live="polite">
        {changed
          ? `${t('diff.summaryInserted', { count: diff.insertedWords })} · ${t('diff.summaryDeleted', { count: diff.deletedWords })}`
          : t('diff.none')}
      </p>
      {changed && (
        <>
          <p className="muted small">{t('diff.legend')}</p>
          <div className="diff-text" lang={locale}>
            {foldUnchanged(diff.parts).map((piece, index) =>
              piece.kind === 'skipped' ? (
                <span key={index} className="diff-skipped">
                  {` ${t('diff.skipped', { count: piece.count })} `}
                </span>
              ) : piece.op === 'insert' ? (
                <ins key={index} className="diff-insert" title={t('diff.inserted')} data-testid="diff-insert">
                  {piece.text}
                </ins>
              ) : piece.op === 'delete' ? (
                <del key={index} className="diff-delete" title={t('diff.deleted')} data-testid="diff-delete">
                  {piece.text}
                </del>
              ) : (
                <span key={index}>{piece.text}</span>
              ),
            )}
          </div>
        </>
      )}
    </div>
  );
};

type Revision = { revision: number; savedAt: string; bodyText: string };

type Props = {
  revisions: readonly Revision[];
  currentRevision: number;
  locale: string;
  editable: boolean;
  selected: number | null;
  against: 'current' | 'previous';
  diff: RevisionDiff | null;
  onSelect: (revision: number | null) => void;
  onAgainst: (against: 'current' | 'previous') => void;
  onRestore: (revision: number) => void;
  onClose: () => void;
};

/** The variant's revisions, newest first; picking one shows what changed, word by word, and offers to restore it. */
export const RevisionHistory = ({ revisions, currentRevision, locale, editable, selected, against, diff, onSelect, onAgainst, onRestore, onClose }: Props) => {
  const { t, i18n } = useTranslation('proposals');
  return (
    <section className="detail-section" aria-label={t('history.title')}>
      <div className="section-header">
        <h3>{t('history.title')}</h3>
        <button type="button" className="link-button" onClick={onClose}>
          {t('diff.close')}
        </button>
      </div>
      <ol className="history" data-testid="revisions">
        {revisions.map((row) => (
          <li key={row.revision} className={row.revision === selected ? 'selected' : undefined} data-revision={row.revision}>
            <button
              type="button"
              className="history-pick"
              aria-expanded={row.revision === selected}
              data-testid="revision"
              onClick={() => onSelect(row.revision === selected ? null : row.revision)}
            >
              <span>{t('history.revision', { revision: row.revision, when: formatDateTime(row.savedAt, i18n.language) })}</span>
              <span className="muted small revision-preview" lang={locale}>
                {row.bodyText.slice(0, 160)}
              </span>
            </button>
            {editable && row.revision !== currentRevision && (
              <button type="button" className="link-button" data-testid="restore-revision" onClick={() => onRestore(row.revision)}>
                {t('history.restore')}
              </button>
            )}
            {row.revision === selected && (
              <div className="history-diff">
                <div className="diff-header">
                  <Select
                    inline
                    label={t('diff.against', { revision: row.revision })}
                    testId="diff-against"
                    value={against}
                    options={[
                      { id: 'current', label: t('diff.current') },
                      { id: 'previous', label: t('diff.previous') },
                    ]}
                    onChange={onAgainst}
                    className="small"
                  />
                </div>
                {diff && <DiffView diff={diff} locale={locale} />}
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
};
