import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The layer rules of the design: what each part of the tree may import. Enforced here, not in review.
// Bare built-in names are matched exactly (a folder may well be called "domain"); `node:` ones by pattern.
const nodeBuiltins = 'node built-ins';
const builtinPaths = builtinModules.filter((name) => !name.startsWith('_') && !name.startsWith('node:'));
const noImports = (...groups) => {
  const builtins = groups.find(([group]) => group === nodeBuiltins);
  const patterns = groups.map(([group, message, extra]) => ({
    group: group === nodeBuiltins ? ['node:*'] : group,
    message,
    ...extra,
  }));
  const paths = builtins ? builtinPaths.map((name) => ({ name, message: builtins[1] })) : [];
  return { 'no-restricted-imports': ['error', { paths, patterns }] };
};

const noEnum = { selector: 'TSEnumDeclaration', message: 'Use an `as const` array with a union type (or z.enum), not enum.' };

// The design system replaces what the OS draws in its own style and language (Electron's confirm says OK/Cancel
// in English; a native <select> opens the OS's menu, unthemed, without type-ahead across words).
const noNativeSelect = {
  selector: "JSXOpeningElement[name.name='select']",
  message: 'No native <select>: use Select (one choice) or SkillsPicker / a Picker (many) from renderer/src/ui.',
};
const noNativeDialogs = ['confirm', 'alert', 'prompt'].map((name) => ({
  name,
  message: `No window.${name}: use useConfirm() / ConfirmDialog / PromptDialog or showToast() from renderer/src/ui/dialog.tsx and toast.tsx.`,
}));
// shared/ also runs under Node's own module loader (Playwright's specs load it without a bundler), which refuses a
// JSON import without its attribute.
const jsonWithAttribute = {
  selector: "ImportDeclaration[source.value=/\\.json$/][attributes.length=0]",
  message: "Import JSON with { type: 'json' }: Node's own loader (Playwright's specs) refuses it otherwise.",
};
export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tools/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', noEnum],
    },
  },
  {
    files: ['electron/**/*.{ts,tsx}', 'shared/**/*.ts', 'renderer/src/**/*.{ts,tsx}'],
    rules: { 'no-restricted-exports': ['error', { restrictDefaultExports: { direct: true } }] },
  },
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', noEnum, jsonWithAttribute] },
  },
  {
    files: ['shared/**/*.ts'],
    rules: noImports(
      [['electron', 'electron/*'], 'shared/ is pure: no Electron.'],
      [nodeBuiltins, 'shared/ is pure: no Node built-ins (it runs in the renderer too).'],
      [['react', 'react-*', 'react/*', 'better-sqlite3', 'ws'], 'shared/ is pure: no React, SQLite or sockets.'],
      [['**/electron/**', '**/renderer/**', '**/tests/**'], 'shared/ imports nothing above it.'],
    ),
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // Only matters under the React Compiler, which Bottega does not use.
      'react-hooks/incompatible-library': 'off',
      ...noImports(
        [['electron', 'electron/*'], 'The renderer reaches the core only through the contract client.'],
        [nodeBuiltins, 'The renderer runs sandboxed: no Node built-ins.'],
        [['better-sqlite3', 'ws'], 'The renderer never touches the database or opens sockets of its own.'],
        [['**/electron/**', '**/tests/**'], 'renderer/ never imports electron/: use shared/contract.'],
      ),
    },
  },
  {
    files: ['renderer/src/**/*.tsx'],
    rules: { 'no-restricted-syntax': ['error', noEnum, noNativeSelect] },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    rules: {
      // A global only: the `confirm` that useConfirm() returns is a local and passes.
      'no-restricted-globals': ['error', ...noNativeDialogs],
      'no-restricted-properties': ['error', ...['window', 'globalThis', 'self'].flatMap((object) => noNativeDialogs.map(({ name, message }) => ({ object, property: name, message })))],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: noImports(
      [['electron', 'electron/*'], "electron/core runs in plain Node (web-host, tests): never import 'electron'."],
      [['react', 'react-*'], 'The core has no UI.'],
      [['**/main/**', '**/preload/**', '**/web-host/**', '**/renderer/**'], 'The core is hosted; it imports no host.'],
    ),
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: noImports(
      [['react', 'react-*', '**/renderer/**', '**/web-host/**', '**/preload/**'], 'The main process is a thin host.'],
      [
        ['**/core/**', '!**/core/host-messages', '!**/core/storage', '**/core/storage/*', '!**/core/storage/durable-file'],
        'The core runs in its own process: main may import its types, the host message schema and the durable file writer only.',
        { allowTypeImports: true },
      ],
    ),
  },
  {
    files: ['electron/main/policy/**/*.ts'],
    rules: noImports([['electron', 'electron/*'], 'Security policies are pure functions, tested in plain Node.']),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: noImports(
      [nodeBuiltins, 'The preload is sandboxed: no Node built-ins.'],
      [['**/core/**', '**/main/**', '**/renderer/**', '**/web-host/**'], 'The preload exposes shared/contract only.'],
    ),
  },
  {
    files: ['electron/web-host/**/*.ts'],
    rules: noImports(
      [['electron', 'electron/*'], 'web-host runs without Electron.'],
      [['**/main/**', '**/preload/**', '**/renderer/src/**'], 'web-host hosts the core and serves the built renderer.'],
    ),
  },
);
