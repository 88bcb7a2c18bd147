import { z } from 'zod';
import { meSchema, oauthErrorSchema, tokenRequestSchema, tokenResponseSchema } from './auth';
import { termsSchema } from './terms';
import { changeSchema, changesPageSchema, tombstoneChangeSchema, upsertChangeSchemas } from './changes';
import { platformEndpoints, type Endpoint, type EndpointResponse } from './endpoints';
import { apiErrorSchema, conflictErrorSchema } from './errors';
import {
  attachmentSchema,
  budgetSchema,
  milestoneSchema,
  projectQuestionSchema,
  proposalAnswerSchema,
  portfolioVariantSchema,
  profileVariantSchema,
  proposalVariantSchema,
  recordSchemas,
} from './records';
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

type JsonObject = Record<string, unknown>;
type Meta = { id: string };

const pascal = (snake: string): string => snake.replace(/(^|_)([a-z])/g, (_match, _sep: string, letter: string) => letter.toUpperCase());

/** Schemas that get a name under components/schemas: what the server sends. */
const responseComponents = (): [z.ZodType, string][] => [
  ...Object.entries(recordSchemas).map(([type, schema]): [z.ZodType, string] => [schema, pascal(type)]),
  ...Object.entries(upsertChangeSchemas).map(([type, schema]): [z.ZodType, string] => [schema, `${pascal(type)}Change`]),
  [budgetSchema, 'Budget'],
  [milestoneSchema, 'Milestone'],
  [projectQuestionSchema, 'ProjectQuestion'],
  [proposalAnswerSchema, 'ProposalAnswer'],
  [attachmentSchema, 'Attachment'],
  [proposalVariantSchema, 'ProposalVariant'],
  [portfolioVariantSchema, 'PortfolioVariant'],
  [profileVariantSchema, 'ProfileVariant'],
  [tombstoneChangeSchema, 'TombstoneChange'],
  [changeSchema, 'Change'],
  [changesPageSchema, 'ChangesPage'],
  [apiErrorSchema, 'Error'],
  [conflictErrorSchema, 'ConflictError'],
  [tokenResponseSchema, 'TokenResponse'],
  [oauthErrorSchema, 'OAuthError'],
  [meSchema, 'Me'],
  [termsSchema, 'Terms'],
  [uploadResponseSchema, 'UploadResponse'],
  [deleteResponseSchema, 'DeleteResponse'],
  [simulationResultSchema, 'SimulationResult'],
  [simulateCompactResultSchema, 'SimulationCompactResult'],
  [simulateClockResultSchema, 'SimulationClockResult'],
];

/** What clients send: converted in `input` mode so that fields with defaults are optional. */
const requestComponents = (): [z.ZodType, string][] => [
  [tokenRequestSchema, 'TokenRequest'],
  [createProposalBodySchema, 'CreateProposalBody'],
  [updateProposalBodySchema, 'UpdateProposalBody'],
  [withdrawProposalBodySchema, 'WithdrawProposalBody'],
  [postMessageBodySchema, 'PostMessageBody'],
  [markThreadReadBodySchema, 'MarkThreadReadBody'],
  [putPortfolioItemBodySchema, 'PutPortfolioItemBody'],
  [putProfileBodySchema, 'PutProfileBody'],
  [createForumPostBodySchema, 'CreateForumPostBody'],
  [simulateMessageBodySchema, 'SimulationMessageBody'],
  [simulateEditBodySchema, 'SimulationEditBody'],
  [simulateProjectBodySchema, 'SimulationProjectBody'],
  [simulateInjectBodySchema, 'SimulationInjectBody'],
  [simulateClockBodySchema, 'SimulationClockBody'],
];

const toComponents = (entries: [z.ZodType, string][], io: 'input' | 'output'): { names: Map<z.ZodType, string>; schemas: JsonObject } => {
  const registry = z.registry<Meta>();
  const names = new Map<z.ZodType, string>();
  for (const [schema, id] of entries) {
    registry.add(schema, { id });
    names.set(schema, id);
  }
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
    // zod spells date-times out as a long regex; `format` says the same thing readably.
    override: (ctx) => {
      if (ctx.jsonSchema.format === 'date-time' || ctx.jsonSchema.format === 'date') delete ctx.jsonSchema.pattern;
    },
  });
  // A fragment in $id is not allowed by 2020-12; components are addressed by their JSON pointer anyway.
  for (const schema of Object.values(schemas)) {
    delete (schema as JsonObject).$schema;
    delete (schema as JsonObject).$id;
  }
  return { names, schemas: schemas as JsonObject };
};

const pathParameters = (path: string): JsonObject[] =>
  [...path.matchAll(/\{([a-z_]+)\}/g)].map((match) => ({
    name: match[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));

/** The OpenAPI 3.1 document of the platform API, generated from the shared zod schemas. Pure. */
export const buildOpenApiDocument = (options: { serverUrl?: string } = {}): JsonObject => {
  const responses = toComponents(responseComponents(), 'output');
  const requests = toComponents(requestComponents(), 'input');
  const ref = (names: Map<z.ZodType, string>, schema: z.ZodType): JsonObject => {
    const name = names.get(schema);
    if (!name) throw new Error('schema used by an endpoint is not a named component');
    return { $ref: `#/components/schemas/${name}` };
  };

  const describeResponse = (response: EndpointResponse): JsonObject => {
    const headers = Object.fromEntries(
      (response.headers ?? []).map((header) => [header, { schema: { type: 'integer' }, description: 'Seconds to wait' }]),
    );
    const content = response.schema
      ? { 'application/json': { schema: ref(responses.names, response.schema) } }
      : response.mediaType
        ? { [response.mediaType]: { schema: response.mediaType === 'text/event-stream' ? { type: 'string' } : {} } }
        : undefined;
    return {
      description: response.description,
      ...(content ? { content } : {}),
      ...(response.headers ? { headers } : {}),
    };
  };

  const describeOperation = (endpoint: Endpoint): JsonObject => {
    const parameters: JsonObject[] = [...pathParameters(endpoint.path)];
    for (const query of endpoint.query ?? []) {
      parameters.push({ name: query.name, in: 'query', required: false, description: query.description, schema: query.schema });
    }
    if (endpoint.idempotent) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: true,
        description:
          'Unique per write, scoped to the user. A repeat replays the first answer byte for byte; the same key with another body → 422.',
        schema: { type: 'string', minLength: 1, maxLength: 255 },
      });
    }
    if (endpoint.ifMatch) {
      parameters.push({
        name: 'If-Match',
        in: 'header',
        required: endpoint.ifMatch === 'required',
        description:
          'The record version the change is based on (bare integer or quoted). Checked before the body: stale → 409 with the current record.',
        schema: { type: 'string', pattern: '^"?[0-9]+"?$' },
      });
    }
    const body = endpoint.body;
    const requestBody = body
      ? {
          required: body.required,
          content: Object.fromEntries(
            body.mediaTypes.map((mediaType) => [
              mediaType,
              { schema: body.schema ? ref(requests.names, body.schema) : { type: 'string', format: 'binary' } },
            ]),
          ),
        }
      : undefined;
    return {
      operationId: endpoint.operationId,
      summary: endpoint.summary,
      tags: [endpoint.tag],
      ...(endpoint.auth ? {} : { security: [] }),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses: Object.fromEntries(
        Object.entries(endpoint.responses).map(([status, response]) => [status, describeResponse(response)]),
      ),
    };
  };

  const paths: Record<string, JsonObject> = {};
  for (const endpoint of platformEndpoints as readonly Endpoint[]) {
    paths[endpoint.path] = { ...paths[endpoint.path], [endpoint.method]: describeOperation(endpoint) };
  }

  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Bottega marketplace platform API',
      version: '1.0.0',
      description:
        'The marketplace API Bottega syncs with. JSON is snake_case; times are ISO 8601 UTC; money is integer minor units with an ISO 4217 currency; ids are opaque strings.',
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'Access token from POST /v1/oauth/token' },
      },
      schemas: { ...responses.schemas, ...requests.schemas },
    },
  };
};
