/**
 * Faults of the Freelancer fixture. Two sources, checked in this order for every API request (never for the
 * simulation API):
 *
 * 1. A queue of rules set by tests (`PUT/POST /__fixture/faults`): the first rule whose method and path match
 *    is used and, after `times` uses, removed. Deterministic.
 * 2. A random SPEC (`--faults` or `{spec}`), decided by a PRNG keyed by the seed and the request's arrival
 *    number, so the same seed and the same sequence of requests meet the same faults:
 *
 *      SPEC  := FAULT ("," FAULT)*
 *      latency=P@MS | latency=P@MIN-MAX   answer after MS (or MIN..MAX) milliseconds
 *      error=P[@STATUS]                   an error envelope with STATUS (default 500)
 *      unavailable=P[@SECONDS]            503 error envelope, Retry-After SECONDS (default 1; 0 = no header)
 *      ratelimit=P[@SECONDS]              429 error envelope, Retry-After SECONDS (default 1; 0 = no header)
 *      drop=P                             close the connection before handling (nothing is stored)
 *      lost=P                             handle the request (a write is stored), then close without answering
 *      truncate=P                         handle the request, send half of the answer, close
 */
import { z } from 'zod';
import { createRng } from '../prng';

export const faultKinds = ['latency', 'error', 'unavailable', 'ratelimit', 'drop', 'lost', 'truncate'] as const;
export type FaultKind = (typeof faultKinds)[number];

export const faultRuleSchema = z
  .object({
    fault: z.enum(faultKinds),
    /** Only requests with this method (GET, POST, PUT). */
    method: z.string().toUpperCase().optional(),
    /** Only requests whose path (without the query) contains this text. */
    path: z.string().optional(),
    /** How many matching requests it applies to (default 1). */
    times: z.number().int().positive().default(1),
    /** error: HTTP status (default 500). */
    status: z.number().int().min(400).max(599).optional(),
    error_code: z.string().optional(),
    message: z.string().optional(),
    /** ratelimit / unavailable: Retry-After seconds; 0 sends no header. */
    retry_after: z.number().int().min(0).optional(),
    /** latency: milliseconds. */
    ms: z.number().int().min(0).max(60_000).optional(),
  })
  .strict();

export type FaultRule = z.output<typeof faultRuleSchema>;

export type FaultSpec = Partial<Record<FaultKind, { probability: number; min: number; max: number }>>;

export const parseFaultSpec = (spec: string): FaultSpec => {
  const result: FaultSpec = {};
  for (const part of spec.split(',').map((item) => item.trim()).filter(Boolean)) {
    const match = /^([a-z]+)=([0-9.]+)(?:@([0-9]+)(?:-([0-9]+))?)?$/.exec(part);
    if (!match) throw new Error(`bad fault "${part}": expected NAME=PROBABILITY[@PARAM[-MAX]]`);
    const [, name = '', probabilityText = '', minText, maxText] = match;
    if (!(faultKinds as readonly string[]).includes(name)) throw new Error(`unknown fault "${name}" (known: ${faultKinds.join(', ')})`);
    const probability = Number(probabilityText);
    if (!(probability >= 0 && probability <= 1)) throw new Error(`fault "${name}": probability must be between 0 and 1`);
    const defaults: Record<FaultKind, number> = { latency: 100, error: 500, unavailable: 1, ratelimit: 1, drop: 0, lost: 0, truncate: 0 };
    const min = minText === undefined ? defaults[name as FaultKind] : Number(minText);
    const max = maxText === undefined ? min : Number(maxText);
    if (max < min) throw new Error(`fault "${name}": MAX must not be below MIN`);
    if (name === 'error' && (min < 400 || min > 599)) throw new Error('fault "error": STATUS must be 400..599');
    result[name as FaultKind] = { probability, min, max };
  }
  return result;
};

export type FaultDecision = {
  delayMs: number;
  /** The one failing fault for this request, if any. */
  fault: Exclude<FaultKind, 'latency'> | null;
  status: number;
  retryAfter: number;
  errorCode?: string;
  message?: string;
};

const none = (): FaultDecision => ({ delayMs: 0, fault: null, status: 0, retryAfter: 0 });

export class FaultPlan {
  private queue: FaultRule[] = [];
  private spec: FaultSpec = {};

  constructor(private readonly seed: string) {}

  setSpec(spec: FaultSpec): void {
    this.spec = spec;
  }

  setQueue(rules: FaultRule[]): void {
    this.queue = rules.map((rule) => ({ ...rule }));
  }

  enqueue(rule: FaultRule): void {
    this.queue.push({ ...rule });
  }

  clear(): void {
    this.queue = [];
    this.spec = {};
  }

  pending(): FaultRule[] {
    return this.queue.map((rule) => ({ ...rule }));
  }

  decide(method: string, path: string, requestNumber: number): FaultDecision {
    const index = this.queue.findIndex((rule) => (!rule.method || rule.method === method) && (!rule.path || path.includes(rule.path)));
    if (index >= 0) {
      const rule = this.queue[index] as FaultRule;
      rule.times -= 1;
      if (rule.times <= 0) this.queue.splice(index, 1);
      const decision = none();
      if (rule.fault === 'latency') {
        decision.delayMs = rule.ms ?? 100;
        return decision;
      }
      decision.fault = rule.fault;
      decision.status = rule.fault === 'error' ? (rule.status ?? 500) : rule.fault === 'ratelimit' ? 429 : rule.fault === 'unavailable' ? 503 : 0;
      decision.retryAfter = rule.retry_after ?? 1;
      if (rule.error_code !== undefined) decision.errorCode = rule.error_code;
      if (rule.message !== undefined) decision.message = rule.message;
      return decision;
    }
    const rng = createRng(`${this.seed}/faults/${requestNumber}`);
    const decision = none();
    const latency = this.spec.latency;
    if (latency && rng.chance(latency.probability)) decision.delayMs = rng.int(latency.min, latency.max);
    for (const kind of ['drop', 'ratelimit', 'unavailable', 'error', 'lost', 'truncate'] as const) {
      const fault = this.spec[kind];
      if (!fault || !rng.chance(fault.probability)) continue;
      decision.fault = kind;
      decision.status = kind === 'error' ? fault.min : kind === 'ratelimit' ? 429 : kind === 'unavailable' ? 503 : 0;
      decision.retryAfter = kind === 'ratelimit' || kind === 'unavailable' ? fault.min : 0;
      break;
    }
    return decision;
  }
}
