/**
 * Write endpoints. Each handler runs synchronously inside one transaction and follows the same order:
 * the target exists (404) → If-Match (428/409, before the body is even parsed) → JSON (400) → schema (422) →
 * business rules (422/409) → apply. The caller stores whatever it answers under the Idempotency-Key.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type {
  Attachment,
  ForumPost,
  ForumTopic,
  Message,
  Milestone,
  PortfolioItem,
  Profile,
  Project,
  Proposal,
  Thread,
} from '../../shared/platform/records';
import {
  checkProposalConsistency,
  createForumPostBodySchema,
  createProposalBodySchema,
  markThreadReadBodySchema,
  type MilestoneInput,
  postMessageBodySchema,
  putPortfolioItemBodySchema,
  putProfileBodySchema,
  updateProposalBodySchema,
  uploadMimeTypes,
  withdrawProposalBodySchema,
} from '../../shared/platform/writes';
import { z } from 'zod';
import { HttpError, headerValue, jsonReply, parseIfMatch, parseJson, type Reply, validate } from './http';
import type { PlatformStore, StoredRecord } from './store';

export type WriteContext = {
  store: PlatformStore;
  userId: string;
  params: Record<string, string>;
  body: Buffer;
  headers: IncomingHttpHeaders;
  query: URLSearchParams;
};

const newId = (prefix: string): string => `${prefix}_${randomBytes(9).toString('base64url')}`;

/** A live record the user may write, or 404 (another user's record is as unknown as a missing one). */
const ownRecord = <T>(context: WriteContext, type: 'proposal' | 'portfolio_item' | 'thread' | 'profile', id: string): StoredRecord & { data: T } => {
  const record = context.store.getLive<T>(type, id);
  if (!record || record.owner !== context.userId) throw new HttpError(404, 'not_found', `no ${type} ${id}`);
  return record;
};

const conflict = (record: StoredRecord, message: string, code: 'conflict' | 'already_exists' = 'conflict'): HttpError =>
  new HttpError(409, code, message, undefined, {}, { current: record.data });

/** The precondition: checked before the body is read, so a stale version wins over an invalid body. */
const requireVersion = (context: WriteContext, record: StoredRecord): void => {
  const expected = parseIfMatch(context.headers['if-match']);
  if (expected === null) {
    throw new HttpError(428, 'precondition_required', `If-Match with the ${record.type}'s version is required`, 'If-Match');
  }
  if (expected !== '*' && expected !== record.version) {
    throw conflict(record, `${record.type} ${record.id} is at version ${record.version}, not ${expected}`);
  }
};

const jsonBody = <S extends z.ZodType>(context: WriteContext, schema: S, optional = false): z.output<S> => {
  if (optional && context.body.toString('utf8').trim() === '') return validate(schema, {});
  return validate(schema, parseJson(context.body));
};

const reference = (condition: boolean, field: string, message: string): void => {
  if (!condition) throw new HttpError(422, 'unknown_reference', message, field);
};

const ownPortfolioIds = (context: WriteContext, ids: readonly string[]): void => {
  ids.forEach((id, index) => {
    const item = context.store.getLive<PortfolioItem>('portfolio_item', id);
    reference(item?.owner === context.userId, `portfolio_item_ids.${index}`, `no portfolio item ${id}`);
  });
};

const buildMilestones = (inputs: readonly MilestoneInput[], previous: readonly Milestone[] = []): Milestone[] =>
  inputs.map((input) => ({
    id: input.id ?? newId('mst'),
    title: input.title,
    amount_minor: input.amount_minor,
    due_in_days: input.due_in_days ?? null,
    status: previous.find((milestone) => milestone.id === input.id)?.status ?? 'planned',
  }));

/** Each answer names a question of the project, once. */
const checkAnswers = (project: Project, answers: readonly { question_id: string }[]): void => {
  const asked = new Set((project.questions ?? []).map((question) => question.id));
  const seen = new Set<string>();
  answers.forEach((answer, index) => {
    reference(asked.has(answer.question_id), `answers.${index}.question_id`, `project ${project.id} asks no question ${answer.question_id}`);
    if (seen.has(answer.question_id)) throw new HttpError(422, 'validation_failed', `answers: question ${answer.question_id} answered twice`, `answers.${index}`);
    seen.add(answer.question_id);
  });
};

const checkConsistency = (value: Parameters<typeof checkProposalConsistency>[0]): void => {
  validate(
    z.unknown().superRefine((_value, ctx) => checkProposalConsistency(value, ctx)),
    value,
  );
};

const proposalIsOpen = (proposal: Proposal): boolean => proposal.status === 'submitted' || proposal.status === 'shortlisted';

export const createProposal = (context: WriteContext): Reply => {
  const body = jsonBody(context, createProposalBodySchema);
  const { store, userId } = context;
  const id = body.id ?? newId('prp');
  const existing = store.getRecord('proposal', id);
  if (existing && !existing.deleted) {
    if (existing.owner === userId) throw conflict(existing, `proposal ${id} already exists`, 'already_exists');
    throw new HttpError(422, 'validation_failed', `id ${id} is taken`, 'id');
  }
  const project = store.getLive<Project>('project', body.project_id);
  reference(project !== null, 'project_id', `no project ${body.project_id}`);
  const current = project as StoredRecord & { data: Project };
  if (current.data.status !== 'open') {
    throw new HttpError(422, 'invalid_state', `project ${body.project_id} is ${current.data.status}, not open for bids`, 'project_id');
  }
  const currency = body.currency ?? current.data.budget.currency;
  if (currency !== current.data.budget.currency) {
    throw new HttpError(422, 'validation_failed', `currency: bids on this project are in ${current.data.budget.currency}`, 'currency');
  }
  const kind = body.kind ?? current.data.kind;
  checkConsistency({ ...body, kind });
  ownPortfolioIds(context, body.portfolio_item_ids);
  checkAnswers(current.data, body.answers);
  const earlier = store.db
    .prepare<[string, string], { id: string }>(
      "SELECT id FROM records WHERE type = 'proposal' AND owner = ? AND deleted = 0 AND json_extract(data, '$.project_id') = ? AND json_extract(data, '$.status') <> 'withdrawn'",
    )
    .get(userId, body.project_id);
  if (earlier) {
    const record = store.getRecord('proposal', earlier.id) as StoredRecord;
    throw conflict(record, `you already bid on project ${body.project_id}`, 'already_exists');
  }
  const now = store.nowIso();
  const proposal: Omit<Proposal, 'id' | 'version'> = {
    project_id: body.project_id,
    status: 'submitted',
    kind,
    amount_minor: body.amount_minor,
    currency,
    period_days: body.period_days,
    milestones: buildMilestones(body.milestones),
    default_locale: body.default_locale,
    variants: Object.fromEntries(
      Object.entries(body.variants).map(([locale, variant]) => [
        locale,
        { cover_letter: variant.cover_letter, source_locale: variant.source_locale ?? null, updated_at: now },
      ]),
    ),
    portfolio_item_ids: body.portfolio_item_ids,
    answers: body.answers,
    sealed: body.sealed,
    paid_minor: 0,
    submitted_at: now,
    decided_at: null,
    created_at: now,
    updated_at: now,
  };
  const stored = store.upsert('proposal', id, proposal, { owner: userId });
  store.upsert('project', current.id, { ...current.data, bid_count: current.data.bid_count + 1, updated_at: now }, { owner: null, extraUsers: [userId] });
  return jsonReply(201, stored.data, { location: `/v1/proposals/${id}` });
};

export const updateProposal = (context: WriteContext): Reply => {
  const { store } = context;
  const record = ownRecord<Proposal>(context, 'proposal', context.params.id as string);
  requireVersion(context, record);
  const patch = jsonBody(context, updateProposalBodySchema);
  if (!proposalIsOpen(record.data)) {
    throw new HttpError(422, 'invalid_state', `proposal is ${record.data.status} and can no longer be changed`, 'status');
  }
  const project = store.getLive<Project>('project', record.data.project_id);
  if (patch.currency !== undefined && project && patch.currency !== project.data.budget.currency) {
    throw new HttpError(422, 'validation_failed', `currency: bids on this project are in ${project.data.budget.currency}`, 'currency');
  }
  if (patch.portfolio_item_ids) ownPortfolioIds(context, patch.portfolio_item_ids);
  if (patch.answers && project) checkAnswers(project.data, patch.answers);
  const now = store.nowIso();
  const variants = { ...record.data.variants };
  for (const [locale, variant] of Object.entries(patch.variants ?? {})) {
    if (variant === null) delete variants[locale];
    else variants[locale] = { cover_letter: variant.cover_letter, source_locale: variant.source_locale ?? null, updated_at: now };
  }
  const { variants: _variants, milestones: milestoneInputs, ...scalars } = patch;
  const next: Proposal = {
    ...record.data,
    ...scalars,
    variants,
    milestones: milestoneInputs ? buildMilestones(milestoneInputs, record.data.milestones) : record.data.milestones,
    updated_at: now,
  };
  if (Object.keys(next.variants).length === 0) throw new HttpError(422, 'validation_failed', 'variants: at least one variant must remain', 'variants');
  checkConsistency(next);
  const stored = store.upsert('proposal', record.id, next, { owner: context.userId });
  return jsonReply(200, stored.data);
};

export const withdrawProposal = (context: WriteContext): Reply => {
  const record = ownRecord<Proposal>(context, 'proposal', context.params.id as string);
  requireVersion(context, record);
  jsonBody(context, withdrawProposalBodySchema, true);
  if (!proposalIsOpen(record.data)) {
    throw new HttpError(422, 'invalid_state', `proposal is ${record.data.status}; only submitted or shortlisted proposals can be withdrawn`, 'status');
  }
  const now = context.store.nowIso();
  const stored = context.store.upsert('proposal', record.id, { ...record.data, status: 'withdrawn', decided_at: now, updated_at: now }, { owner: context.userId });
  return jsonReply(200, stored.data);
};

const attachmentsFor = (context: WriteContext, inputs: readonly { upload_id: string; name: string }[]): Attachment[] =>
  inputs.map((input, index) => {
    const upload = context.store.getUpload(input.upload_id);
    reference(upload !== undefined, `attachments.${index}.upload_id`, `no upload ${input.upload_id}`);
    return { upload_id: input.upload_id, name: input.name, mime: upload?.mime ?? 'application/octet-stream', size: upload?.size ?? 0 };
  });

export const postMessage = (context: WriteContext): Reply => {
  const { store, userId } = context;
  const thread = ownRecord<Thread>(context, 'thread', context.params.id as string);
  const body = jsonBody(context, postMessageBodySchema);
  const id = body.id ?? newId('msg');
  const existing = store.getRecord('message', id);
  if (existing) {
    if (existing.owner === userId && !existing.deleted) throw conflict(existing, `message ${id} already exists`, 'already_exists');
    throw new HttpError(422, 'validation_failed', `id ${id} is taken`, 'id');
  }
  const attachments = attachmentsFor(context, body.attachments);
  const now = store.nowIso();
  const message: Omit<Message, 'id' | 'version'> = {
    thread_id: thread.id,
    sender_id: userId,
    from_me: true,
    body: body.body,
    attachments,
    sent_at: now,
    read_at: null,
  };
  const stored = store.upsert('message', id, message, { owner: userId });
  store.upsert(
    'thread',
    thread.id,
    { ...thread.data, message_count: thread.data.message_count + 1, last_message_at: now, updated_at: now, unread_count: 0, read: true },
    { owner: userId },
  );
  return jsonReply(201, stored.data, { location: `/v1/threads/${thread.id}/messages/${id}` });
};

export const markThreadRead = (context: WriteContext): Reply => {
  const { store, userId } = context;
  const thread = ownRecord<Thread>(context, 'thread', context.params.id as string);
  jsonBody(context, markThreadReadBodySchema, true);
  // Already read: nothing changes, so no new version enters the feed.
  if (thread.data.unread_count === 0 && thread.data.read) return jsonReply(200, thread.data);
  const stored = store.upsert(
    'thread',
    thread.id,
    { ...thread.data, unread_count: 0, read: true, updated_at: store.nowIso() },
    { owner: userId },
  );
  return jsonReply(200, stored.data);
};

const portfolioIdPattern = /^pfi_[A-Za-z0-9_-]{1,100}$/;

/**
 * A portfolio or profile variant as stored: the revisions the client sent (see the records), or, from a client
 * that sends none, one more than before when the text changed. An untouched variant keeps its time, so a
 * client without revisions can still tell which translations went stale.
 */
const trackVariant = <V extends Record<string, unknown>>(
  variant: V,
  before: (V & { revision?: number; source_revision?: number | null; updated_at: string }) | undefined,
  sent: { revision: number | undefined; source_revision: number | null | undefined },
  now: string,
): V & { revision: number; source_revision: number | null; updated_at: string } => {
  const unchanged = before !== undefined && Object.keys(variant).every((key) => before[key] === variant[key]);
  const counted = before === undefined ? 1 : (before.revision ?? 1) + (unchanged ? 0 : 1);
  return {
    ...variant,
    revision: sent.revision ?? counted,
    source_revision: sent.source_revision !== undefined ? sent.source_revision : unchanged ? (before?.source_revision ?? null) : null,
    updated_at: unchanged ? before.updated_at : now,
  };
};

export const putPortfolioItem = (context: WriteContext): Reply => {
  const { store, userId } = context;
  const id = context.params.id as string;
  const existing = store.getRecord('portfolio_item', id);
  const live = existing && !existing.deleted ? existing : null;
  if (live && live.owner !== userId) throw new HttpError(404, 'not_found', `no portfolio_item ${id}`);
  const ifMatch = parseIfMatch(context.headers['if-match']);
  if (live) requireVersion(context, live);
  else if (ifMatch !== null) throw new HttpError(404, 'not_found', `no portfolio_item ${id} to replace (send no If-Match to create it)`);
  if (!portfolioIdPattern.test(id)) throw new HttpError(422, 'validation_failed', 'id: must look like pfi_…', 'id');
  if (existing && existing.owner !== userId) throw new HttpError(422, 'validation_failed', `id ${id} is taken`, 'id');
  const body = jsonBody(context, putPortfolioItemBodySchema);
  body.image_ids.forEach((imageId, index) => reference(store.getUpload(imageId) !== undefined, `image_ids.${index}`, `no upload ${imageId}`));
  const now = store.nowIso();
  const previous = live?.data as PortfolioItem | undefined;
  const item: Omit<PortfolioItem, 'id' | 'version'> = {
    ...body,
    variants: Object.fromEntries(
      Object.entries(body.variants).map(([locale, { revision, source_revision, ...input }]) => {
        const variant = { ...input, source_locale: input.source_locale ?? null };
        return [locale, trackVariant(variant, previous?.variants[locale], { revision, source_revision }, now)];
      }),
    ),
    created_at: previous?.created_at ?? now,
    updated_at: now,
  };
  const stored = store.upsert('portfolio_item', id, item, { owner: userId });
  return jsonReply(live ? 200 : 201, stored.data, live ? {} : { location: `/v1/portfolio/items/${id}` });
};

export const deletePortfolioItem = (context: WriteContext): Reply => {
  const record = ownRecord<PortfolioItem>(context, 'portfolio_item', context.params.id as string);
  requireVersion(context, record);
  const removed = context.store.remove('portfolio_item', record.id) as StoredRecord;
  return jsonReply(200, { id: removed.id, version: removed.version, deleted: true });
};

export const putProfile = (context: WriteContext): Reply => {
  const record = ownRecord<Profile>(context, 'profile', context.userId);
  requireVersion(context, record);
  const body = jsonBody(context, putProfileBodySchema);
  if (body.avatar_id) reference(context.store.getUpload(body.avatar_id) !== undefined, 'avatar_id', `no upload ${body.avatar_id}`);
  const now = context.store.nowIso();
  const previous = record.data;
  const profile: Omit<Profile, 'id' | 'version'> = {
    ...body,
    variants: Object.fromEntries(
      Object.entries(body.variants).map(([locale, { revision, source_revision, ...input }]) => {
        const variant = { headline: input.headline, bio: input.bio, source_locale: input.source_locale ?? null };
        return [locale, trackVariant(variant, previous.variants[locale], { revision, source_revision }, now)];
      }),
    ),
    updated_at: now,
  };
  const stored = context.store.upsert('profile', context.userId, profile, { owner: context.userId });
  return jsonReply(200, stored.data);
};

export const createForumPost = (context: WriteContext): Reply => {
  const { store, userId } = context;
  const topicId = context.params.id as string;
  const topic = store.getLive<ForumTopic>('forum_topic', topicId);
  if (!topic) throw new HttpError(404, 'not_found', `no forum_topic ${topicId}`);
  const body = jsonBody(context, createForumPostBodySchema);
  if (topic.data.locked) throw new HttpError(422, 'invalid_state', 'the topic is locked', 'topic_id');
  const id = body.id ?? newId('fps');
  const existing = store.getRecord('forum_post', id);
  if (existing) {
    const own = existing.data && (existing.data as ForumPost).author_id === userId;
    if (own && !existing.deleted) throw conflict(existing, `forum post ${id} already exists`, 'already_exists');
    throw new HttpError(422, 'validation_failed', `id ${id} is taken`, 'id');
  }
  if (body.reply_to) {
    const parent = store.getLive<ForumPost>('forum_post', body.reply_to);
    reference(parent?.data.topic_id === topicId, 'reply_to', `no post ${body.reply_to} in this topic`);
  }
  const profile = store.getLive<Profile>('profile', userId);
  const now = store.nowIso();
  const post: Omit<ForumPost, 'id' | 'version'> = {
    topic_id: topicId,
    author_id: userId,
    author_name: profile?.data.name ?? store.getUser(userId)?.name ?? 'Bottega user',
    body: body.body,
    reply_to: body.reply_to ?? null,
    created_at: now,
    updated_at: now,
  };
  const stored = store.upsert('forum_post', id, post, { owner: null });
  store.upsert('forum_topic', topicId, { ...topic.data, post_count: topic.data.post_count + 1, last_post_at: now, updated_at: now }, { owner: null });
  return jsonReply(201, stored.data, { location: `/v1/forum/topics/${topicId}/posts/${id}` });
};

const magicNumbers: Record<(typeof uploadMimeTypes)[number], (bytes: Buffer) => boolean> = {
  'image/png': (bytes) => bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (bytes) => bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff,
  'image/gif': (bytes) => ['GIF87a', 'GIF89a'].includes(bytes.subarray(0, 6).toString('latin1')),
  'image/webp': (bytes) => bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP',
};

export const uploadMime = (headers: IncomingHttpHeaders): (typeof uploadMimeTypes)[number] => {
  const type = (headerValue(headers['content-type']) ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const mime = uploadMimeTypes.find((candidate) => candidate === type);
  if (!mime) throw new HttpError(415, 'unsupported_media_type', `Content-Type must be one of ${uploadMimeTypes.join(', ')}`, 'Content-Type');
  return mime;
};

/** The hash a client may send to have it verified: X-Content-SHA256, Content-Digest (RFC 9530) or ?sha256=. */
const claimedHash = (context: WriteContext): { hash: string; field: string } | null => {
  const header = headerValue(context.headers['x-content-sha256']);
  if (header) return { hash: header.trim().toLowerCase(), field: 'X-Content-SHA256' };
  const digest = headerValue(context.headers['content-digest']);
  const match = digest ? /sha-256=:([A-Za-z0-9+/=]+):/.exec(digest) : null;
  if (match?.[1]) return { hash: Buffer.from(match[1], 'base64').toString('hex'), field: 'Content-Digest' };
  const query = context.query.get('sha256');
  return query ? { hash: query.toLowerCase(), field: 'sha256' } : null;
};

export const createUpload = (context: WriteContext): Reply => {
  const mime = uploadMime(context.headers);
  const bytes = context.body;
  if (bytes.length === 0) throw new HttpError(422, 'validation_failed', 'body: empty upload', 'body');
  if (!magicNumbers[mime](bytes)) throw new HttpError(422, 'validation_failed', `body: the bytes are not a ${mime} image`, 'body');
  const hash = createHash('sha256').update(bytes).digest('hex');
  const claimed = claimedHash(context);
  if (claimed && claimed.hash !== hash) {
    throw new HttpError(422, 'hash_mismatch', `${claimed.field}: the bytes hash to ${hash}, not ${claimed.hash}`, claimed.field);
  }
  const existed = context.store.getUpload(hash) !== undefined;
  context.store.saveUpload(hash, mime, bytes);
  const upload = context.store.getUpload(hash);
  return jsonReply(
    existed ? 200 : 201,
    { id: hash, sha256: hash, mime: upload?.mime ?? mime, size: bytes.length, url: `/v1/uploads/${hash}`, created_at: upload?.created_at ?? context.store.nowIso() },
    { location: `/v1/uploads/${hash}` },
  );
};
