import type { z } from 'zod';
import { meSchema, oauthErrorSchema, tokenRequestSchema, tokenResponseSchema } from './auth';
import { changesPageSchema } from './changes';
import { apiErrorSchema, conflictErrorSchema } from './errors';
import { messageSchema, threadSchema, forumPostSchema, portfolioItemSchema, profileSchema, proposalSchema } from './records';
import { termsSchema } from './terms';
import {
  simulateClockBodySchema,
  simulateClockResultSchema,
  simulateCompactResultSchema,
  simulateEditBodySchema,
  simulateInjectBodySchema,
  simulateMessageBodySchema,
  simulateProjectBodySchema,
  simulationResultSchema,
} from './simulation';
import {
  createForumPostBodySchema,
  createProposalBodySchema,
  deleteResponseSchema,
  markThreadReadBodySchema,
  postMessageBodySchema,
  putPortfolioItemBodySchema,
  putProfileBodySchema,
  updateProposalBodySchema,
  uploadResponseSchema,
  withdrawProposalBodySchema,
} from './writes';

export const httpMethods = ['get', 'post', 'put', 'patch', 'delete'] as const;
export type HttpMethod = (typeof httpMethods)[number];

export type EndpointResponse = {
  description: string;
  /** JSON body; absent for bodies of another media type. */
  schema?: z.ZodType;
  /** Media type when the body is not JSON (SSE, bytes). */
  mediaType?: string;
  headers?: readonly string[];
};

/**
 * One operation of the platform API. The table drives the OpenAPI document and the contract tests,
 * so that a path cannot exist in one and be missing from the other.
 */
export type Endpoint = {
  operationId: string;
  method: HttpMethod;
  /** Full path with `{param}` placeholders. */
  path: string;
  summary: string;
  tag: 'auth' | 'sync' | 'proposals' | 'messages' | 'portfolio' | 'profile' | 'uploads' | 'community' | 'meta' | 'simulation';
  auth: boolean;
  /** Needs an Idempotency-Key header. */
  idempotent: boolean;
  /** `required`: If-Match on an existing record; `optional`: only when replacing. */
  ifMatch?: 'required' | 'optional';
  query?: readonly { name: string; description: string; schema: Record<string, unknown> }[];
  body?: { schema?: z.ZodType; mediaTypes: readonly string[]; required: boolean; description?: string };
  responses: Readonly<Record<number, EndpointResponse>>;
};

const json = 'application/json';
const error = (description: string): EndpointResponse => ({ description, schema: apiErrorSchema });
const writeErrors = {
  400: error('Malformed JSON or missing Idempotency-Key'),
  401: error('Missing, invalid or expired access token'),
  413: error('JSON body over 1 MiB'),
  422: error('Schema violation (names the field) or Idempotency-Key reused with a different body'),
  429: { ...error('Too many requests'), headers: ['Retry-After'] },
} as const;
const preconditionErrors = {
  404: error('Unknown id'),
  409: { description: 'Stale If-Match: the current record', schema: conflictErrorSchema },
  428: error('If-Match missing'),
} as const;

const apiEndpoints = [
  {
    operationId: 'createToken',
    method: 'post',
    path: '/v1/oauth/token',
    summary: 'OAuth2 token endpoint: password and refresh_token grants (public client, no secret)',
    tag: 'auth',
    auth: false,
    idempotent: false,
    body: { schema: tokenRequestSchema, mediaTypes: ['application/x-www-form-urlencoded', json], required: true },
    responses: {
      200: { description: 'Tokens', schema: tokenResponseSchema },
      400: { description: 'OAuth2 error (invalid_request, invalid_grant, unsupported_grant_type)', schema: oauthErrorSchema },
      401: { description: 'OAuth2 error (invalid_client)', schema: oauthErrorSchema },
      429: { ...error('Too many requests'), headers: ['Retry-After'] },
    },
  },
  {
    operationId: 'getMe',
    method: 'get',
    path: '/v1/me',
    summary: 'The signed-in user',
    tag: 'auth',
    auth: true,
    idempotent: false,
    responses: { 200: { description: 'User', schema: meSchema }, 401: writeErrors[401] },
  },
  {
    operationId: 'getTerms',
    method: 'get',
    path: '/v1/terms',
    summary: "The platform's current terms: the fee it keeps on proposals",
    tag: 'meta',
    auth: true,
    idempotent: false,
    responses: { 200: { description: 'Terms', schema: termsSchema }, 401: writeErrors[401] },
  },
  {
    operationId: 'listChanges',
    method: 'get',
    path: '/v1/changes',
    summary: 'One ordered change feed of every record the user may see; no cursor = snapshot of live records',
    tag: 'sync',
    auth: true,
    idempotent: false,
    query: [
      { name: 'cursor', description: 'next_cursor of an earlier page; omit for a snapshot', schema: { type: 'string' } },
      {
        name: 'limit',
        description: 'Page size (default 200, clamped to 1000)',
        schema: { type: 'integer', minimum: 1, default: 200 },
      },
    ],
    responses: {
      200: { description: 'A page of changes', schema: changesPageSchema },
      400: error('Malformed cursor or limit'),
      401: writeErrors[401],
      410: error('Cursor older than the change log retention: start again without a cursor'),
      429: writeErrors[429],
    },
  },
  {
    operationId: 'streamEvents',
    method: 'get',
    path: '/v1/events',
    summary:
      'Server-Sent Events: `event: changes` with `data: {"cursor": "<latest>"}` when the feed has new changes; `:` comment heartbeats',
    tag: 'sync',
    auth: true,
    idempotent: false,
    responses: {
      200: { description: 'Event stream', mediaType: 'text/event-stream' },
      401: writeErrors[401],
    },
  },
  {
    operationId: 'createProposal',
    method: 'post',
    path: '/v1/proposals',
    summary: 'Submit a proposal (bid) on a project',
    tag: 'proposals',
    auth: true,
    idempotent: true,
    body: { schema: createProposalBodySchema, mediaTypes: [json], required: true },
    responses: {
      201: { description: 'Created', schema: proposalSchema },
      409: { description: 'Id already exists, or already bid on this project', schema: conflictErrorSchema },
      ...writeErrors,
    },
  },
  {
    operationId: 'updateProposal',
    method: 'patch',
    path: '/v1/proposals/{id}',
    summary: 'Change some writable fields of a submitted proposal',
    tag: 'proposals',
    auth: true,
    idempotent: true,
    ifMatch: 'required',
    body: { schema: updateProposalBodySchema, mediaTypes: [json], required: true },
    responses: { 200: { description: 'Updated', schema: proposalSchema }, ...preconditionErrors, ...writeErrors },
  },
  {
    operationId: 'withdrawProposal',
    method: 'post',
    path: '/v1/proposals/{id}/withdraw',
    summary: 'Withdraw a proposal',
    tag: 'proposals',
    auth: true,
    idempotent: true,
    ifMatch: 'required',
    body: { schema: withdrawProposalBodySchema, mediaTypes: [json], required: false },
    responses: { 200: { description: 'Withdrawn', schema: proposalSchema }, ...preconditionErrors, ...writeErrors },
  },
  {
    operationId: 'postMessage',
    method: 'post',
    path: '/v1/threads/{id}/messages',
    summary: 'Send a message into a thread',
    tag: 'messages',
    auth: true,
    idempotent: true,
    body: { schema: postMessageBodySchema, mediaTypes: [json], required: true },
    responses: {
      201: { description: 'Sent', schema: messageSchema },
      404: error('Unknown thread'),
      409: { description: 'Message id already used', schema: conflictErrorSchema },
      ...writeErrors,
    },
  },
  {
    operationId: 'markThreadRead',
    method: 'post',
    path: '/v1/threads/{id}/read',
    summary: 'Mark a thread read: its unread count drops to zero on every device',
    tag: 'messages',
    auth: true,
    idempotent: true,
    body: { schema: markThreadReadBodySchema, mediaTypes: [json], required: false },
    responses: {
      200: { description: 'The thread, read', schema: threadSchema },
      404: error('Unknown thread'),
      ...writeErrors,
    },
  },
  {
    operationId: 'putPortfolioItem',
    method: 'put',
    path: '/v1/portfolio/items/{id}',
    summary: 'Create (no If-Match) or replace (If-Match) a portfolio item',
    tag: 'portfolio',
    auth: true,
    idempotent: true,
    ifMatch: 'optional',
    body: { schema: putPortfolioItemBodySchema, mediaTypes: [json], required: true },
    responses: {
      200: { description: 'Replaced', schema: portfolioItemSchema },
      201: { description: 'Created', schema: portfolioItemSchema },
      ...preconditionErrors,
      ...writeErrors,
    },
  },
  {
    operationId: 'deletePortfolioItem',
    method: 'delete',
    path: '/v1/portfolio/items/{id}',
    summary: 'Delete a portfolio item (a tombstone appears in the feed)',
    tag: 'portfolio',
    auth: true,
    idempotent: true,
    ifMatch: 'required',
    responses: { 200: { description: 'Deleted', schema: deleteResponseSchema }, ...preconditionErrors, ...writeErrors },
  },
  {
    operationId: 'putProfile',
    method: 'put',
    path: '/v1/profile',
    summary: 'Replace the profile',
    tag: 'profile',
    auth: true,
    idempotent: true,
    ifMatch: 'required',
    body: { schema: putProfileBodySchema, mediaTypes: [json], required: true },
    responses: { 200: { description: 'Replaced', schema: profileSchema }, ...preconditionErrors, ...writeErrors },
  },
  {
    operationId: 'createUpload',
    method: 'post',
    path: '/v1/uploads',
    summary:
      'Upload image bytes (PNG, JPEG, GIF, WebP; 10 MiB max). The id is the SHA-256; send it as X-Content-SHA256 (or ?sha256=) to have it verified',
    tag: 'uploads',
    auth: true,
    idempotent: true,
    body: { mediaTypes: ['image/png', 'image/jpeg', 'image/gif', 'image/webp'], required: true },
    responses: {
      201: { description: 'Stored (200 when the same bytes were already stored)', schema: uploadResponseSchema },
      200: { description: 'Already stored', schema: uploadResponseSchema },
      415: error('Not an accepted image type'),
      ...writeErrors,
      413: error('Over 10 MiB'),
      422: error('Hash mismatch, bytes not an image of the declared type, or Idempotency-Key reused'),
    },
  },
  {
    operationId: 'getUpload',
    method: 'get',
    path: '/v1/uploads/{id}',
    summary: 'Download uploaded bytes by content hash',
    tag: 'uploads',
    auth: true,
    idempotent: false,
    responses: {
      200: { description: 'The bytes', mediaType: 'application/octet-stream' },
      401: writeErrors[401],
      404: error('Unknown upload'),
    },
  },
  {
    operationId: 'createForumPost',
    method: 'post',
    path: '/v1/forum/topics/{id}/posts',
    summary: 'Reply in a community forum topic',
    tag: 'community',
    auth: true,
    idempotent: true,
    body: { schema: createForumPostBodySchema, mediaTypes: [json], required: true },
    responses: {
      201: { description: 'Posted', schema: forumPostSchema },
      404: error('Unknown topic'),
      409: { description: 'Post id already used', schema: conflictErrorSchema },
      ...writeErrors,
    },
  },
  {
    operationId: 'getOpenApi',
    method: 'get',
    path: '/v1/openapi.json',
    summary: 'This document',
    tag: 'meta',
    auth: false,
    idempotent: false,
    responses: { 200: { description: 'OpenAPI 3.1 document', mediaType: json } },
  },
] as const satisfies readonly Endpoint[];

/** Any call may meet an overloaded or failing server; clients honour Retry-After and back off. */
const transientResponses = {
  429: { ...error('Too many requests'), headers: ['Retry-After'] },
  500: error('Internal error: retry with backoff'),
  503: { ...error('Temporarily unavailable'), headers: ['Retry-After'] },
} as const;

export const platformEndpoints: readonly Endpoint[] = [
  ...(apiEndpoints as readonly Endpoint[]).map((endpoint) => ({ ...endpoint, responses: { ...transientResponses, ...endpoint.responses } })),
  ...simulationEndpoints(),
];

function simulationEndpoints(): Endpoint[] {
  const result = (description: string): EndpointResponse => ({ description, schema: simulationResultSchema });
  const base = { tag: 'simulation', auth: false, idempotent: false } as const;
  const notFound = error('Unknown id, or the server runs without --simulation');
  const endpoints: Endpoint[] = [
    {
      ...base,
      operationId: 'simulateClientMessage',
      method: 'post',
      path: '/v1/simulation/threads/{id}/messages',
      summary: "The thread's client writes a message",
      body: { schema: simulateMessageBodySchema, mediaTypes: [json], required: true },
      responses: { 201: result('The message'), 404: notFound, 422: error('Invalid body') },
    },
    {
      ...base,
      operationId: 'simulateAward',
      method: 'post',
      path: '/v1/simulation/proposals/{id}/award',
      summary: 'The client awards the proposal (the project becomes awarded)',
      responses: { 200: result('The proposal'), 404: notFound, 422: error('Proposal not open') },
    },
    {
      ...base,
      operationId: 'simulateDecline',
      method: 'post',
      path: '/v1/simulation/proposals/{id}/decline',
      summary: 'The client declines the proposal',
      responses: { 200: result('The proposal'), 404: notFound, 422: error('Proposal not open') },
    },
    {
      ...base,
      operationId: 'simulateEdit',
      method: 'post',
      path: '/v1/simulation/records/{type}/{id}/edit',
      summary: 'Edit a record server-side (its version grows): provokes a conflict with a client holding the old version',
      body: { schema: simulateEditBodySchema, mediaTypes: [json], required: true },
      responses: { 200: result('The record'), 404: notFound, 422: error('Invalid body') },
    },
    {
      ...base,
      operationId: 'simulateDelete',
      method: 'delete',
      path: '/v1/simulation/records/{type}/{id}',
      summary: 'Delete a record server-side (a tombstone appears in the feed)',
      responses: { 200: result('The tombstone'), 404: notFound },
    },
    {
      ...base,
      operationId: 'simulateProject',
      method: 'post',
      path: '/v1/simulation/projects',
      summary: 'A client posts a new project (generated; fields in the body override)',
      body: { schema: simulateProjectBodySchema, mediaTypes: [json], required: false },
      responses: { 201: result('The project'), 422: error('Invalid body') },
    },
    {
      ...base,
      operationId: 'simulateInject',
      method: 'post',
      path: '/v1/simulation/inject',
      summary: 'Put a raw record (possibly invalid or hostile) into the feed as given',
      body: { schema: simulateInjectBodySchema, mediaTypes: [json], required: true },
      responses: { 201: result('The injected change'), 422: error('Invalid body') },
    },
    {
      ...base,
      operationId: 'simulateCompact',
      method: 'post',
      path: '/v1/simulation/compact',
      summary: 'Compact the change log now (tombstones older than the retention are purged)',
      responses: { 200: { description: 'Result', schema: simulateCompactResultSchema }, 404: notFound },
    },
    {
      ...base,
      operationId: 'simulateClock',
      method: 'post',
      path: '/v1/simulation/clock',
      summary: "Move the server's clock forward (token expiry, retention)",
      body: { schema: simulateClockBodySchema, mediaTypes: [json], required: true },
      responses: { 200: { description: 'The new server time', schema: simulateClockResultSchema }, 404: notFound },
    },
  ];
  // Every simulation path is a 404 on a server started without --simulation.
  return endpoints.map((endpoint) => ({ ...endpoint, responses: { ...endpoint.responses, 404: notFound } }));
}

