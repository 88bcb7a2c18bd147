import { randomUUID } from 'node:crypto';
import type { Contract } from '../../../shared/contract';
import { resolveMergeFields, type MergeValues } from '../../../shared/domain/merge-fields';
import { checkProposal, shouldStartRevision, type ProposalProblem } from '../../../shared/domain/proposal';
import { formatMoney } from '../../../shared/i18n/format';
import { RpcError } from '../../../shared/rpc/errors';
import { enqueueWrite, hasUnsentWrites } from '../db/repositories/outbox-repository';
import {
  deleteTemplate,
  deleteVariant,
  findDraftForProject,
  insertDraft,
  insertVariant,
  listProposals,
  listRevisions,
  listTemplates,
  readLatestRevision,
  readMergeSources,
  readProjectTerms,
  readProposal,
  readRevision,
  readVariants,
  replaceUntriedProposalWrite,
  setVariantSource,
  variantExists,
  writeProposalStatus,
  writeTemplate,
  writeTerms,
  writeVariantBody,
  type ProposalRecord,
  clearLocalEdits,
} from '../db/repositories/proposals-repository';
import { renderProposalPdf } from '../proposals/proposal-pdf';
import type { DomainHandlers } from '../rpc/rpc-server';
import { newPlatformId } from '../sync/push';
import type { CoreContext } from './context';

const notFound = (): RpcError => new RpcError({ code: 'not_found', message: 'No such proposal.' });

type MergeSources = ReturnType<typeof readMergeSources>;

/** Merge values for one variant: the rate is written the way the variant's language writes money. */
const toMergeValues = (sources: MergeSources, locale: string): MergeValues => ({
  'client.name': sources.clientName,
  'project.title': sources.projectTitle,
  'my.name': sources.myName,
  'my.rate':
    sources.myRateMinor !== null && sources.myCurrency !== null ? formatMoney(sources.myRateMinor, sources.myCurrency, locale) : null,
});

const findProblems = (proposal: ProposalRecord, sources: MergeSources): ProposalProblem[] => [
  ...checkProposal({
    kind: proposal.kind,
    amountMinor: proposal.amountMinor,
    periodDays: proposal.periodDays,
    defaultLocale: proposal.defaultLocale,
    milestones: proposal.milestones,
    variants: proposal.variants,
  }),
  // Never sent raw: a field that cannot be filled blocks submit until it is fixed.
  ...proposal.variants.flatMap((variant) =>
    resolveMergeFields(variant.bodyText, toMergeValues(sources, variant.locale)).unresolved.map((field) => ({
      code: 'unknown_merge_field',
      locale: variant.locale,
      field,
    })) satisfies ProposalProblem[],
  ),
];

/** What the platform receives: the cover letter as plain text (never markup it would have to trust). */
const toPlatformFields = (proposal: ProposalRecord, sources: MergeSources) => ({
  kind: proposal.kind,
  amount_minor: proposal.amountMinor ?? 0,
  currency: proposal.currency,
  period_days: proposal.periodDays ?? 1,
  milestones: proposal.milestones.map((m) => ({ title: m.title.trim(), amount_minor: m.amountMinor, due_in_days: m.dueInDays })),
  default_locale: proposal.defaultLocale,
  variants: Object.fromEntries(
    proposal.variants.map((variant) => [
      variant.locale,
      { cover_letter: resolveMergeFields(variant.bodyText, toMergeValues(sources, variant.locale)).text.trim(), source_locale: variant.sourceLocale },
    ]),
  ),
});

/** Locally editable until it is sent; after submit the platform's open statuses still take changes. */
const editableStatuses = new Set(['draft', 'queued', 'submitted', 'shortlisted']);

export const createProposalsHandlers = ({ db, sync, emit }: CoreContext) => {
  const load = (id: string): ProposalRecord => {
    const proposal = readProposal(db, id);
    if (!proposal) throw notFound();
    return proposal;
  };
  const loadEditable = (id: string): ProposalRecord => {
    const proposal = load(id);
    if (!editableStatuses.has(proposal.status)) {
      throw new RpcError({ code: 'conflict', message: `The proposal is ${proposal.status} and can no longer be changed.` });
    }
    return proposal;
  };
  const variantOf = (id: string, locale: string) => {
    const variant = readVariants(db, id).find((candidate) => candidate.locale === locale);
    if (!variant) throw new RpcError({ code: 'not_found', message: 'No such language variant.' });
    return variant;
  };
  const saveBody = (body: { id: string; locale: string; bodyJson: string; bodyText: string; checkpoint: boolean }) => {
    loadEditable(body.id);
    const now = new Date();
    const revision = db
      .transaction(() => {
        if (!variantExists(db, body.id, body.locale)) {
          insertVariant(db, { ...body, sourceLocale: null, sourceRevision: null, now });
          return 1;
        }
        const latest = readLatestRevision(db, body.id, body.locale);
        return writeVariantBody(db, { ...body, newRevision: shouldStartRevision(latest?.createdAt ?? null, now, body.checkpoint), now });
      })
      .immediate();
    emit('proposalsChanged', { id: body.id });
    return { revision, savedAt: now.toISOString() };
  };

  return {
    listProposals: (query) => listProposals(db, query),
    getProposal: ({ id }) => {
      const proposal = readProposal(db, id);
      return proposal ? { ...proposal, problems: findProblems(proposal, readMergeSources(db, id)) } : null;
    },
    createDraft: ({ projectId, locale }) => {
      const existing = findDraftForProject(db, projectId);
      if (existing) return { id: existing, created: false };
      const project = readProjectTerms(db, projectId);
      if (!project) throw new RpcError({ code: 'not_found', message: 'No such project.' });
      const id = newPlatformId('proposal');
      db.transaction(() => insertDraft(db, { id, projectId, kind: project.kind, currency: project.currency, locale, now: new Date() })).immediate();
      emit('proposalsChanged', { id });
      return { id, created: true };
    },
    saveVariant: ({ id, locale, bodyJson, bodyText, checkpoint }) => saveBody({ id, locale, bodyJson, bodyText, checkpoint }),
    addVariant: ({ id, locale, sourceLocale }) => {
      loadEditable(id);
      if (variantExists(db, id, locale)) return variantOf(id, locale);
      const source = variantOf(id, sourceLocale);
      db.transaction(() =>
        insertVariant(db, {
          id,
          locale,
          bodyJson: source.bodyJson,
          bodyText: source.bodyText,
          sourceLocale,
          sourceRevision: source.revision,
          now: new Date(),
        }),
      ).immediate();
      emit('proposalsChanged', { id });
      return variantOf(id, locale);
    },
    removeVariant: ({ id, locale }) => {
      const proposal = loadEditable(id);
      if (proposal.defaultLocale === locale) throw new RpcError({ code: 'conflict', message: 'The project language variant stays.' });
      const removed = db.transaction(() => deleteVariant(db, id, locale)).immediate();
      emit('proposalsChanged', { id });
      return { removed };
    },
    markVariantCurrent: ({ id, locale }) => {
      const variant = variantOf(id, locale);
      if (variant.sourceLocale !== null) {
        const source = variantOf(id, variant.sourceLocale);
        setVariantSource(db, id, locale, source.revision);
        emit('proposalsChanged', { id });
      }
      return variantOf(id, locale);
    },
    listRevisions: ({ id, locale }) => {
      load(id);
      return listRevisions(db, id, locale);
    },
    restoreRevision: ({ id, locale, revision }) => {
      const old = readRevision(db, id, locale, revision);
      if (!old) throw new RpcError({ code: 'not_found', message: 'No such revision.' });
      return saveBody({ id, locale, bodyJson: old.bodyJson, bodyText: old.bodyText, checkpoint: true });
    },
    saveTerms: ({ id, kind, amountMinor, periodDays, milestones }) => {
      loadEditable(id);
      db.transaction(() => writeTerms(db, { id, kind, amountMinor, periodDays, milestones, now: new Date() })).immediate();
      emit('proposalsChanged', { id });
      const proposal = load(id);
      return { milestonesTotalMinor: proposal.milestonesTotalMinor, problems: findProblems(proposal, readMergeSources(db, id)) };
    },
    submitProposal: ({ id }) => {
      const proposal = loadEditable(id);
      const sources = readMergeSources(db, id);
      const problems = findProblems(proposal, sources);
      if (problems.length > 0) return { queued: false, status: proposal.status, problems };
      const now = new Date();
      const fields = toPlatformFields(proposal, sources);
      let status = proposal.status;
      db.transaction(() => {
        if (proposal.version === null) {
          // Never sent: one create with the id made here, so a retry after any failure cannot bid twice.
          const payload = { id, body: { id, project_id: proposal.projectId, ...fields } };
          if (!replaceUntriedProposalWrite(db, { id, op: 'create_proposal', payload })) {
            // Already tried: it cannot change now; edits since stay flagged and go as an update once it lands.
            if (hasUnsentWrites(db, 'proposal', id)) return;
            enqueueWrite(db, { entityType: 'proposal', entityId: id, op: 'create_proposal', payload, now });
          }
          status = 'queued';
          writeProposalStatus(db, id, status, now);
          clearLocalEdits(db, id);
        } else {
          const payload = { id, changes: fields };
          if (!replaceUntriedProposalWrite(db, { id, op: 'update_proposal', payload })) {
            enqueueWrite(db, { entityType: 'proposal', entityId: id, op: 'update_proposal', payload, baseVersion: proposal.version, now });
          }
          clearLocalEdits(db, id);
        }
      }).immediate();
      sync.notifyLocalWrite();
      emit('proposalsChanged', { id });
      return { queued: true, status, problems: [] };
    },
    exportPdf: async ({ id, locale }) => {
      const proposal = load(id);
      const variant = variantOf(id, locale);
      const sources = readMergeSources(db, id);
      const pdf = await renderProposalPdf({
        locale,
        projectTitle: proposal.projectTitle ?? proposal.projectId,
        clientName: proposal.clientName,
        letter: resolveMergeFields(variant.bodyText, toMergeValues(sources, locale)).text,
        kind: proposal.kind,
        amountMinor: proposal.amountMinor,
        currency: proposal.currency,
        periodDays: proposal.periodDays,
        milestones: proposal.milestones,
      });
      return { base64: pdf.toString('base64'), fileName: `proposal-${id}-${locale}.pdf` };
    },
    listTemplates: ({ locale }) => listTemplates(db, locale),
    saveTemplate: ({ id, kind, locale, name, bodyJson }) => {
      // Local ids: the library never goes to the platform.
      const templateId = id ?? `tpl_${randomUUID().replaceAll('-', '')}`;
      writeTemplate(db, { id: templateId, kind, locale, name, bodyJson }, new Date());
      const saved = listTemplates(db, locale).find((template) => template.id === templateId);
      if (!saved) throw new RpcError({ code: 'internal', message: 'The template was not saved.' });
      return saved;
    },
    deleteTemplate: ({ id }) => ({ deleted: deleteTemplate(db, id) }),
    withdrawProposal: ({ id, reason }) => {
      const proposal = load(id);
      if (proposal.version === null || !['submitted', 'shortlisted'].includes(proposal.status)) {
        throw new RpcError({ code: 'conflict', message: 'Only a submitted proposal can be withdrawn.' });
      }
      const now = new Date();
      db.transaction(() => {
        enqueueWrite(db, {
          entityType: 'proposal',
          entityId: id,
          op: 'withdraw_proposal',
          payload: { id, reason: reason ?? null },
          baseVersion: proposal.version,
          now,
        });
        writeProposalStatus(db, id, 'withdrawn', now, reason ?? null);
        clearLocalEdits(db, id);
      }).immediate();
      sync.notifyLocalWrite();
      emit('proposalsChanged', { id });
      return { status: 'withdrawn' };
    },
  } satisfies DomainHandlers<Contract, 'proposals'>;
};
