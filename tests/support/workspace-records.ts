import type { Client, Message, Profile, Project, Proposal, Thread } from '../../shared/platform/records';

/** Platform records for workspace tests, valid by the platform's schemas, with overridable fields. */
const at = '2026-11-20T10:00:00.000Z';

export const makeProject = (id: string, overrides: Partial<Project> = {}): Project => ({
  id,
  version: 1,
  client_id: 'cli_1',
  title: 'A project',
  description: 'Something to build.',
  language: 'en',
  category: 'web_development',
  kind: 'fixed',
  budget: { min_minor: 50_000, max_minor: 100_000, currency: 'EUR' },
  skills: ['React'],
  country: 'IT',
  remote: true,
  bid_count: 0,
  status: 'open',
  questions: [],
  deadline: null,
  posted_at: at,
  updated_at: at,
  ...overrides,
});

export const makeClient = (id: string, overrides: Partial<Client> = {}): Client => ({
  id,
  version: 1,
  name: 'Giulia Rossi',
  company: 'Cantina Rossi',
  country: 'IT',
  city: 'Verona',
  primary_language: 'it',
  languages: ['it', 'en'],
  reputation: 4.7,
  reviews_count: 12,
  payment_verified: true,
  projects_posted: 3,
  registered_at: '2020-01-01T00:00:00.000Z',
  updated_at: at,
  ...overrides,
});

export const makeThread = (id: string, overrides: Partial<Thread> = {}): Thread => ({
  id,
  version: 1,
  context: 'general',
  project_id: null,
  client_id: 'cli_1',
  subject: 'Hello',
  members: ['usr_demo', 'cli_1'],
  unread_count: 0,
  read: true,
  muted: false,
  message_count: 0,
  last_message_at: at,
  created_at: at,
  updated_at: at,
  ...overrides,
});

export const makeMessage = (id: string, overrides: Partial<Message> = {}): Message => ({
  id,
  version: 1,
  thread_id: 'thr_1',
  sender_id: 'cli_1',
  from_me: false,
  body: 'Hello there',
  attachments: [],
  sent_at: at,
  read_at: null,
  ...overrides,
});

export const makeProfile = (overrides: Partial<Profile> = {}): Profile => ({
  id: 'usr_demo',
  version: 1,
  name: 'Demo',
  country: 'IT',
  city: null,
  hourly_rate_minor: 5_000,
  currency: 'EUR',
  skills: ['React', 'TypeScript'],
  languages: [
    { tag: 'it', level: 'native' },
    { tag: 'en', level: 'fluent' },
  ],
  avatar_id: null,
  default_locale: 'it',
  variants: {},
  updated_at: at,
  ...overrides,
});

export const makeProposal = (id: string, overrides: Partial<Proposal> = {}): Proposal => ({
  id,
  version: 1,
  project_id: 'prj_1',
  status: 'submitted',
  kind: 'fixed',
  amount_minor: 80_000,
  currency: 'EUR',
  period_days: 14,
  milestones: [],
  default_locale: 'it',
  variants: {},
  portfolio_item_ids: [],
  answers: [],
  sealed: false,
  paid_minor: 0,
  submitted_at: at,
  decided_at: null,
  created_at: at,
  updated_at: at,
  ...overrides,
});
