import type { TFunction } from 'i18next';
import { RpcError } from '../../../shared/rpc/errors';

/**
 * What a failed call to the core says to the user: its error code in their language (`common` namespace,
 * `rpcError.*`), never the core's English message (that one is for the log).
 */
export const rpcErrorText = (t: TFunction<'common'>, error: unknown): string =>
  t(`rpcError.${error instanceof RpcError ? error.code : 'internal'}`);
