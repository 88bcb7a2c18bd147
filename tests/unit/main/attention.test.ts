import { describe, expect, it, vi } from 'vitest';
import { forkedChildren } from './support/utility-process-stand-in';
import { createAttentionService } from '../../../electron/main/native/attention';
import { createShellTranslator } from '../../../electron/main/native/shell-i18n';

// Main's side of the utility process: messages the core posts arrive as its 'message' events.
vi.mock('electron', async () => (await import('./support/utility-process-stand-in')).electronStandIn);

const { startCoreProcess } = await import('../../../electron/main/core-process');

/** Main's wiring (electron/main/index.ts): the core's search-matches messages go to the attention service. */
const setUp = () => {
  const shown: { title: string; body: string }[] = [];
  let focused = 0;
  const attention = createAttentionService(
    {
      notify: (title, body, onClick) => {
        shown.push({ title, body });
        onClick();
      },
    },
    { t: createShellTranslator('it'), focus: () => focused++ },
  );
  startCoreProcess({
    entryPath: 'core.js',
    dataDir: '/tmp/none',
    version: '1.0.0',
    platformUrl: null,
    onRestarted: () => undefined,
    onFatal: () => undefined,
    updateState: () => ({ currentVersion: '1.0.0', channel: 'stable', status: { phase: 'idle' } }),
    onLanguage: () => undefined,
    onSearchMatches: (search, count) => attention.notifySearchMatches(search, count),
    onHostRequest: async () => null,
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  return { core: forkedChildren.at(-1)!, attention, shown, focused: () => focused };
};

describe('saved-search notifications, from the core’s message to the native notification', () => {
  it('shows the count and the user’s search name in the app’s language, and a click focuses the window', () => {
    const { core, attention, shown, focused } = setUp();
    core.emit('message', { type: 'search-matches', search: 'React Milano', count: 2 });
    attention.setTranslator(createShellTranslator('fr'));
    core.emit('message', { type: 'search-matches', search: 'React Milano', count: 1 });
    expect(shown).toEqual([
      { title: 'Bottega', body: createShellTranslator('it')('notifications.searchMatches', { count: 2, search: 'React Milano' }) },
      { title: 'Bottega', body: createShellTranslator('fr')('notifications.searchMatches', { count: 1, search: 'React Milano' }) },
    ]);
    expect(shown[0]!.body).toBe('2 nuovi progetti corrispondono a “React Milano”');
    expect(shown[1]!.body).not.toBe(createShellTranslator('en')('notifications.searchMatches', { count: 1, search: 'React Milano' }));
    expect(focused()).toBe(2);
  });

  it('puts a name on one line and cuts it short; shows nothing for messages the contract refuses', () => {
    const { core, shown } = setUp();
    core.emit('message', { type: 'search-matches', search: '  React\n\t Milano ', count: 1 });
    core.emit('message', { type: 'search-matches', search: 'x'.repeat(150), count: 3 });
    // Refused by the host message schema: no count, a name over 200 characters, not a message at all.
    core.emit('message', { type: 'search-matches', search: 'Vuoto', count: 0 });
    core.emit('message', { type: 'search-matches', search: 'y'.repeat(201), count: 1 });
    core.emit('message', 'search-matches');
    // A name of blanks only says nothing worth a notification.
    core.emit('message', { type: 'search-matches', search: ' \n ', count: 4 });
    expect(shown.map((notification) => notification.body)).toEqual([
      '1 nuovo progetto corrisponde a “React Milano”',
      `3 nuovi progetti corrispondono a “${'x'.repeat(80)}”`,
    ]);
  });
});
