/**
 * `npm run platform:freelancer -- --port P --seed S --scale tiny|demo|bench|P,T,M [--anchor ISO|now] [--token T] [--faults SPEC]`
 * Starts the Freelancer.com fixture on 127.0.0.1 and prints its base URL and access token. See README.md.
 */
import { parseArgs } from 'node:util';
import { startFreelancerFixture } from './server';

const usage = `Usage: npm run platform:freelancer -- [options]
  --port P              port on 127.0.0.1 (default 0: any free port)
  --seed S              seed of the generated account (default 1)
  --scale NAME|P,T,M    tiny, demo (default), bench (20k projects, 2k threads, 100k messages) or counts
  --anchor ISO|now      instant the seeded content leads up to (default now)
  --token T             the access token to accept in freelancer-oauth-v1 (default derived from the seed)
  --faults SPEC         e.g. latency=0.2@20-200,ratelimit=0.05@2,error=0.02,lost=0.02,truncate=0.01,drop=0.01`;

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    scale: { type: 'string', default: 'demo' },
    anchor: { type: 'string', default: 'now' },
    token: { type: 'string' },
    faults: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(usage);
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be an integer between 0 and 65535\n\n${usage}`);
  process.exit(2);
}

try {
  const fixture = await startFreelancerFixture({
    port,
    seed: values.seed,
    scale: values.scale,
    anchor: values.anchor,
    warm: true,
    ...(values.token ? { token: values.token } : {}),
    ...(values.faults ? { faults: values.faults } : {}),
  });
  const state = fixture.world;
  console.log(`Freelancer.com fixture listening on ${fixture.url} (API under ${fixture.url}/api/)`);
  console.log(`  token (header freelancer-oauth-v1): ${fixture.token}`);
  console.log(`  OAuth: client id ${fixture.oauth.clientId}, consent page at ${fixture.url}/oauth/authorize, tokens at ${fixture.url}/oauth/token`);
  console.log(`  user ${state.self.username} (id ${fixture.selfId}); ${state.projectCount} projects, ${state.allThreads().length} threads, ${state.messageCount} messages`);
  console.log(`  simulation API: ${fixture.url}/__fixture/state${values.faults ? `; faults ${values.faults}` : ''}`);
  const stop = (): void => {
    void fixture.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`platform:freelancer: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
