import { z } from 'zod';

export const apiErrorCodes = [
  'malformed_json',
  'invalid_request',
  'validation_failed',
  'unknown_reference',
  'invalid_state',
  'idempotency_key_missing',
  'idempotency_key_reused',
  'precondition_required',
  'conflict',
  'already_exists',
  'not_found',
  'method_not_allowed',
  'payload_too_large',
  'unsupported_media_type',
  'hash_mismatch',
  'unauthorized',
  'invalid_token',
  'cursor_expired',
  'invalid_cursor',
  'rate_limited',
  'internal',
  'unavailable',
] as const;

/**
 * Every non-2xx JSON answer outside the token endpoint. `field` is a dotted path into the request body
 * (`milestones.0.amount_minor`) or the name of the header/query parameter at fault.
 */
export const apiErrorSchema = z.object({
  error: z.enum(apiErrorCodes),
  message: z.string().min(1),
  field: z.string().min(1).optional(),
});

/** 409 on a stale If-Match (or a create whose id already exists): the server's record as it is now. */
export const conflictErrorSchema = z.object({
  error: z.enum(['conflict', 'already_exists']),
  message: z.string().min(1),
  current: z.looseObject({ id: z.string().min(1), version: z.number().int().positive() }),
});

export type ApiErrorCode = (typeof apiErrorCodes)[number];
export type ApiError = z.infer<typeof apiErrorSchema>;
export type ConflictError = z.infer<typeof conflictErrorSchema>;
