/**
 * A poll's page, from request to records: sent, its answer parsed and checked, each entry mapped (mapping.ts)
 * and the page's users mapped as clients. Pure but for the fetch, so that it runs on the core's thread or on
 * the page reader's (page-source.ts decides).
 */
import { type ExchangeSettings, fetchAnswer, type FreelancerAnswer, type FreelancerRequest, readResultWith, type ResultReader } from './api-client';
import { bidsPageSchema, messagesPageSchema, projectsPageSchema, threadsPageSchema } from './api-schemas';
import { type IdMap, type MapContext, type Mapped, mapClient, mapMessage, mapProject, mapProposal, mapThread } from './mapping';
import type { PollResource } from './poller';
import type { FreelancerRecordType } from './record-schemas';

export type MappedRecord = { [T in FreelancerRecordType]: Mapped<T> }[FreelancerRecordType];

/** An entry's id and time, for the poller; null for one too unreadable to have them (still counted for the offset). */
export type PageEntry = { id: number; time: number } | null;

/**
 * A page read: its entries for the poller, and what they map to, mapped when asked (an everyday poll's page holds
 * mostly entries it has seen, which are never mapped).
 */
export type PageData = {
  count: number;
  entries: PageEntry[];
  totalCount: number | null;
  /** What the entry at `index` maps to (a bid brings its project too). */
  records: (index: number) => MappedRecord[];
  /** The answer's users (the owners of its projects and threads, not the signed-in user) as clients. */
  clients: () => MappedRecord[];
};

/** A page with everything mapped, as the page reader's thread hands it over (functions do not cross threads). */
export type MappedPage = Omit<PageData, 'records' | 'clients'> & { records: MappedRecord[][]; clients: MappedRecord[] };

export const mapWholePage = (page: PageData): MappedPage => ({
  ...page,
  records: Array.from({ length: page.count }, (_, index) => page.records(index)),
  clients: page.clients(),
});

export const pageOfMapped = (page: MappedPage): PageData => ({ ...page, records: (index) => page.records[index] ?? [], clients: () => page.clients });

/** A stored project's title, for a thread's subject. */
export type ProjectTitle = (projectId: number) => string | undefined;

const pageSchemas = { projects: projectsPageSchema, bids: bidsPageSchema, threads: threadsPageSchema, messages: messagesPageSchema } as const;

const entryOf = (raw: unknown, timeKey: string, nested?: string): PageEntry => {
  const holder = nested && raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[nested] : raw;
  const id = holder && typeof holder === 'object' ? (holder as Record<string, unknown>).id : undefined;
  const time = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[timeKey] : undefined;
  return typeof id === 'number' && typeof time === 'number' ? { id, time } : null;
};

const clientsOf = (users: IdMap, context: MapContext): MappedRecord[] =>
  Object.entries(users)
    .filter(([id]) => Number(id) !== context.selfId)
    .map(([, user]) => mapClient(user, undefined, context));

type PageValue<R extends PollResource> = ReturnType<(typeof pageSchemas)[R]['parse']>;

/** A checked page of `resource`, its records mapped when asked. Pure: `projectTitle` only names a thread's subject. */
export const mapPage = <R extends PollResource>(resource: R, page: PageValue<R>, context: MapContext, projectTitle?: ProjectTitle): PageData => {
  switch (resource) {
    case 'projects': {
      const value = page as PageValue<'projects'>;
      return {
        count: value.projects.length,
        entries: value.projects.map((raw) => entryOf(raw, 'time_submitted')),
        totalCount: value.total_count ?? null,
        records: (index) => [mapProject(value.projects[index], value.users, context)],
        clients: () => clientsOf(value.users, context),
      };
    }
    case 'bids': {
      // project_details: each bid's project comes along, so its proposal has the project it belongs to.
      const value = page as PageValue<'bids'>;
      return {
        count: value.bids.length,
        entries: value.bids.map((raw) => entryOf(raw, 'time_submitted')),
        totalCount: value.total_count ?? null,
        records: (index) => {
          const bid = value.bids[index];
          const projectId = bid && typeof bid === 'object' ? (bid as { project_id?: unknown }).project_id : undefined;
          const project = typeof projectId === 'number' ? value.projects[String(projectId)] : undefined;
          return [...(project === undefined ? [] : [mapProject(project, value.users, context)]), mapProposal(bid, value.projects, context)];
        },
        clients: () => clientsOf(value.users, context),
      };
    }
    case 'threads': {
      const value = page as PageValue<'threads'>;
      const titles = new Map<number, string>();
      return {
        count: value.threads.length,
        entries: value.threads.map((raw) => entryOf(raw, 'time_updated', 'thread')),
        totalCount: null,
        records: (index) => {
          const raw = value.threads[index];
          const projectId = (raw as { thread?: { context?: { id?: unknown } } } | null)?.thread?.context?.id;
          const title = typeof projectId === 'number' ? projectTitle?.(projectId) : undefined;
          if (title !== undefined) titles.set(projectId as number, title);
          return [mapThread(raw, titles, context)];
        },
        clients: () => clientsOf(value.users, context),
      };
    }
    case 'messages': {
      const value = page as PageValue<'messages'>;
      return {
        count: value.messages.length,
        entries: value.messages.map((raw) => entryOf(raw, 'time_created')),
        totalCount: value.unfiltered_count ?? null,
        records: (index) => [mapMessage(value.messages[index], context)],
        clients: () => [],
      };
    }
  }
  throw new Error(`no such resource: ${String(resource)}`);
};

/** An answer's result read as a page of `resource` and mapped. */
export const readPageResult =
  (resource: PollResource, context: MapContext, projectTitle?: ProjectTitle): ResultReader<PageData> =>
  (result) => {
    const checked = readResultWith(pageSchemas[resource])(result);
    return checked.ok ? { ...checked, value: mapPage(resource, checked.value as PageValue<typeof resource>, context, projectTitle) } : checked;
  };

export type PageRead = { resource: PollResource; request: FreelancerRequest; context: MapContext };

export type PageWorkerRequest = PageRead & { settings: ExchangeSettings; token: string };

/** In the worker: one page fetched with the token it was handed, and all of it mapped (a first sync stores it all). */
export const readPageOnWorker = async ({ settings, request, token, resource, context }: PageWorkerRequest): Promise<FreelancerAnswer<MappedPage>> => {
  const answer = await fetchAnswer(settings, request, token, readPageResult(resource, context));
  return answer.ok ? { ...answer, value: mapWholePage(answer.value) } : answer;
};
