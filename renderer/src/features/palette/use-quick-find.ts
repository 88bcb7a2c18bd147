import { useEffect, useState } from 'react';
import type { QuickFindItem } from '../../../../shared/contract/search';
import { useClient } from '../../app/client-context';

export const useQuickFind = (text: string): QuickFindItem[] => {
  const client = useClient();
  const [found, setFound] = useState<{ text: string; items: QuickFindItem[] } | null>(null);
  useEffect(() => {
    if (text.trim() === '') return;
    let live = true;
    const timer = setTimeout(() => {
      client.search.quickFind({ text, limit: 5 }).then((items) => live && setFound({ text, items }), () => undefined);
    }, 80);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, text]);
  return text.trim() !== '' && found?.text === text ? found.items : [];
};
