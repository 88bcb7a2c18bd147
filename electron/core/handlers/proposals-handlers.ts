import { randomUUID } from 'node:crypto';
import { proposalPdfFileName } from '../../../shared/domain/slug';
import { letterText } from '../../../shared/domain/letter-text';
import type { Contract } from '../../../shared/contract';
import { isEditableStatus, shouldStartRevision } from '../../../shared/domain/proposal';
import { RpcError } from '../../../shared/rpc/errors';
import { deleteFormDraft, formDraftKey } from '../db/repositories/form-drafts-repository';
import { hasUnsentWrites } from '../db/repositories/outbox-repository';
import {
  deleteTemplate,
  deleteVariant,
  findDraftForProject,
  insertDraft,
  insertVariant,
  listProposals,
  listRevisions,
  listTemplates,
  purgeDeleted,
  readLatestRevision,
  readMergeSources,
  readProjectTerms,
  readProposal,
  readProposalAccount,
  readRevision,
  readVariants,
  replaceUntriedProposalWrite,
  restorableForMs,
  restoreRemovedVariant,
  restoreTemplate,
  setVariantSource,
  variantExists,
  writeProposalStatus,
  writeTemplate,
  writeTerms,
  writeVariantBody,
  type ProposalRecord,
  clearLocalEdits,
} from '../db/repositories/proposals-repository';
import {
  filterExistingItems,
  readPlatformFee,
  readProposalParts,
  writeAnswers,
  writeLinkedItems,
} from '../db/repositories/proposal-parts-repository';
import { rankItemsForProject } from '../portfolio/portfolio-writes';
import { bidNeedsConfirmation, checkBidConfirmation } from '../proposals/bid-confirmation';
import { buildPreview, findProblems, resolveLetter, toPlatformFields } from '../proposals/client-view';
import { renderProposalPdf } from '../proposals/proposal-pdf';
import { diffTexts } from '../proposals/revision-diff';
import type { DomainHandlers } from '../rpc/rpc-server';
import { newPlatformId } from '../sync/write-unit';
import { checkWrite, enqueueWrite } from '../sync/writes/enqueue-write';
import type { CoreContext } from './context';

const notFound = (): RpcError => new RpcError({ code: 'not_found', message: 'No such proposal.' });

export const createProposalsHandlers = ({ db, sync, emit }: CoreContext) => {
  const load = (id: string): ProposalRecord => {
    const proposal = readProposal(db, id);
    if (!proposal) throw notFound();
    return proposal;
  };
  const loadEditable = (id: string): ProposalRecord => {
    const proposal = load(id);
    if (!isEditableStatus(proposal.status)) {
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
      if (!proposal) return null;
      const parts = readProposalParts(db, id);
      // The fee of the platform the proposal goes to (each account's terms are its own).
      return { ...proposal, ...parts, fee: readPlatformFee(db, readProposalAccount(db, id)), problems: findProblems(proposal, parts, readMergeSources(db, id)) };
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
      const now = new Date();
      const removed = db
        .transaction(() => {
          purgeDeleted(db, new Date(now.getTime() - restorableForMs));
          return deleteVariant(db, id, locale, now);
        })
        .immediate();
      emit('proposalsChanged', { id });
      return { removed };
    },
    restoreVariant: ({ id, locale }) => {
      loadEditable(id);
      const outcome = db.transaction(() => restoreRemovedVariant(db, id, locale, new Date())).immediate();
      if (outcome === 'missing') throw new RpcError({ code: 'not_found', message: 'No removed language to restore.' });
      if (outcome === 'exists') throw new RpcError({ code: 'conflict', message: 'The language was written again; nothing was overwritten.' });
      emit('proposalsChanged', { id });
      return variantOf(id, locale);
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
      saveBody({ id, locale, bodyJson: old.bodyJson, bodyText: old.bodyText, checkpoint: true });
      // The durable variant itself: the editor shows exactly this, never a copy read before the change.
      return variantOf(id, locale);
    },
    saveTerms: ({ id, kind, amountMinor, periodDays, milestones }) => {
      loadEditable(id);
      db.transaction(() => writeTerms(db, { id, kind, amountMinor, periodDays, milestones, now: new Date() })).immediate();
      emit('proposalsChanged', { id });
      const proposal = load(id);
      return { milestonesTotalMinor: proposal.milestonesTotalMinor, problems: findProblems(proposal, readProposalParts(db, id), readMergeSources(db, id)) };
    },
    submitProposal: ({ id, confirmation }) => {
      const proposal = loadEditable(id);
      const sources = readMergeSources(db, id);
      const parts = readProposalParts(db, id);
      const problems = findProblems(proposal, parts, sources);
      if (problems.length > 0) return { queued: false, status: proposal.status, problems };
      const now = new Date();
      const fields = toPlatformFields(proposal, parts, sources, filterExistingItems(db, parts.portfolioItemIds));
      // A platform that forbids automatic bids takes one only with the terms the user confirmed, exactly these.
      const confirmed = checkBidConfirmation(db, proposal.projectId, fields, confirmation, now);
      if (!confirmed.ok) return { queued: false, status: proposal.status, problems: [confirmed.problem] };
      if (proposal.version !== null && bidNeedsConfirmation(db, proposal.projectId)) {
        // Freelancer has no documented bid update: a sent bid is retracted and placed anew by the user, never changed here.
        return { queued: false, status: proposal.status, problems: [{ code: 'update_unsupported' }] };
      }
      let status = proposal.status;
      db.transaction(() => {
        if (proposal.version === null) {
          // Never sent: one create with the id made here, so a retry after any failure cannot bid twice.
          const payload = {
            id,
            body: { id, project_id: proposal.projectId, ...fields },
            ...(confirmed.confirmed ? { confirmation: confirmed.confirmed } : {}),
          };
          if (!replaceUntriedProposalWrite(db, { id, ...checkWrite('create_proposal', payload) })) {
            // Already tried: it cannot change now; edits since stay flagged and go as an update once it lands.
            if (hasUnsentWrites(db, 'proposal', id)) return;
            enqueueWrite(db, { entityType: 'proposal', entityId: id, op: 'create_proposal', payload, now });
          }
          status = 'queued';
          writeProposalStatus(db, id, status, now);
          clearLocalEdits(db, id);
        } else {
          const payload = { id, changes: fields };
          if (!replaceUntriedProposalWrite(db, { id, ...checkWrite('update_proposal', payload) })) {
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
      const parts = readProposalParts(db, id);
      const preview = buildPreview(db, proposal, parts, sources, locale);
      const pdf = await renderProposalPdf({
        locale,
        projectTitle: proposal.projectTitle ?? proposal.projectId,
        clientName: proposal.clientName,
        letter: resolveLetter(variant.bodyText, sources, locale).text,
        answers: preview?.answers ?? [],
        portfolioItems: preview?.portfolioItems ?? [],
        kind: proposal.kind,
        amountMinor: proposal.amountMinor,
        currency: proposal.currency,
        periodDays: proposal.periodDays,
        milestones: proposal.milestones,
      });
      return { base64: pdf.toString('base64'), fileName: proposalPdfFileName(proposal.projectTitle, id, locale) };
    },
    previewProposal: ({ id, locale }) => {
      const preview = buildPreview(db, load(id), readProposalParts(db, id), readMergeSources(db, id), locale);
      if (!preview) throw new RpcError({ code: 'not_found', message: 'No such language variant.' });
      return preview;
    },
    diffRevision: ({ id, locale, revision, against }) => {
      load(id);
      const chosen = readRevision(db, id, locale, revision);
      if (!chosen) throw new RpcError({ code: 'not_found', message: 'No such revision.' });
      if (against === 'current') {
        const current = variantOf(id, locale);
        return { fromRevision: revision, toRevision: current.revision, ...diffTexts(chosen.bodyText, current.bodyText) };
      }
      // Revisions are numbered without gaps per variant; the first one is compared with an empty letter.
      const previous = revision > 1 ? readRevision(db, id, locale, revision - 1) : null;
      return { fromRevision: previous?.revision ?? null, toRevision: revision, ...diffTexts(previous?.bodyText ?? '', chosen.bodyText) };
    },
    saveAnswers: ({ id, answers }) => {
      loadEditable(id);
      const asked = new Set(readProposalParts(db, id).questions.map((question) => question.id));
      const unknown = answers.find((answer) => !asked.has(answer.questionId));
      if (unknown) throw new RpcError({ code: 'invalid_input', message: `The project asks no question ${unknown.questionId}.` });
      db.transaction(() => writeAnswers(db, id, answers, new Date())).immediate();
      emit('proposalsChanged', { id });
      return { problems: findProblems(load(id), readProposalParts(db, id), readMergeSources(db, id)) };
    },
    listLinkableItems: ({ id }) => {
      const proposal = load(id);
      const linked = new Set(readProposalParts(db, id).portfolioItemIds);
      return rankItemsForProject(db, proposal.projectId, proposal.defaultLocale).map((item) => ({ ...item, linked: linked.has(item.itemId) }));
    },
    linkPortfolioItems: ({ id, itemIds }) => {
      loadEditable(id);
      const unique = [...new Set(itemIds)];
      const known = filterExistingItems(db, unique);
      if (known.length !== unique.length) throw new RpcError({ code: 'not_found', message: 'No such portfolio item.' });
      db.transaction(() => writeLinkedItems(db, id, known, new Date())).immediate();
      emit('proposalsChanged', { id });
      return { portfolioItemIds: known };
    },
    startFromTemplate: ({ id, locale, templateId }) => {
      loadEditable(id);
      const template = listTemplates(db, locale).find((candidate) => candidate.id === templateId);
      if (!template) throw new RpcError({ code: 'not_found', message: 'No template of this language with that id.' });
      const existing = readVariants(db, id).find((variant) => variant.locale === locale);
      if (existing && existing.bodyText.trim() !== '') {
        throw new RpcError({ code: 'conflict', message: 'The letter already has text; insert the template at the cursor instead.' });
      }
      saveBody({ id, locale, bodyJson: template.bodyJson, bodyText: letterText(template.bodyJson), checkpoint: existing !== undefined });
      return variantOf(id, locale);
    },
    listTemplates: ({ locale }) => listTemplates(db, locale),
    saveTemplate: ({ id, kind, locale, name, bodyJson }) => {
      // Local ids: the library never goes to the platform.
      const templateId = id ?? `tpl_${randomUUID().replaceAll('-', '')}`;
      // The draft the form kept while it was typed goes with the save, in one transaction.
      db.transaction(() => {
        writeTemplate(db, { id: templateId, kind, locale, name, bodyJson }, new Date());
        deleteFormDraft(db, formDraftKey({ form: 'template', targetId: id ?? null }));
      }).immediate();
      const saved = listTemplates(db, locale).find((template) => template.id === templateId);
      if (!saved) throw new RpcError({ code: 'internal', message: 'The template was not saved.' });
      return saved;
    },
    deleteTemplate: ({ id }) => ({
      deleted: db.transaction(() => {
        const now = new Date();
        purgeDeleted(db, new Date(now.getTime() - restorableForMs));
        deleteFormDraft(db, formDraftKey({ form: 'template', targetId: id }));
        return deleteTemplate(db, id, now);
      }).immediate(),
    }),
    restoreTemplate: ({ id }) => {
      const restored = db.transaction(() => restoreTemplate(db, id)).immediate();
      const template = restored ? listTemplates(db, null).find((candidate) => candidate.id === id) : undefined;
      if (!template) throw new RpcError({ code: 'not_found', message: 'No deleted template or snippet with that id.' });
      return template;
    },
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
