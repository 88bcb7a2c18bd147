import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProposalDetail } from '../../../../shared/contract/proposals';
import { fromMinorUnits, toMinorUnits } from '../../../../shared/domain/money';
import { splitFee, sumMilestones, type MilestoneDraft } from '../../../../shared/domain/proposal';
import { formatMoney } from '../../../../shared/i18n/format';
import { useSaveTerms } from './use-proposal-parts';
import { typingSaveTiming } from '../../components/save-scheduler';
import { useDebouncedSave } from '../../components/use-debounced-save';
import { Select } from '../../ui/select';
import { Button } from '../../ui/button';
import { Plus } from 'lucide-react';

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

/** Price, delivery and milestones, saved as typed; the net after the platform's fee beside them. */
export const TermsForm = ({ proposal, editable, onSaved }: { proposal: ProposalDetail; editable: boolean; onSaved: () => void }) => {
  const { t, i18n } = useTranslation('proposals');
  const [draft, setDraft] = useState(() => toTermsDraft(proposal));
  const milestones: MilestoneDraft[] = draft.milestones.map((m) => ({
    title: m.title,
    amountMinor: parseMinor(m.amount, proposal.currency) ?? 0,
    dueInDays: parseDays(m.dueInDays),
  }));
  const amountMinor = parseMinor(draft.amount, proposal.currency);
  const saveTerms = useSaveTerms(onSaved);
  const save = useCallback(
    (next: TermsDraft) =>
      saveTerms({
          id: proposal.id,
          kind: next.kind,
          amountMinor: parseMinor(next.amount, proposal.currency),
          periodDays: parseDays(next.periodDays),
          milestones: next.milestones.map((m) => ({
            title: m.title,
            amountMinor: parseMinor(m.amount, proposal.currency) ?? 0,
            dueInDays: parseDays(m.dueInDays),
          })),
      }),
    [saveTerms, proposal.id, proposal.currency],
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
        <Select
          label={t('terms.kind')}
          testId="terms-kind"
          value={draft.kind}
          options={[
            { id: 'fixed', label: t('terms.fixed') },
            { id: 'hourly', label: t('terms.hourly') },
          ]}
          onChange={(kind) => update({ ...draft, kind })}
          isDisabled={!editable}
          className="field"
        />
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
      {/* A minor step, quiet and as wide as its words: it must not outshout Submit (#15). */}
      {editable && (
        <Button
          variant="quiet"
          size="small"
          className="add-milestone"
          icon={<Plus size={16} aria-hidden="true" />}
          onPress={() => update({ ...draft, milestones: [...draft.milestones, { title: '', amount: '', dueInDays: '' }] })}
          data-testid="add-milestone"
        >
          {t('milestones.add')}
        </Button>
      )}
      {draft.milestones.length > 0 && (
        <p className={total === amountMinor || draft.kind === 'hourly' ? 'muted small' : 'error small'} data-testid="milestones-total">
          {t('milestones.total', { total: money(total), amount: amountMinor === null ? '—' : money(amountMinor) })}
        </p>
      )}
    </fieldset>
  );
};
