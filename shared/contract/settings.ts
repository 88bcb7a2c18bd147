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

/** The screens whose list and detail sit side by side, each with its own split. */
export const paneIds = ['feed', 'clients', 'messages', 'proposals'] as const;
export const paneIdSchema = z.enum(paneIds);
export type PaneId = z.infer<typeof paneIdSchema>;
/** The list's share of a screen's split, in percent; the bounds keep a stored value from hiding either pane. */
export const paneSizeSchema = z.number().finite().min(10).max(90);
/** The splits the user has set; one never moved is absent and keeps its default. */
export const paneSizesSchema = z.partialRecord(paneIdSchema, paneSizeSchema);
export type PaneSizes = z.infer<typeof paneSizesSchema>;

export const settingsMethods = {
  getSettings: defineMethod(z.void(), settingsSchema),
  setLanguage: defineMethod(z.object({ language: localeSchema.nullable() }).strict(), settingsSchema),
  setTheme: defineMethod(z.object({ theme: themeSchema }).strict(), settingsSchema),
  getPaneSizes: defineMethod(z.void(), paneSizesSchema),
  setPaneSize: defineMethod(z.object({ pane: paneIdSchema, listPercent: paneSizeSchema }).strict(), paneSizesSchema),
};

export const settingsEvents = {
  settingsChanged: settingsSchema,
};
