import { z } from 'zod';
import { localeSchema } from '../i18n/locales';
import { defineMethod } from '../rpc/define';

export const settingsSchema = z.object({
  /** null until the user picks one: the UI then follows the system's language. */
  language: localeSchema.nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsMethods = {
  getSettings: defineMethod(z.void(), settingsSchema),
  setLanguage: defineMethod(z.object({ language: localeSchema.nullable() }).strict(), settingsSchema),
};

export const settingsEvents = {
  settingsChanged: settingsSchema,
};
