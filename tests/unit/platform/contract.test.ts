/** Pure parts of shared/platform: the generated OpenAPI document and change parsing. */
import { describe, expect, it } from 'vitest';
import { parseChange } from '../../../shared/platform/changes';
import { platformEndpoints } from '../../../shared/platform/endpoints';
import { buildOpenApiDocument } from '../../../shared/platform/openapi';

type Operation = { operationId: string; parameters?: { name: string; in: string }[] };

describe('buildOpenApiDocument', () => {
  const document = buildOpenApiDocument({ serverUrl: 'http://127.0.0.1:1' }) as {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, { required?: string[] }> };
    servers: { url: string }[];
  };

  it('gives every operation a unique id and declares every path parameter', () => {
    const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.values(methods).map((operation) => ({ path, operation })));
    expect(operations).toHaveLength(platformEndpoints.length);
    expect(new Set(operations.map(({ operation }) => operation.operationId)).size).toBe(operations.length);
    for (const { path, operation } of operations) {
      const inPath = [...path.matchAll(/\{([a-z_]+)\}/g)].map((match) => match[1]);
      const declared = (operation.parameters ?? []).filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name);
      expect(declared, path).toEqual(inPath);
    }
    expect(document.servers).toEqual([{ url: 'http://127.0.0.1:1' }]);
  });

  it('documents write headers and makes defaulted request fields optional', () => {
    const create = document.paths['/v1/proposals']?.post;
    expect(create?.parameters?.map((parameter) => parameter.name)).toEqual(['Idempotency-Key']);
    const patch = document.paths['/v1/proposals/{id}']?.patch;
    expect(patch?.parameters?.map((parameter) => parameter.name)).toEqual(['id', 'Idempotency-Key', 'If-Match']);
    expect(document.components.schemas.CreateProposalBody?.required?.sort()).toEqual(['amount_minor', 'default_locale', 'period_days', 'project_id', 'variants']);
    expect(document.components.schemas.Project?.required).toContain('budget');
  });
});

describe('parseChange', () => {
  const message = {
    id: 'msg_1',
    version: 2,
    thread_id: 'thr_1',
    sender_id: 'cli_1',
    from_me: false,
    body: 'Ciao',
    attachments: [],
    sent_at: '2026-01-01T10:00:00.000Z',
    read_at: null,
  };

  it('accepts a valid record and a tombstone', () => {
    expect(parseChange({ type: 'message', op: 'upsert', id: 'msg_1', version: 2, data: message })).toMatchObject({ ok: true });
    expect(parseChange({ type: 'message', op: 'delete', id: 'msg_1', version: 3, data: null })).toMatchObject({ ok: true });
  });

  it('explains what is wrong with the rest', () => {
    const wrongField = parseChange({ type: 'message', op: 'upsert', id: 'msg_1', version: 2, data: { ...message, body: 7 } });
    expect(wrongField).toMatchObject({ ok: false, reason: expect.stringContaining('body') });
    const disagreeing = parseChange({ type: 'message', op: 'upsert', id: 'msg_1', version: 5, data: message });
    expect(disagreeing).toMatchObject({ ok: false, reason: 'data.id/data.version disagree with the envelope' });
    const tombstoneWithData = parseChange({ type: 'message', op: 'delete', id: 'msg_1', version: 3, data: message });
    expect(tombstoneWithData.ok).toBe(false);
  });
});
