import { z } from 'zod';
import { defineMethod } from '../rpc/define';

export const messageStates = ['synced', 'pending', 'failed'] as const;

export const messagesMethods = {
  /** Shown at once as pending, sent when the platform is reachable, exactly once. */
  sendMessage: defineMethod(
    z.object({ threadId: z.string().min(1).max(200), body: z.string().trim().min(1).max(20_000) }).strict(),
    z.object({ id: z.string(), state: z.enum(messageStates) }),
  ),
};
