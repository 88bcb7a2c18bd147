/**
 * Freelancer's integer ids as the workspace's record ids. records.ts asks for `<prefix>_[A-Za-z0-9_-]{1,100}`;
 * the `fl-` namespace after the prefix keeps them apart from the reference platform's (hex such as
 * `prj_00001f` or 12 random base64url characters) and from any later connector's (its own short tag), so
 * `prj_fl-40000001` can only be Freelancer project 40000001. Kinds never collide: each has its own prefix.
 */
import { idPrefixes } from '../../../../shared/platform/primitives';

export const freelancerIdTag = 'fl';

type IdKind = 'project' | 'client' | 'user' | 'thread' | 'message' | 'proposal';

const recordId = (kind: IdKind, id: number): string => `${idPrefixes[kind]}_${freelancerIdTag}-${id}`;

export const freelancerIds = {
  project: (id: number): string => recordId('project', id),
  /** A project owner or any other user who is not the signed-in one. */
  client: (id: number): string => recordId('client', id),
  /** The signed-in user (the profile, the sender of own messages). */
  user: (id: number): string => recordId('user', id),
  thread: (id: number): string => recordId('thread', id),
  message: (id: number): string => recordId('message', id),
  /** An own bid: one proposal per bid (a retracted bid and a later one on the same project are two). */
  proposal: (bidId: number): string => recordId('proposal', bidId),
  /** A thread member or message sender: the signed-in user is `usr_`, everyone else `cli_`. */
  participant: (id: number, selfId: number): string => (id === selfId ? recordId('user', id) : recordId('client', id)),
} as const;

/** The Freelancer id inside a workspace id of this connector, or null for another platform's id. */
export const freelancerIdOf = (recordIdText: string): number | null => {
  const match = /^[a-z]{3}_fl-([1-9]\d{0,15})$/.exec(recordIdText);
  const id = match ? Number(match[1]) : null;
  return id !== null && Number.isSafeInteger(id) ? id : null;
};
