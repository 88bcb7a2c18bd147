import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/core';
import { hostRequestSchema } from '../../../electron/core/host-messages';
import { fromMainMessagePort } from '../../../electron/core/rpc/main-port-transport';
import { hostCoreOnParentPort } from '../../../electron/core/utility-host';
import { contract } from '../../../shared/contract';
import { createBridge, createClient } from '../../../shared/rpc/bridge';
import { createInProcessPair } from '../../../shared/rpc/transport';
import { createMainChannelStandIn } from './support/main-port-stand-in';
import { createParentPortStandIn, waitForValue } from './support/parent-port-stand-in';

/** The focused letter's language: renderer → contract → core → host request → main, and main's answer back. */
describe('spellchecker languages follow the focused letter', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reaches main as a validated host request and answers what main applied', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'bottega-spellcheck-'));
    const { parentPort, deliver, requests, answer } = createParentPortStandIn();
    const host = hostCoreOnParentPort(parentPort, { openCore });
    deliver({ type: 'init', dataDir: dir, version: '3.0.0' });
    const [coreEnd, rendererEnd] = createMainChannelStandIn();
    deliver({ type: 'connect', windowId: 1 }, [coreEnd]);
    const client = createClient(contract, createBridge(contract, fromMainMessagePort(rendererEnd)));

    const german = client.app.setSpellcheckLanguages({ languages: ['de'] });
    expect(await waitForValue(() => requests()[0])).toMatchObject({ request: { kind: 'spellcheck.set-languages', languages: ['de'] } });
    answer(requests()[0]!, ['de-DE']);
    await expect(german).resolves.toEqual({ applied: ['de-DE'] });

    // Anything but a language tag is refused at the contract and never reaches main.
    await expect(client.app.setSpellcheckLanguages({ languages: ['de; rm -rf /'] })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(client.app.setSpellcheckLanguages({ languages: [] })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(requests()).toHaveLength(1);
    // Main checks what it is asked too: the same schema on its side.
    expect(hostRequestSchema.safeParse({ kind: 'spellcheck.set-languages', languages: ['<script>'] }).success).toBe(false);

    // An answer from main that is not a list of dictionaries is an error, not a value passed along.
    const italian = client.app.setSpellcheckLanguages({ languages: ['it'] });
    await waitForValue(() => requests()[1]);
    answer(requests()[1]!, { applied: 'it-IT' });
    await expect(italian).rejects.toMatchObject({ code: 'internal' });
    await host.shutDown();
  });

  it('is a no-op where the host has no spellchecker to set (web-host, tests)', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'bottega-spellcheck-'));
    const core = await openCore({ dataDir: dir, host: 'web', version: 'test' });
    const [near, far] = createInProcessPair();
    core.serve(far);
    const client = createClient(contract, createBridge(contract, near));
    await expect(client.app.setSpellcheckLanguages({ languages: ['fr', 'en'] })).resolves.toEqual({ applied: [] });
    core.close();
  });
});
