import type { Contract } from '../../../shared/contract';
import { toFtsQuery } from '../../../shared/domain/search-text';
import { quickFind } from '../db/repositories/quick-find-repository';
import type { DomainHandlers } from '../rpc/rpc-server';
import type { CoreContext } from './context';

export const createSearchHandlers = ({ db }: CoreContext) =>
  ({
    quickFind: ({ text, limit }) => {
      const match = toFtsQuery(text);
      if (!match) return [];
      // LIKE sees the text as typed; its own wildcards are escaped.
      const like = `%${text.trim().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
      return quickFind(db, match, like, limit);
    },
  }) satisfies DomainHandlers<Contract, 'search'>;
