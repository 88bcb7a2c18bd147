import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.renderer.config';

const fromRoot = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig(({ command }) => {
  // Development only: one nonce per `electron-vite dev` run lets Vite's injected tags pass the dev CSP
  // without 'unsafe-inline'. The main process (a child of this one) reads it from the environment.
  const devNonce = command === 'serve' ? randomBytes(18).toString('base64url') : undefined;
  if (devNonce) process.env['BOTTEGA_DEV_CSP_NONCE'] = devNonce;

  return {
    main: {
      // The OAuth client id of the app registered with Freelancer.com (not a secret: a public client, PKCE, no
      // client secret). Unset: the build offers only the personal access token (electron/core/build-config.ts).
      define: { __BOTTEGA_FREELANCER_CLIENT_ID__: JSON.stringify(process.env['BOTTEGA_FREELANCER_CLIENT_ID'] ?? '') },
      build: {
        outDir: fromRoot('./out/main'),
        // Bundle everything but the native addon: out/main stays self-contained apart from better-sqlite3.
        externalizeDeps: false,
        rolldownOptions: {
          input: {
            index: fromRoot('./electron/main/index.ts'),
            // The core's utility-process entry, forked by the main process as out/main/core.js.
            core: fromRoot('./electron/core/utility-entry.ts'),
            // The core's feed parser thread for first syncs (electron/core/sync/feed-parser.ts finds it here).
            'feed-parser-worker': fromRoot('./electron/core/sync/feed-parser-worker.ts'),
            // The Freelancer page reader's thread for first syncs (electron/core/connectors/freelancer/page-source.ts).
            'page-reader-worker': fromRoot('./electron/core/connectors/freelancer/page-reader-worker.ts'),
          },
          external: ['better-sqlite3'],
        },
      },
    },
    preload: {
      build: {
        outDir: fromRoot('./out/preload'),
        // Sandboxed preloads can require only 'electron': every other dependency is inlined, in CommonJS.
        externalizeDeps: false,
        isolatedEntries: true,
        rolldownOptions: {
          input: { index: fromRoot('./electron/preload/index.ts') },
          output: { format: 'cjs', entryFileNames: '[name].cjs' },
        },
      },
    },
    renderer: {
      ...rendererConfig,
      ...(devNonce ? { html: { ...rendererConfig.html, cspNonce: devNonce } } : {}),
      build: {
        ...rendererConfig.build,
        rolldownOptions: { input: fromRoot('./renderer/index.html') },
      },
    },
  };
});
