import { z } from 'zod';
import { userIdSchema } from './primitives';

export const tokenTtlSecondsDefault = 3600;

export const passwordGrantSchema = z.object({
  grant_type: z.literal('password'),
  username: z.string().min(1).max(320),
  password: z.string().min(1).max(1024),
  scope: z.string().max(1000).optional(),
});

export const refreshTokenGrantSchema = z.object({
  grant_type: z.literal('refresh_token'),
  refresh_token: z.string().min(1).max(1024),
});

/** Body of `POST /v1/oauth/token`, form-encoded (RFC 6749) or JSON. No client secret: the app is a public client. */
export const tokenRequestSchema = z.discriminatedUnion('grant_type', [passwordGrantSchema, refreshTokenGrantSchema]);

export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  token_type: z.literal('Bearer'),
  /** Seconds until the access token expires. */
  expires_in: z.number().int().positive(),
  scope: z.string().optional(),
});

export const oauthErrorCodes = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
] as const;

/** RFC 6749 §5.2 error body of the token endpoint. */
export const oauthErrorSchema = z.object({
  error: z.enum(oauthErrorCodes),
  error_description: z.string().optional(),
});

/** `GET /v1/me`: who the token belongs to. */
export const meSchema = z.object({
  id: userIdSchema,
  email: z.email(),
  name: z.string().min(1),
});

export type PasswordGrant = z.infer<typeof passwordGrantSchema>;
export type RefreshTokenGrant = z.infer<typeof refreshTokenGrantSchema>;
export type TokenRequest = z.infer<typeof tokenRequestSchema>;
export type TokenResponse = z.infer<typeof tokenResponseSchema>;
export type OAuthErrorCode = (typeof oauthErrorCodes)[number];
export type OAuthError = z.infer<typeof oauthErrorSchema>;
export type Me = z.infer<typeof meSchema>;
