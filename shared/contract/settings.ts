import { z } from 'zod';
import { localeSchema } from '../i18n/locales';
import { defineMethod } from '../rpc/define';

export const themes = ['system', 'light', 'dark'] as const;
export const themeSchema = z.enum(themes);
export type Theme = z.infer<typeof themeSchema>;

export const settingsSchema = z.object({
  /** null until the user picks one: the UI then follows the system's language. */
  language: localeSchema.nullable(),
  /** 'system' follows the operating system's light or dark appearance as it changes. */
  theme: themeSchema,
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsMethods = {
  getSettings: defineMethod(z.void(), settingsSchema),
  setLanguage: defineMethod(z.object({ language: localeSchema.nullable() }).strict(), settingsSchema),
  setTheme: defineMethod(z.object({ theme: themeSchema }).strict(), settingsSchema),
};

export const settingsEvents = {
  settingsChanged: settingsSchema,
};
