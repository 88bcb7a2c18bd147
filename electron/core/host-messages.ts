import { z } from 'zod';
import { spellcheckLanguageSchema } from '../../shared/contract/app';
import { backgroundSettingsSchema, noticeSchema, unreadTotalsSchema } from '../../shared/contract/attention';
import { themeSchema } from '../../shared/contract/settings';
import { activityStates } from '../../shared/domain/attention';
import { isAllowedSignInPage } from '../../shared/domain/sign-in-pages';
import { deepLinkTargetSchema, updateChannelSchema, updateStateSchema } from '../../shared/contract/updates';
import { localeSchema } from '../../shared/i18n/locales';
import { logLevels, maxLogMessageLength } from './log-record';
import { secretKeySchema, secretValueSchema } from './secrets/secret-store';

/**
 * What the Electron main process and the core's utility process say to each other over
 * `process.parentPort`. Both sides import this module and validate every message with it.
 * (The renderer's RPC never travels here: it has its own MessagePort per window.)
 */

/** What the core asks of main: updater actions and spellchecker languages on the renderer's behalf, and the safeStorage vault. */
export const hostRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('updates.check') }),
  z.object({ kind: z.literal('updates.restart') }),
  z.object({ kind: z.literal('updates.set-channel'), channel: updateChannelSchema }),
  z.object({ kind: z.literal('spellcheck.set-languages'), languages: z.array(spellcheckLanguageSchema).min(1).max(3) }),
  z.object({ kind: z.literal('secrets.read'), key: secretKeySchema }),
  z.object({ kind: z.literal('secrets.write'), key: secretKeySchema, value: secretValueSchema }),
  z.object({ kind: z.literal('secrets.delete'), key: secretKeySchema }),
  /** An OAuth sign-in page for the system browser; main opens only allowed pages (shared/domain/sign-in-pages.ts). */
  z.object({ kind: z.literal('browser.open'), url: z.string().max(4096).refine(isAllowedSignInPage, 'not an allowed sign-in page') }),
]);
export type HostRequest = z.infer<typeof hostRequestSchema>;

/** The answer's value, checked per request kind by the core (hostAnswerSchemas). */
export const hostAnswerSchemas = {
  'updates.check': updateStateSchema,
  'updates.restart': z.object({ accepted: z.boolean() }),
  'updates.set-channel': updateStateSchema,
  /** The dictionaries main applied (Electron's names, e.g. de-DE). */
  'spellcheck.set-languages': z.array(z.string().max(20)).max(3),
  'secrets.read': secretValueSchema.nullable(),
  'secrets.write': z.null(),
  'secrets.delete': z.null(),
  'browser.open': z.null(),
} satisfies Record<HostRequest['kind'], z.ZodType>;
export type HostAnswer<K extends HostRequest['kind']> = z.infer<(typeof hostAnswerSchemas)[K]>;

const requestIdSchema = z.number().int().nonnegative();

export const hostToCoreMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('init'),
    dataDir: z.string().min(1),
    version: z.string().min(1),
    updateState: updateStateSchema.optional(),
    /** The platform API the workspace syncs with; absent keeps it offline-only. */
    platformUrl: z.url({ protocol: /^https?$/ }).nullable().optional(),
  }),
  /** Carries one MessagePortMain in `event.ports`: a renderer's end of the RPC. */
  z.object({ type: z.literal('connect'), windowId: z.number().int().nonnegative() }),
  z.object({ type: z.literal('shutdown') }),
  /** The updater's state changed; the core re-emits it to renderers as `updateStateChanged`. */
  z.object({ type: z.literal('update-state'), state: updateStateSchema }),
  /** No window is open (closed to the tray) or one is again: the sync slows down in the background. */
  z.object({ type: z.literal('activity'), state: z.enum(activityStates) }),
  /** The machine runs on battery (or no longer): the sync polls one step more quietly. */
  z.object({ type: z.literal('power'), onBattery: z.boolean() }),
  /** A native notification was clicked while a window was open: the core tells the windows to open its item. */
  z.object({ type: z.literal('open-notice'), notice: noticeSchema }),
  /** A validated `bottega://` link; the core emits it to renderers as `deepLinkOpened`. */
  z.object({ type: z.literal('deep-link'), target: deepLinkTargetSchema }),
  /** Main's answer to one `host-request`; `message` is for the log, never shown with secrets in it. */
  z.object({
    type: z.literal('host-response'),
    id: requestIdSchema,
    result: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), value: z.unknown() }),
      z.object({ ok: z.literal(false), message: z.string() }),
    ]),
  }),
]);

/** Why the core could not open the workspace, as main tells the user (translated); storage problems start in recovery instead. */
export const coreStartProblemSchema = z.discriminatedUnion('code', [
  /** Written by a newer Bottega: the file is left untouched until Bottega is updated. */
  z.object({ code: z.literal('too_new'), found: z.number().int(), supported: z.number().int() }),
  z.object({ code: z.literal('unexpected') }),
]);
export type CoreStartProblem = z.infer<typeof coreStartProblemSchema>;

export const coreToHostMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), schemaVersion: z.number().int() }),
  /** The core could not open the workspace (e.g. a database from a newer Bottega): `problem` is shown to the user, `message` logged. */
  z.object({ type: z.literal('failed'), problem: coreStartProblemSchema, message: z.string().max(maxLogMessageLength + 1) }),
  /** One line of the core's log (already redacted): main writes it to electron-log, scope "core". */
  z.object({ type: z.literal('log'), level: z.enum(logLevels), message: z.string().max(maxLogMessageLength + 1) }),
  /** The app's language setting (null: follow the system), so menus and tray speak it too. */
  z.object({ type: z.literal('language'), language: localeSchema.nullable() }),
  /** The app's theme setting, so native menus, dialogs and the title bar follow it (nativeTheme.themeSource). */
  z.object({ type: z.literal('theme'), theme: themeSchema }),
  /** What a sync round brought that deserves a notice (the attention policy decided): main shows them natively. */
  z.object({ type: z.literal('notices'), notices: z.array(noticeSchema).min(1).max(50) }),
  /** Unread messages outside muted threads: the dock / taskbar badge and the tray. */
  z.object({ type: z.literal('unread'), totals: unreadTotalsSchema }),
  /** Close to tray and launch at login, at start and on every change. */
  z.object({ type: z.literal('background'), settings: backgroundSettingsSchema }),
  z.object({ type: z.literal('host-request'), id: requestIdSchema, request: hostRequestSchema }),
]);

export type HostToCoreMessage = z.infer<typeof hostToCoreMessageSchema>;
export type CoreToHostMessage = z.infer<typeof coreToHostMessageSchema>;
