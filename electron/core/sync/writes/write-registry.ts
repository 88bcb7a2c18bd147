import type { z } from 'zod';
import type { AnyWriteUnit } from '../write-unit';
import { postForumReply } from './community-writes';
import { markThreadRead, postMessage } from './message-writes';
import { deletePortfolioItem, putPortfolioItem } from './portfolio-item-writes';
import { putProfile } from './profile-writes';
import { createProposal, updateProposal, withdrawProposal } from './proposal-writes';
import { uploadImage } from './upload-writes';

/** Each key must be its unit's own name: with the literal's keys unique, so are the names. */
const keyedByName = <const T extends { [Name in keyof T]: AnyWriteUnit & { name: Name } }>(units: T): T => units;

/** Every kind of write the workspace queues for the platform, by the name it has in the outbox. */
export const writeUnits = keyedByName({
  post_message: postMessage,
  mark_thread_read: markThreadRead,
  post_forum_reply: postForumReply,
  create_proposal: createProposal,
  update_proposal: updateProposal,
  withdraw_proposal: withdrawProposal,
  put_portfolio_item: putPortfolioItem,
  delete_portfolio_item: deletePortfolioItem,
  put_profile: putProfile,
  upload_image: uploadImage,
});

export type WriteName = keyof typeof writeUnits;
export type WritePayload<Name extends WriteName> = z.output<(typeof writeUnits)[Name]['payload']>;

/** The unit an outbox row names, or undefined for a name no unit has (a row from another version of the app). */
export const findWriteUnit = (name: string): AnyWriteUnit | undefined => {
  const byName: Record<string, AnyWriteUnit> = writeUnits;
  return Object.hasOwn(byName, name) ? byName[name] : undefined;
};
