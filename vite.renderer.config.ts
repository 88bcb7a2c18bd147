import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { contentSecurityPolicy } from './shared/security/content-security-policy.ts';

const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./out/renderer', import.meta.url));

/** The CSP as a meta tag too (defence in depth: every host also sends it as a header). */
const cspMeta = (): Plugin => ({
  name: 'bottega-csp-meta',
  apply: 'build',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy({ meta: true }) }, injectTo: 'head-prepend' },
  ],
});

/** Shared by the web build (web-host, e2e tests) and electron-vite's renderer build. */
export const rendererConfig: UserConfig = {
  root: rendererRoot,
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'chrome140',
    // Inline scripts would need 'unsafe-inline'; keep every asset a file.
    assetsInlineLimit: 0,
  },
  server: { fs: { allow: [fileURLToPath(new URL('.', import.meta.url))] } },
};

export default defineConfig(rendererConfig);
