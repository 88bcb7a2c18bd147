/**
 * The core's side of `npm run bench -- connectors`: a fresh workspace adds a Freelancer account on the fixture
 * and runs its first sync through the connector (every due resource to the end), in its own process so that its
 * memory and CPU are its own. Then (mode `poll`, the default; not `sync`) an hour of polling with nothing new, on a
 * simulated clock (each round at the time the connector asked for): the CPU this process spent on it. Prints one
 * JSON line.
 */
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openWritableDatabase } from '../../electron/core/db/database';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { insertAccount } from '../../electron/core/db/repositories/accounts-repository';
import { freelancerConnector } from '../../electron/core/connectors/freelancer/connector';
import { createFileSecretStore } from '../../electron/core/secrets/secret-store';

const [fixtureUrl, dataDir, token, mode = 'poll'] = process.argv.slice(2) as [string, string, string, ('poll' | 'sync')?];
const file = path.join(dataDir, 'workspace.sqlite');
const db = openWritableDatabase(file);
await migrate(db, { file, migrations });
const account = insertAccount(db, { platform: 'freelancer', label: 'Freelancer', baseUrl: fixtureUrl, now: new Date() });

let offsetMs = 0;
const now = (): Date => new Date(Date.now() + offsetMs);
const link = freelancerConnector.link({ db, account, secrets: createFileSecretStore(path.join(dataDir, 'vault.json')), now });
const signedIn = await link.session.signIn({ kind: 'token', token });
if (!signedIn.ok) throw new Error(signedIn.message);

const stalls = monitorEventLoopDelay({ resolution: 2 });
stalls.enable();
const signal = new AbortController().signal;
let rows = 0;
let pages = 0;
const started = performance.now();
// The core's CPU (all its threads), the main thread's own and its idle time over the sync: what the wall time is made of.
const cpuBefore = process.cpuUsage();
const mainCpuBefore = process.threadCpuUsage();
const loopBefore = performance.eventLoopUtilization();
const outcome = await link.pull({
  attempt: 0,
  signal,
  onPage: (progress) => {
    rows = progress.applied;
    pages = progress.pages;
  },
});
const seconds = (performance.now() - started) / 1000;
const syncCpu = process.cpuUsage(cpuBefore);
const mainCpu = process.threadCpuUsage(mainCpuBefore);
const loop = performance.eventLoopUtilization(loopBefore);
await new Promise((resolve) => setTimeout(resolve, 10));
stalls.disable();
if (outcome.kind !== 'done') throw new Error(`first sync ended with ${JSON.stringify(outcome)}`);
const peakRssMb = process.resourceUsage().maxRSS / 1024;

// An hour with nothing new: each round when the connector's cadence asks for it, the clock moved there at once.
// First an hour of the user at work (active), then an hour away (idle).
const pollFor = async (activity: 'active' | 'idle'): Promise<{ rounds: number; requests: number; cpuMs: number }> => {
  const requestsBefore = ((await (await fetch(`${fixtureUrl}/__fixture/requests`)).json()) as { total: number }).total;
  const cpuBefore = process.cpuUsage();
  const hourEnd = now().getTime() + 3_600_000;
  let rounds = 0;
  for (;;) {
    const due = link.nextPollAt(activity);
    if (due === null || due > hourEnd) break;
    offsetMs += Math.max(0, due - now().getTime());
    const round = await link.pull({ attempt: 0, signal, onPage: () => undefined });
    if (round.kind !== 'done') throw new Error(`idle round ended with ${JSON.stringify(round)}`);
    rounds += 1;
  }
  const cpu = process.cpuUsage(cpuBefore);
  const requests = ((await (await fetch(`${fixtureUrl}/__fixture/requests`)).json()) as { total: number }).total - requestsBefore;
  // The fixture's own answers to /__fixture/requests are not API requests: not counted by it.
  return { rounds, requests, cpuMs: (cpu.user + cpu.system) / 1000 };
};
// `sync`: the first sync alone (the bench polls after one of its runs only).
const active = mode === 'poll' ? await pollFor('active') : undefined;
const idle = mode === 'poll' ? await pollFor('idle') : undefined;
db.close();
process.stdout.write(
  `${JSON.stringify({
    rows,
    pages,
    seconds,
    cpuSeconds: (syncCpu.user + syncCpu.system) / 1e6,
    mainCpuSeconds: (mainCpu.user + mainCpu.system) / 1e6,
    idleSeconds: loop.idle / 1000,
    peakRssMb,
    maxStallMs: stalls.max / 1e6,
    active,
    idle,
  })}\n`,
);
