import { createContext, useContext, type ReactNode } from 'react';
import type { BottegaClient } from '../../../shared/contract';

const ClientContext = createContext<BottegaClient | null>(null);

export const ClientProvider = ({ client, children }: { client: BottegaClient; children: ReactNode }) => (
  <ClientContext.Provider value={client}>{children}</ClientContext.Provider>
);

/** Feature hooks reach the core only through this: the typed contract client. */
export const useClient = (): BottegaClient => {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient needs a ClientProvider above it');
  return client;
};
