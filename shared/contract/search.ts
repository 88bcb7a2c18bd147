import { z } from 'zod';
import { accountBadgeSchema } from '../domain/accounts';
import { defineMethod } from '../rpc/define';

export const quickFindKinds = ['project', 'client', 'thread', 'proposal'] as const;

export const quickFindItemSchema = z.object({
  kind: z.enum(quickFindKinds),
  id: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  /** The account the record came from (its platform badge); null for a local one. */
  account: accountBadgeSchema.nullable(),
});
export type QuickFindItem = z.infer<typeof quickFindItemSchema>;

export const searchMethods = {
  /** The command palette: projects, clients, conversations and proposals whose name starts with the words typed. */
  quickFind: defineMethod(
    z.object({ text: z.string().max(200), limit: z.number().int().positive().max(20).default(5) }).strict(),
    z.array(quickFindItemSchema),
  ),
};
