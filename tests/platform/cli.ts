/**
 * `npm run platform -- --port P --seed S --scale demo|large|N [--faults SPEC] [--live] [--simulation]`
 * Starts the reference platform on 127.0.0.1 and prints the URL it listens on. See faults.ts for SPEC.
 */
import { parseArgs } from 'node:util';
import { startPlatformServer } from './server';

const usage = `Usage: npm run platform -- [options]
  --port P              port on 127.0.0.1 (default 0: any free port)
  --seed S              seed of the generated data (default 1)
  --scale demo|large|N  demo (default), large (100k projects, 500k messages) or N projects
  --anchor ISO|now      instant the seeded timestamps lead up to (default 2026-11-16T09:00:00Z)
  --data-dir DIR        keep the database there (reused on the next start)
  --faults SPEC         e.g. latency=0.3@20-200,error=0.05,unavailable=0.02@2,ratelimit=0.05@1,drop=0.01,truncate=0.01,invalid=0.02
  --live                the other side acts every few seconds (--live-interval MS, default 4000)
  --simulation          enable /v1/simulation/* for tests
  --token-ttl SECONDS   access token lifetime (default 3600)
  --retention SECONDS   change log retention for tombstones (default 604800)
  --rate-limit N        requests per second per user (default 500; 0 = off)
Demo account: demo@bottega.test / bottega-demo`;

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    scale: { type: 'string', default: 'demo' },
    anchor: { type: 'string' },
    'data-dir': { type: 'string' },
    faults: { type: 'string' },
    live: { type: 'boolean', default: false },
    'live-interval': { type: 'string' },
    simulation: { type: 'boolean', default: false },
    'token-ttl': { type: 'string' },
    retention: { type: 'string' },
    'rate-limit': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(usage);
  process.exit(0);
}

const integer = (name: string, text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} must be a non-negative integer\n\n${usage}`);
    process.exit(2);
  }
  return value;
};

const started = performance.now();
const rateLimit = integer('rate-limit', values['rate-limit']);
const liveInterval = integer('live-interval', values['live-interval']);
const tokenTtl = integer('token-ttl', values['token-ttl']);
const retention = integer('retention', values.retention);
try {
  const server = await startPlatformServer({
    port: integer('port', values.port) ?? 0,
    seed: /^\d+$/.test(values.seed) ? Number(values.seed) : values.seed,
    scale: values.scale,
    ...(values.anchor ? { anchor: values.anchor } : {}),
    ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
    ...(values.faults ? { faults: values.faults } : {}),
    live: values.live,
    ...(liveInterval ? { liveIntervalMs: liveInterval } : {}),
    simulation: values.simulation,
    ...(tokenTtl ? { tokenTtlSeconds: tokenTtl } : {}),
    ...(retention !== undefined ? { changeRetentionSeconds: retention } : {}),
    ...(rateLimit !== undefined ? { rateLimit: rateLimit === 0 ? false : { perSecond: rateLimit, burst: rateLimit * 5 } } : {}),
    onLiveAction: (description) => console.log(`[live] ${description}`),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const seeded = server.seed ? `seeded ${server.seed.rows} records in ${seconds} s` : 'reused existing database';
  console.log(`Bottega platform listening on ${server.url}`);
  console.log(`  ${seeded}; demo account ${server.users.demo.email} / ${server.users.demo.password}`);
  console.log(`  OpenAPI: ${server.url}/v1/openapi.json${values.live ? '; live mode on' : ''}${values.simulation ? '; simulation on' : ''}${values.faults ? `; faults ${values.faults}` : ''}`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`platform: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
