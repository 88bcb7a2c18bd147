/**
 * Fault injection for the reference server, from a SPEC string:
 *
 *   SPEC  := FAULT ("," FAULT)*
 *   FAULT := NAME "=" PROBABILITY ["@" PARAM]
 *
 *   latency=P@MS | latency=P@MIN-MAX   delay the answer by MS (or a uniform MIN..MAX) milliseconds
 *   error=P                            500 {"error":"internal"}
 *   unavailable=P[@SECONDS]            503 with Retry-After (default 1)
 *   ratelimit=P[@SECONDS]              429 with Retry-After (default 1)
 *   drop=P                             close the connection before the request is handled (nothing applied)
 *   truncate=P                         handle the request, then send only half of the body and close
 *                                      (a write is applied and its answer stored: a retry with the same
 *                                      Idempotency-Key replays it)
 *   invalid=P                          in /v1/changes pages, each upsert is replaced with a schema-invalid
 *                                      record with probability P (the envelope stays valid)
 *
 * Example: `latency=0.3@20-200,error=0.05,unavailable=0.02@2,ratelimit=0.05@1,drop=0.01,truncate=0.01,invalid=0.02`.
 * Decisions come from a PRNG keyed by the server seed and the request's arrival number, so a run with the same
 * seed and the same sequence of requests meets the same faults. Simulation endpoints are never faulted.
 */
import { createRng, type Rng } from './prng';

export type FaultSpec = {
  latency?: { probability: number; minMs: number; maxMs: number };
  error?: { probability: number };
  unavailable?: { probability: number; retryAfterSeconds: number };
  ratelimit?: { probability: number; retryAfterSeconds: number };
  drop?: { probability: number };
  truncate?: { probability: number };
  invalid?: { probability: number };
};

export type FaultDecision = {
  delayMs: number;
  drop: boolean;
  status: 500 | 503 | 429 | null;
  retryAfterSeconds: number;
  truncate: boolean;
  invalidProbability: number;
  rng: Rng;
};

const names = ['latency', 'error', 'unavailable', 'ratelimit', 'drop', 'truncate', 'invalid'] as const;

export const parseFaultSpec = (spec: string): FaultSpec => {
  const result: FaultSpec = {};
  for (const part of spec.split(',').map((item) => item.trim()).filter(Boolean)) {
    const match = /^([a-z]+)=([0-9.]+)(?:@([0-9.]+)(?:-([0-9.]+))?)?$/.exec(part);
    if (!match) throw new Error(`bad fault "${part}": expected NAME=PROBABILITY[@PARAM]`);
    const [, name, probabilityText, paramText, paramMaxText] = match;
    if (!(names as readonly string[]).includes(name as string)) throw new Error(`unknown fault "${name}" (known: ${names.join(', ')})`);
    const probability = Number(probabilityText);
    if (!(probability >= 0 && probability <= 1)) throw new Error(`fault "${name}": probability must be between 0 and 1`);
    const param = paramText === undefined ? undefined : Number(paramText);
    switch (name as (typeof names)[number]) {
      case 'latency': {
        const minMs = param ?? 100;
        const maxMs = paramMaxText === undefined ? minMs : Number(paramMaxText);
        if (maxMs < minMs) throw new Error('fault "latency": MAX must not be below MIN');
        result.latency = { probability, minMs, maxMs };
        break;
      }
      case 'unavailable':
        result.unavailable = { probability, retryAfterSeconds: Math.max(0, Math.round(param ?? 1)) };
        break;
      case 'ratelimit':
        result.ratelimit = { probability, retryAfterSeconds: Math.max(0, Math.round(param ?? 1)) };
        break;
      case 'error':
        result.error = { probability };
        break;
      case 'drop':
        result.drop = { probability };
        break;
      case 'truncate':
        result.truncate = { probability };
        break;
      case 'invalid':
        result.invalid = { probability };
        break;
    }
  }
  return result;
};

/** Draws a request's faults. Always the same draws in the same order, so the sequence depends only on the seed. */
export const decideFaults = (spec: FaultSpec, seed: number | string, requestNumber: number): FaultDecision => {
  const rng = createRng(`${seed}/faults/${requestNumber}`);
  const roll = (probability: number | undefined): boolean => {
    const value = rng.next();
    return probability !== undefined && value < probability;
  };
  const latencyRoll = roll(spec.latency?.probability);
  const latencySpan = rng.next();
  const drop = roll(spec.drop?.probability);
  const error = roll(spec.error?.probability);
  const unavailable = roll(spec.unavailable?.probability);
  const ratelimit = roll(spec.ratelimit?.probability);
  const truncate = roll(spec.truncate?.probability);
  const delayMs =
    latencyRoll && spec.latency ? Math.round(spec.latency.minMs + latencySpan * (spec.latency.maxMs - spec.latency.minMs)) : 0;
  const status = error ? 500 : unavailable ? 503 : ratelimit ? 429 : null;
  const retryAfterSeconds = status === 503 ? (spec.unavailable?.retryAfterSeconds ?? 1) : (spec.ratelimit?.retryAfterSeconds ?? 1);
  return { delayMs, drop, status, retryAfterSeconds, truncate, invalidProbability: spec.invalid?.probability ?? 0, rng };
};

/** Makes a record schema-invalid in one of a few ways a buggy or hostile server might. */
export const corruptRecord = (data: Record<string, unknown>, rng: Rng): Record<string, unknown> => {
  const keys = Object.keys(data).filter((key) => key !== 'id' && key !== 'version');
  const key = keys.length > 0 ? rng.pick(keys) : 'unexpected';
  const copy = { ...data };
  // Every field of every record type is required and none accepts both an object like this and -1.5.
  const mode = rng.int(0, 2);
  if (mode === 0) delete copy[key];
  else if (mode === 1) copy[key] = { $corrupted: true, note: '<script>alert(1)</script>' };
  else copy[key] = -1.5;
  return copy;
};
