/**
 * Freelancer records to the workspace's normalized records (electron/core/connectors/freelancer/mapping.ts):
 * examples in the SDK's shapes (as the fixture serves them), records that must go to the quarantine with a
 * reason instead of throwing, and properties: amounts round-trip in minor units for currencies of exponent 0,
 * 2 and 3; Unix seconds round-trip as instants; ids never collide across kinds or with the reference platform's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bidsPageSchema, projectsPageSchema } from '../../../../electron/core/connectors/freelancer/api-schemas';
import { freelancerIdOf, freelancerIds } from '../../../../electron/core/connectors/freelancer/ids';
import { mapAccountIdentity, mapClient, mapMessage, mapProject, mapProposal, mapThread, type MapContext } from '../../../../electron/core/connectors/freelancer/mapping';
import { instantFromUnix, minorAmount, minorUnitDigits } from '../../../../electron/core/connectors/freelancer/normalize';
import { freelancerRecordSchemas } from '../../../../electron/core/connectors/freelancer/record-schemas';
import { recordSchemas } from '../../../../shared/platform/records';

const selfId = 1_000_001;
const context: MapContext = { selfId, observedAtMs: Date.UTC(2026, 10, 16, 9, 30) };

const owner = (overrides: Record<string, unknown> = {}) => ({
  id: 20_000_007,
  username: 'marcor7',
  display_name: 'Marco Rossi',
  public_name: 'Marco R.',
  registration_date: 1_600_000_000,
  primary_language: 'it',
  location: { country: { name: 'Italy', code: 'it' }, city: 'Torino' },
  status: { payment_verified: true, email_verified: true },
  employer_reputation: { role: 'employer', entire_history: { overall: 4.87, reviews: 12, complete: 14, all: 15 } },
  ...overrides,
});

const project = (overrides: Record<string, unknown> = {}) => ({
  id: 40_000_123,
  owner_id: 20_000_007,
  title: 'Sito WordPress per un agriturismo',
  status: 'active',
  seo_url: 'wordpress/Sito-WordPress-40000123',
  currency: { id: 8, code: 'EUR', sign: '€', name: 'Euro', exchange_rate: 1.08, country: 'EU', is_external: false },
  description: 'Cerchiamo uno sviluppatore WordPress…',
  preview_description: 'Cerchiamo uno sviluppatore',
  type: 'fixed',
  budget: { minimum: 250.5, maximum: 750 },
  bid_stats: { bid_count: 7, bid_avg: 480 },
  time_submitted: 1_763_200_000,
  time_updated: 1_763_200_500,
  language: 'it',
  jobs: [
    { id: 3, name: 'WordPress', seo_url: 'wordpress', category: { id: 1, name: 'Websites, IT & Software' } },
    { id: 4, name: 'User Interface / IA', seo_url: 'user-interface-ia', category: { id: 3, name: 'Design, Media & Architecture' } },
    { id: 5, name: 'PHP', seo_url: 'php', category: { id: 1, name: 'Websites, IT & Software' } },
  ],
  upgrades: { featured: false, NDA: false },
  hourly_project_info: null,
  ...overrides,
});

const users = { '20000007': owner() };

const bid = (overrides: Record<string, unknown> = {}) => ({
  id: 300_000_042,
  bidder_id: selfId,
  project_id: 40_000_123,
  project_owner_id: 20_000_007,
  retracted: false,
  amount: 480,
  period: 10,
  milestone_percentage: 50,
  description: 'Buongiorno Marco, …',
  submitdate: 1_763_201_000,
  time_submitted: 1_763_201_000,
  award_status: null,
  time_awarded: null,
  frontend_bid_status: 'active',
  ...overrides,
});

const thread = (overrides: Record<string, unknown> = {}) => ({
  id: 90_000_001,
  thread: {
    id: 90_000_001,
    thread_type: 'private_chat',
    time_created: 1_763_202_000,
    members: [selfId, 20_000_007],
    owner: 20_000_007,
    context: { type: 'project', id: 40_000_123 },
  },
  time_updated: 1_763_203_000,
  is_read: false,
  is_muted: false,
  message: { id: 700_000_001, thread_id: 90_000_001, from_user: 20_000_007, message: 'Ciao!', time_created: 1_763_203_000, attachments: [], message_source: 'default_msg' },
  message_count: 3,
  ...overrides,
});

const expectOk = <T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> => {
  if (!result.ok) throw new Error(`expected a mapped record, got: ${(result as unknown as { reason: string }).reason}`);
  return result as Extract<T, { ok: true }>;
};

describe('page schemas', () => {
  it('users as a map, as [] when empty (the SDK search mock) or null without a projection: always a map; unknown fields accepted and left to the raw JSON', () => {
    expect(projectsPageSchema.parse({ projects: [], users: [], total_count: 0 }).users).toEqual({});
    expect(projectsPageSchema.parse({ projects: [], users: users, total_count: 1, selected_bids: null })).toEqual({ projects: [], users, total_count: 1 });
    expect(bidsPageSchema.parse({ bids: [], users: null, projects: null, total_count: 0 })).toMatchObject({ users: {}, projects: {} });
    expect(projectsPageSchema.safeParse({ projects: [], users: [owner()], total_count: 1 }).success).toBe(false);
  });
});

describe('mapProject', () => {
  it('maps a project: namespaced ids, skills by name, ISO currency in minor units, owner country, instants, raw kept', () => {
    const raw = project();
    const mapped = expectOk(mapProject(raw, users, context));
    expect(mapped.record).toMatchObject({
      id: 'prj_fl-40000123',
      version: context.observedAtMs,
      client_id: 'cli_fl-20000007',
      title: 'Sito WordPress per un agriturismo',
      description: 'Cerchiamo uno sviluppatore WordPress…',
      language: 'it',
      category: 'web_development',
      kind: 'fixed',
      budget: { min_minor: 25_050, max_minor: 75_000, currency: 'EUR' },
      skills: ['WordPress', 'User Interface / IA', 'PHP'],
      country: 'IT',
      remote: true,
      bid_count: 7,
      status: 'open',
      posted_at: '2025-11-15T09:46:40Z',
      updated_at: '2025-11-15T09:55:00Z',
    });
    // The raw record is the API's own, with fields the mapping does not read.
    expect(JSON.parse(mapped.rawText)).toEqual(raw);
    expect((JSON.parse(mapped.rawText) as { upgrades: unknown }).upgrades).toEqual({ featured: false, NDA: false });
    // records.ts's own schema, skills by name included.
    expect(recordSchemas.project.safeParse(mapped.record).success).toBe(true);
  });

  it('a project whose jobs are in a category Bottega has no name for is kept as `other`, its skills by name', () => {
    const mapped = expectOk(
      mapProject(project({ jobs: [{ id: 9, name: 'Mechanical Engineering', category: { name: 'Engineering & Science' } }] }), users, context),
    );
    expect(mapped.record).toMatchObject({ category: 'other', skills: ['Mechanical Engineering'] });
    expect(mapProject(project({ jobs: null }), users, context)).toMatchObject({ ok: true, record: { category: 'other', skills: [] } });
  });

  it('hourly, open-ended budget in a currency without minor units, unknown language', () => {
    const mapped = expectOk(mapProject(project({ type: 'hourly', currency: { code: 'jpy' }, budget: { minimum: 3000, maximum: null }, language: null }), users, context));
    expect(mapped.record.kind).toBe('hourly');
    expect(mapped.record.budget).toEqual({ min_minor: 3000, max_minor: null, currency: 'JPY' });
    expect(mapped.record.language).toBe('und');
  });

  it('quarantines instead of throwing: unknown currency, owner missing, no category, bad type, garbage', () => {
    const cases: [unknown, Record<string, unknown>, RegExp][] = [
      [project({ currency: { code: 'XYZ' } }), users, /currency\.code/],
      [project(), {}, /owner_id/],
      [project({ type: 'contest' }), users, /type/],
      [project({ budget: { minimum: -5, maximum: null } }), users, /budget/],
      [project({ time_submitted: 10 ** 15 }), users, /posted_at/],
      [{ id: 'forty' }, users, /id/],
      [null, users, /expected object/],
    ];
    for (const [raw, pageUsers, reason] of cases) {
      const result = mapProject(raw, pageUsers, context);
      expect(result.ok, JSON.stringify(raw)?.slice(0, 80)).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(reason);
    }
    // The quarantine keeps the identity when the id is readable.
    const odd = mapProject(project({ type: 'contest' }), users, context);
    expect(odd.ok ? null : odd.id).toBe('prj_fl-40000123');
  });
});

describe('mapClient', () => {
  it('maps an owner with its employer reputation; a separate reputations answer wins', () => {
    const mapped = expectOk(mapClient(owner(), undefined, context));
    expect(mapped.record).toMatchObject({
      id: 'cli_fl-20000007',
      name: 'Marco Rossi',
      country: 'IT',
      city: 'Torino',
      primary_language: 'it',
      languages: ['it'],
      reputation: 4.9,
      reviews_count: 12,
      payment_verified: true,
      projects_posted: 15,
      registered_at: '2020-09-13T12:26:40Z',
      updated_at: '2026-11-16T09:30:00Z',
    });
    const fromReputations = expectOk(mapClient(owner(), { user_id: 20_000_007, entire_history: { overall: 3.04, reviews: 2, all: 3 } }, context));
    expect(fromReputations.record).toMatchObject({ reputation: 3, reviews_count: 2, projects_posted: 3 });
  });

  it('quarantines an owner without a country', () => {
    const result = mapClient(owner({ location: null }), undefined, context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/location\.country\.code/);
  });
});

describe('mapProposal', () => {
  const projects = { '40000123': project() };

  it('maps an own bid in the project currency with the cover letter in the project language', () => {
    const mapped = expectOk(mapProposal(bid(), projects, context));
    expect(mapped.record).toMatchObject({
      id: 'prp_fl-300000042',
      project_id: 'prj_fl-40000123',
      status: 'submitted',
      kind: 'fixed',
      amount_minor: 48_000,
      currency: 'EUR',
      period_days: 10,
      default_locale: 'it',
      variants: { it: { cover_letter: 'Buongiorno Marco, …', source_locale: null } },
      submitted_at: '2025-11-15T10:03:20Z',
      decided_at: null,
    });
  });

  it('statuses from retracted, award_status and the frontend status', () => {
    const statusOf = (overrides: Record<string, unknown>) => expectOk(mapProposal(bid(overrides), projects, context)).record.status;
    expect(statusOf({ retracted: true })).toBe('withdrawn');
    expect(statusOf({ award_status: 'awarded', time_awarded: 1_763_300_000 })).toBe('awarded');
    expect(statusOf({ award_status: 'pending' })).toBe('awarded');
    expect(statusOf({ award_status: 'rejected' })).toBe('declined');
    expect(statusOf({ award_status: 'revoked' })).toBe('declined');
    expect(statusOf({ award_status: 'awarded', frontend_bid_status: 'complete' })).toBe('completed');
    expect(expectOk(mapProposal(bid({ award_status: 'awarded', time_awarded: 1_763_300_000 }), projects, context)).record.decided_at).toBe('2025-11-16T13:33:20Z');
  });

  it('keeps what the bid cost where the API reports it (sponsored, in the project currency), nothing where it does not', () => {
    const feeOf = (overrides: Record<string, unknown>) => expectOk(mapProposal(bid(overrides), projects, context)).record.bid_fee_minor;
    expect(feeOf({ sponsored: 4.5 })).toBe(450);
    expect(feeOf({ sponsored: 0 })).toBe(0);
    expect(feeOf({})).toBeNull();
    expect(feeOf({ sponsored: null })).toBeNull();
    expect(expectOk(mapProposal(bid({ sponsored: 300 }), { '40000123': project({ currency: { id: 11, code: 'JPY', sign: '¥', name: 'Yen' } }) }, context)).record.bid_fee_minor).toBe(300);
    // A cost that is no amount is quarantined with its reason, not stored as 0.
    expect(mapProposal(bid({ sponsored: -2 }), projects, context).ok).toBe(false);
  });

  it("quarantines someone else's bid, an unknown award status and a bid whose project is not known", () => {
    expect(mapProposal(bid({ bidder_id: 5 }), projects, context).ok).toBe(false);
    expect(mapProposal(bid({ award_status: 'mystery' }), projects, context).ok).toBe(false);
    expect(mapProposal(bid(), {}, context).ok).toBe(false);
  });
});

describe('mapThread and mapMessage', () => {
  it('maps a project thread: the client is the other member, the subject the project title when known', () => {
    const mapped = expectOk(mapThread(thread(), new Map([[40_000_123, 'Sito WordPress']]), context));
    expect(mapped.record).toMatchObject({
      id: 'thr_fl-90000001',
      context: 'project',
      project_id: 'prj_fl-40000123',
      client_id: 'cli_fl-20000007',
      subject: 'Sito WordPress',
      members: ['usr_fl-1000001', 'cli_fl-20000007'],
      unread_count: 1,
      read: false,
      message_count: 3,
      last_message_at: '2025-11-15T10:36:40Z',
      created_at: '2025-11-15T10:20:00Z',
    });
    const general = expectOk(mapThread(thread({ thread: { ...thread().thread, context: null } }), new Map(), context));
    expect(general.record).toMatchObject({ context: 'general', project_id: null, subject: '' });
    expect(mapThread(thread({ thread: { ...thread().thread, members: [selfId], owner: selfId } }), new Map(), context).ok).toBe(false);
  });

  it('maps own and client messages, reading from_user or from_user_id', () => {
    const client = expectOk(mapMessage({ id: 700_000_001, thread_id: 90_000_001, from_user: 20_000_007, message: 'Ciao!', time_created: 1_763_203_000 }, context));
    expect(client.record).toMatchObject({ id: 'msg_fl-700000001', thread_id: 'thr_fl-90000001', sender_id: 'cli_fl-20000007', from_me: false, body: 'Ciao!', sent_at: '2025-11-15T10:36:40Z' });
    // The SDK's post answer names the sender from_user_id.
    const own = expectOk(mapMessage({ id: 700_000_002, thread_id: 90_000_001, from_user_id: selfId, message: 'Grazie', time_created: 1_763_203_100 }, context));
    expect(own.record).toMatchObject({ sender_id: 'usr_fl-1000001', from_me: true });
    const senderless = mapMessage({ id: 700_000_003, thread_id: 90_000_001, message: 'x', time_created: 1 }, context);
    expect(senderless.ok).toBe(false);
    if (!senderless.ok) expect(senderless.reason).toMatch(/from_user/);
  });
});

describe('mapAccountIdentity', () => {
  it('reads who signed in, a label and the jobs the feed filters by', () => {
    const self = { id: selfId, username: 'bottega-demo', display_name: 'Giulia Bottega', primary_language: 'it', jobs: [{ id: 3, name: 'WordPress' }, { id: 4, name: 'PHP' }] };
    expect(mapAccountIdentity(self)).toEqual({
      ok: true,
      identity: { platformUserId: '1000001', label: 'Giulia Bottega', jobIds: [3, 4], jobNames: ['WordPress', 'PHP'], primaryLanguage: 'it' },
    });
    expect(mapAccountIdentity({ id: selfId, username: 'bottega-demo', display_name: '  ' })).toMatchObject({ ok: true, identity: { label: 'bottega-demo', jobIds: [], primaryLanguage: 'und' } });
    expect(mapAccountIdentity({ username: 'x' }).ok).toBe(false);
  });
});

describe('properties', () => {
  const exponents = [
    ['JPY', 0],
    ['EUR', 2],
    ['USD', 2],
    ['KWD', 3],
    ['BHD', 3],
  ] as const;

  it('the exponents are those of ISO 4217 for these currencies', () => {
    for (const [code, exponent] of exponents) expect(minorUnitDigits(code)).toBe(exponent);
  });

  it('an amount sent in major units comes back as the same integer of minor units (exponent 0, 2, 3)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...exponents), fc.integer({ min: 0, max: 10 ** 13 }), ([code, exponent], minor) => {
        // The API sends a JSON number in major units: 1234.56 for 123456 cents.
        const major = JSON.parse(JSON.stringify(minor / 10 ** exponent)) as number;
        expect(minorAmount(major, code)).toBe(minor);
      }),
    );
  });

  it('a budget maps to minor units that validate and keep their order', () => {
    fc.assert(
      fc.property(fc.constantFrom(...exponents), fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 10 ** 9 }), ([code, exponent], a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const mapped = mapProject(project({ currency: { code }, budget: { minimum: low / 10 ** exponent, maximum: high / 10 ** exponent } }), users, context);
        expect(mapped.ok).toBe(true);
        if (mapped.ok) expect(mapped.record.budget).toEqual({ min_minor: low, max_minor: high, currency: code });
      }),
    );
  });

  it('Unix seconds round-trip as ISO instants that records.ts accepts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 253_402_300_799 }), (seconds) => {
        const instant = instantFromUnix(seconds);
        expect(instant).not.toBeNull();
        expect(Date.parse(instant as string) / 1000).toBe(seconds);
        expect(recordSchemas.message.shape.sent_at.safeParse(instant).success).toBe(true);
      }),
    );
    expect(instantFromUnix(253_402_300_800)).toBeNull();
    expect(instantFromUnix(-1)).toBeNull();
  });

  it('ids are unique across kinds and numbers, valid for records.ts, and never look like a reference id', () => {
    const kinds = ['project', 'client', 'user', 'thread', 'message', 'proposal'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.constantFrom(...kinds), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (kindA, kindB, a, b) => {
        const idA = freelancerIds[kindA](a);
        const idB = freelancerIds[kindB](b);
        expect(idA === idB).toBe(kindA === kindB && a === b);
        expect(freelancerIdOf(idA)).toBe(a);
      }),
    );
    // Valid where records.ts takes each kind; the reference platform's ids (hex, random base64url of 12) are not ours.
    expect(freelancerRecordSchemas.message.shape.id.safeParse(freelancerIds.message(Number.MAX_SAFE_INTEGER)).success).toBe(true);
    expect(freelancerRecordSchemas.message.shape.sender_id.safeParse(freelancerIds.participant(7, selfId)).success).toBe(true);
    expect(freelancerIdOf('prj_00001f')).toBeNull();
    expect(freelancerIdOf('prp_Ab3-x_9QzLwE')).toBeNull();
  });

  it('never throws on arbitrary input, and what it accepts validates', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (raw, other) => {
        const results = [
          mapProject(raw, { '20000007': other }, context),
          mapClient(raw, other, context),
          mapProposal(raw, { '40000123': other }, context),
          mapThread(raw, new Map(), context),
          mapMessage(raw, context),
        ];
        for (const result of results) {
          if (result.ok) expect(freelancerRecordSchemas[result.type].safeParse(result.record).success).toBe(true);
          else expect(result.reason.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
