/**
 * The other side of the marketplace: clients posting projects, replying, awarding and declining bids, the
 * platform editing or deleting records. Used by `--live` (on a timer) and by the simulation endpoints (by tests).
 */
import type { ForumPost, ForumTopic, Message, Project, Proposal, Thread } from '../../shared/platform/records';
import type { SimulateProjectBody } from '../../shared/platform/simulation';
import { forumReplies } from './content';
import { buildMessage, buildProject, isContentLanguage, randomId } from './generators';
import type { Rng } from './prng';
import type { PlatformStore, StoredRecord } from './store';

export class ActorError extends Error {
  constructor(
    readonly status: 404 | 422,
    message: string,
  ) {
    super(message);
  }
}

type ClientInfo = { id: string; country: string; languages: string[]; city: string | null; name: string };

export class Actors {
  constructor(
    private readonly store: PlatformStore,
    private readonly rng: Rng,
  ) {}

  private live<T>(type: Parameters<PlatformStore['getLive']>[0], id: string): StoredRecord & { data: T } {
    const record = this.store.getLive<T>(type, id);
    if (!record) throw new ActorError(404, `no ${type} ${id}`);
    return record;
  }

  private pickClient(): ClientInfo {
    const row = this.store.db
      .prepare<[number], { data: string }>(
        "SELECT data FROM records WHERE type = 'client' AND deleted = 0 ORDER BY rid LIMIT 1 OFFSET ?",
      )
      .get(this.rng.int(0, Math.max(0, this.countOf('client') - 1)));
    if (!row) throw new ActorError(422, 'no clients to act as');
    return JSON.parse(row.data) as ClientInfo;
  }

  private countOf(type: string): number {
    return this.store.db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM records WHERE type = ? AND deleted = 0').get(type)?.n ?? 0;
  }

  /** A client posts a new project; fields in `overrides` win over generated ones. */
  postProject(overrides: SimulateProjectBody = {}): StoredRecord {
    const client = this.pickClient();
    const nowMs = this.store.nowMs();
    const project: Omit<Project, 'id' | 'version'> = {
      ...buildProject(this.rng, client, nowMs, {
        ...(overrides.category ? { category: overrides.category } : { category: this.rng.pick(['web_development', 'design', 'translation', 'copywriting', 'seo', 'mobile_apps'] as const) }),
        ...(overrides.language ? { language: overrides.language } : {}),
      }),
      bid_count: 0,
    };
    const data = {
      ...project,
      ...(overrides.title ? { title: overrides.title } : {}),
      ...(overrides.description !== undefined ? { description: overrides.description } : {}),
      ...(overrides.language ? { language: overrides.language } : {}),
      ...(overrides.kind ? { kind: overrides.kind } : {}),
      ...(overrides.skills ? { skills: overrides.skills } : {}),
      ...(overrides.questions ? { questions: overrides.questions.map((text, at) => ({ id: `q${at + 1}`, text })) } : {}),
    };
    return this.store.transact(() => this.store.upsert('project', randomId(this.rng, 'prj'), data, { owner: null }));
  }

  /** The thread's client writes `body` (or a line in the thread's language). */
  clientMessage(threadId: string, body?: string, messageId?: string): StoredRecord {
    const thread = this.live<Thread>('thread', threadId);
    if (messageId && this.store.getRecord('message', messageId)) throw new ActorError(422, `message ${messageId} exists`);
    const owner = thread.owner;
    const project = thread.data.project_id ? this.store.getLive<Project>('project', thread.data.project_id) : null;
    const language = project && isContentLanguage(project.data.language) ? project.data.language : 'en';
    const nowMs = this.store.nowMs();
    const message: Omit<Message, 'id' | 'version'> = {
      ...buildMessage(this.rng, { threadId, senderId: thread.data.client_id, fromMe: false, language, sentMs: nowMs, read: false }),
      ...(body !== undefined ? { body } : {}),
    };
    return this.store.transact(() => {
      const stored = this.store.upsert('message', messageId ?? randomId(this.rng, 'msg'), message, { owner });
      this.store.upsert(
        'thread',
        threadId,
        {
          ...thread.data,
          unread_count: thread.data.unread_count + 1,
          read: false,
          message_count: thread.data.message_count + 1,
          last_message_at: message.sent_at,
          updated_at: message.sent_at,
        },
        { owner },
      );
      return stored;
    });
  }

  /** The client decides on a bid: awarding also awards the project. */
  decide(proposalId: string, decision: 'awarded' | 'declined'): StoredRecord {
    const proposal = this.live<Proposal>('proposal', proposalId);
    if (!['submitted', 'shortlisted'].includes(proposal.data.status)) {
      throw new ActorError(422, `proposal ${proposalId} is ${proposal.data.status}, not open for a decision`);
    }
    const now = this.store.nowIso();
    return this.store.transact(() => {
      const stored = this.store.upsert(
        'proposal',
        proposalId,
        {
          ...proposal.data,
          status: decision,
          decided_at: now,
          updated_at: now,
          milestones: proposal.data.milestones.map((milestone, index) =>
            decision === 'awarded' && index === 0 ? { ...milestone, status: 'funded' } : milestone,
          ),
        },
        { owner: proposal.owner },
      );
      const project = this.store.getLive<Project>('project', proposal.data.project_id);
      if (project && decision === 'awarded') {
        this.store.upsert('project', project.id, { ...project.data, status: 'awarded', updated_at: now }, { owner: null });
      }
      return stored;
    });
  }

  /** A server-side edit: merges `patch` into the record's data and bumps its version (to provoke a 409). */
  edit(type: string, id: string, patch: Record<string, unknown>): StoredRecord {
    const record = this.store.getRecord(type, id);
    if (!record || record.deleted || !record.data) throw new ActorError(404, `no ${type} ${id}`);
    const { id: _ignoredId, version: _ignoredVersion, ...rest } = patch;
    const updatedAt = 'updated_at' in record.data ? { updated_at: this.store.nowIso() } : {};
    return this.store.transact(() => this.store.upsert(type, id, { ...record.data, ...updatedAt, ...rest }, { owner: record.owner }));
  }

  remove(type: string, id: string): StoredRecord {
    const removed = this.store.transact(() => this.store.remove(type, id));
    if (!removed) throw new ActorError(404, `no ${type} ${id}`);
    return removed;
  }

  /** Puts `data` into the feed exactly as given (it may violate the contract on purpose). */
  inject(body: { type: string; id: string; op: 'upsert' | 'delete'; version?: number; data: unknown; users?: string[] }): StoredRecord {
    const onlyUsers = body.users ?? this.store.listUsers().map((user) => user.id);
    return this.store.transact(() => {
      if (body.op === 'delete') {
        const removed = this.store.remove(body.type, body.id);
        if (!removed) throw new ActorError(404, `no ${body.type} ${body.id}`);
        return removed;
      }
      const raw = { ...(body.data !== null && typeof body.data === 'object' && !Array.isArray(body.data) ? body.data : { value: body.data }) } as Record<string, unknown>;
      if (body.version !== undefined) raw.version = body.version;
      return this.store.upsert(body.type, body.id, raw, { raw: true, onlyUsers, owner: null });
    });
  }

  /** A community member replies in a forum topic. */
  forumReply(): StoredRecord | null {
    const row = this.store.db
      .prepare<[number], { id: string }>("SELECT id FROM records WHERE type = 'forum_topic' AND deleted = 0 ORDER BY rid DESC LIMIT 1 OFFSET ?")
      .get(this.rng.int(0, Math.min(20, Math.max(0, this.countOf('forum_topic') - 1))));
    if (!row) return null;
    const topic = this.live<ForumTopic>('forum_topic', row.id);
    if (topic.data.locked) return null;
    const now = this.store.nowIso();
    const language = isContentLanguage(topic.data.language) ? topic.data.language : 'en';
    const post: Omit<ForumPost, 'id' | 'version'> = {
      topic_id: topic.id,
      author_id: 'usr_mlive1',
      author_name: this.rng.pick(['Chiara Fontana', 'Tom Becker', 'Lucía Navarro', 'Hugo Lefèvre', 'Amy Clarke']),
      body: this.rng.pick(forumReplies[language]),
      reply_to: null,
      created_at: now,
      updated_at: now,
    };
    return this.store.transact(() => {
      const stored = this.store.upsert('forum_post', randomId(this.rng, 'fps'), post, { owner: null });
      this.store.upsert('forum_topic', topic.id, { ...topic.data, post_count: topic.data.post_count + 1, last_post_at: now, updated_at: now }, { owner: null });
      return stored;
    });
  }

  /** One step of `--live`: something a real marketplace would show within a few seconds. */
  liveStep(userId: string): string {
    const action = this.rng.weighted([
      ['project', 4],
      ['reply', 3.5],
      ['decision', 1.5],
      ['forum', 1],
    ] as const);
    if (action === 'reply') {
      const thread = this.store.db
        .prepare<[string, number], { id: string }>(
          "SELECT id FROM records WHERE type = 'thread' AND owner = ? AND deleted = 0 ORDER BY seq DESC LIMIT 1 OFFSET ?",
        )
        .get(userId, this.rng.int(0, 7));
      if (thread) {
        this.clientMessage(thread.id);
        return `client replied in ${thread.id}`;
      }
    }
    if (action === 'decision') {
      const open = this.store.db
        .prepare<[string], { id: string }>(
          "SELECT id FROM records WHERE type = 'proposal' AND owner = ? AND deleted = 0 AND json_extract(data, '$.status') IN ('submitted', 'shortlisted') ORDER BY seq DESC LIMIT 5",
        )
        .all(userId);
      if (open.length > 0) {
        const chosen = this.rng.pick(open).id;
        const decision = this.rng.chance(0.45) ? 'awarded' : 'declined';
        this.decide(chosen, decision);
        return `proposal ${chosen} ${decision}`;
      }
    }
    if (action === 'forum') {
      const post = this.forumReply();
      if (post) return `forum reply ${post.id}`;
    }
    const project = this.postProject();
    return `new project ${project.id}`;
  }
}
