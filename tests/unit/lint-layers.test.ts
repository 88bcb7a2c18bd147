import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

const restrictedImports = async (file: string, source: string): Promise<number> => {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return result!.messages.filter((message) => message.ruleId === 'no-restricted-imports').length;
};

// The layer rules are part of the lint run of `npm test`; this proves they fire and let allowed imports pass.
describe('layer rules', () => {
  it.each([
    ['shared/rpc/x.ts', "import { readFileSync } from 'node:fs';"],
    ['shared/rpc/x.ts', "import path from 'path';"],
    ['shared/rpc/x.ts', "import { app } from 'electron';"],
    ['shared/rpc/x.ts', "import { useState } from 'react';"],
    ['shared/rpc/x.ts', "import { openCore } from '../../electron/core/core';"],
    ['renderer/src/x.ts', "import { openCore } from '../../electron/core/core';"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';"],
    ['renderer/src/x.ts', "import Database from 'better-sqlite3';"],
    ['renderer/src/x.ts', "import { readFile } from 'node:fs/promises';"],
    ['electron/core/x.ts', "import { app } from 'electron';"],
    ['electron/core/x.ts', "import { createWindow } from '../main/window';"],
    ['electron/main/x.ts', "import { openCore } from '../core/core';"],
    ['electron/main/policy/x.ts', "import { shell } from 'electron';"],
    ['electron/main/x.ts', "import { startWebHost } from '../web-host/web-host';"],
    ['electron/preload/x.ts', "import { openCore } from '../core/core';"],
    ['electron/web-host/x.ts', "import { app } from 'electron';"],
  ])('%s may not: %s', async (file, source) => {
    expect(await restrictedImports(file, `${source}\nexport const used = 1;\n`)).toBeGreaterThan(0);
  });

  it.each([
    ['shared/rpc/x.ts', "import { z } from 'zod';"],
    ['renderer/src/x.ts', "import { contract } from '../../shared/contract';"],
    ['electron/core/x.ts', "import { readFileSync } from 'node:fs';"],
    ['electron/main/x.ts', "import type { Core } from '../core/core';"],
    ['electron/main/x.ts', "import { portChannel } from '../port-handshake';"],
    ['electron/preload/x.ts', "import { portChannel } from '../port-handshake';"],
    ['electron/web-host/x.ts', "import { openCore } from '../core/core';"],
  ])('%s may: %s', async (file, source) => {
    expect(await restrictedImports(file, `${source}\nexport const used = 1;\n`)).toBe(0);
  });

  it("shared/ imports JSON only with { type: 'json' }, which Node's own loader (Playwright's specs) asks for", async () => {
    const syntax = async (source: string): Promise<string[]> => {
      const [result] = await eslint.lintText(`${source}\nexport const used = names;\n`, { filePath: path.join(root, 'shared/domain/x.ts') });
      return result!.messages.filter((message) => message.ruleId === 'no-restricted-syntax').map((message) => message.message);
    };
    expect(await syntax("import names from '../locales/de/skills.json';")).toEqual([expect.stringContaining("with { type: 'json' }")]);
    expect(await syntax("import names from '../locales/de/skills.json' with { type: 'json' };")).toEqual([]);
  });
});
