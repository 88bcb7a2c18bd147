import type { Contract } from '../../../shared/contract';
import type { DomainHandlers } from '../rpc/rpc-server';
import type { CoreContext } from './context';

export const createAppHandlers = ({ info }: CoreContext) =>
  ({
    getInfo: () => ({ version: info.version, schemaVersion: info.schemaVersion, host: info.host }),
  }) satisfies DomainHandlers<Contract, 'app'>;
