import { z } from 'zod';
import { accountFilterSchema } from '../domain/accounts';
import { clientSummarySchema, projectSummarySchema, proposalSummarySchema } from '../domain/project';
import { defineMethod } from '../rpc/define';
import { threadSummarySchema } from './messages';

const clientIdSchema = z.string().min(1).max(200);

export const clientDetailSchema = clientSummarySchema.extend({
  projects: z.array(projectSummarySchema),
  threads: z.array(threadSummarySchema),
  proposals: z.array(proposalSummarySchema),
  /** The user's private note on this client: local only, never sent to the platform. */
  note: z.string(),
  noteUpdatedAt: z.string().nullable(),
});
export type ClientDetail = z.infer<typeof clientDetailSchema>;

export const clientsMethods = {
  /** By name; `text` searches name and company (accents optional, prefix). */
  listClients: defineMethod(
    z
      .object({
        text: z.string().max(200).default(''),
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().positive().max(500).default(100),
        /** Only these accounts' clients; empty: every account's. */
        accountIds: accountFilterSchema.default([]),
      })
      .strict(),
    z.object({ total: z.number().int().nonnegative(), items: z.array(clientSummarySchema) }),
  ),
  getClient: defineMethod(z.object({ id: clientIdSchema }).strict(), clientDetailSchema.nullable()),
  saveClientNote: defineMethod(
    z.object({ clientId: clientIdSchema, body: z.string().max(20_000) }).strict(),
    z.object({ updatedAt: z.string() }),
  ),
};
