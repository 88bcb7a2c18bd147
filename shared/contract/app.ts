import { z } from 'zod';
import { defineMethod } from '../rpc/define';

export const appMethods = {
  getInfo: defineMethod(
    z.void(),
    z.object({ version: z.string(), schemaVersion: z.number().int(), host: z.enum(['electron', 'web']) }),
  ),
};
