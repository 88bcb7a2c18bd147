import { z } from 'zod';

export const rpcErrorCodes = [
  'invalid_input',
  'unknown_method',
  'not_found',
  'conflict',
  'unavailable',
  /** The call is larger than the connection carries (see maxRpcFrameBytes); it was never sent. */
  'too_large',
  'transport_closed',
  'internal',
  // Storage faults under a call (shared/contract/workspace's storageProblems): nothing was written.
  'disk_full',
  'io_error',
  'locked',
  'corrupt',
] as const;

export const rpcErrorSchema = z.object({
  code: z.enum(rpcErrorCodes),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export type RpcErrorCode = (typeof rpcErrorCodes)[number];
export type RpcErrorData = z.infer<typeof rpcErrorSchema>;

/** What the renderer catches. Travels as plain data (RpcErrorData) because structured clone drops Error fields. */
export class RpcError extends Error {
  readonly code: RpcErrorCode;
  readonly issues: RpcErrorData['issues'];

  constructor(data: RpcErrorData) {
    super(data.message);
    this.name = 'RpcError';
    this.code = data.code;
    this.issues = data.issues;
  }

  toData(): RpcErrorData {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

export const describeIssues = (error: z.ZodError): NonNullable<RpcErrorData['issues']> =>
  error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(root)', message: issue.message }));
