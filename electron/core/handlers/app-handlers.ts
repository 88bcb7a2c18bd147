import type { Contract } from '../../../shared/contract';
import type { DomainHandlers } from '../rpc/rpc-server';
import type { CoreContext } from './context';

export const createAppHandlers = ({ info, host }: CoreContext) =>
  ({
    getInfo: () => ({ version: info.version, schemaVersion: info.schemaVersion, host: info.host }),
    setSpellcheckLanguages: async ({ languages }) => ({ applied: await host.spellcheck.setLanguages(languages) }),
  }) satisfies DomainHandlers<Contract, 'app'>;
