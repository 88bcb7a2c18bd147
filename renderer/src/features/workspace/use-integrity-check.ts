import { useCallback } from 'react';
import { useClient } from '../../app/client-context';

/** The full integrity check of the workspace file, through the contract. */
export const useIntegrityCheck = () => {
  const client = useClient();
  return useCallback(() => client.workspace.checkIntegrity(), [client]);
};
