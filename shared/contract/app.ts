import { z } from 'zod';
import { defineMethod } from '../rpc/define';

/** A language tag as the editor sets it on a variant (`de`, `pt-BR`). */
export const spellcheckLanguageSchema = z.string().regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, 'a language tag such as de or pt-BR');

export const appMethods = {
  getInfo: defineMethod(
    z.void(),
    z.object({ version: z.string(), schemaVersion: z.number().int(), host: z.enum(['electron', 'web']) }),
  ),
  /**
   * The languages the spellchecker should check now (the focused letter's, first). Electron's spellchecker is
   * per session and only main can set it; the core relays. Answers the dictionaries actually applied: none
   * where the host has no say (a browser checks by the field's `lang`, macOS by the system).
   */
  setSpellcheckLanguages: defineMethod(
    z.object({ languages: z.array(spellcheckLanguageSchema).min(1).max(3) }).strict(),
    z.object({ applied: z.array(z.string()) }),
  ),
};
