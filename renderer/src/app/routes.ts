import { useCallback, useMemo, useSyncExternalStore } from 'react';

export const sections = ['feed', 'clients', 'messages', 'proposals', 'insights', 'portfolio', 'community', 'settings'] as const;
export type Section = (typeof sections)[number];

const parseHash = (hash: string): Section => {
  const name = hash.replace(/^#\/?/, '').split('/')[0];
  return sections.find((section) => section === name) ?? 'feed';
};

const subscribe = (onChange: () => void): (() => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** Sections live in the URL hash so that reload, back/forward and (later) deep links land in the same place. */
export const useSection = (): [Section, (section: Section) => void] => {
  const section = useSyncExternalStore(subscribe, () => parseHash(window.location.hash));
  const navigate = useCallback((next: Section) => {
    window.location.hash = `#/${next}`;
  }, []);
  return [section, navigate];
};

const parseParams = (hash: string): string[] =>
  hash
    .replace(/^#\/?/, '')
    .split('/')
    .slice(1)
    .filter((part) => part !== '')
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return '';
      }
    });

/** What follows the section in the hash (`#/messages/thr_1/msg_9` → ['thr_1', 'msg_9']), and a way to set it. */
export const useRouteParams = (): [string[], (section: Section, ...params: string[]) => void] => {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const params = useMemo(() => parseParams(hash), [hash]);
  const go = useCallback((section: Section, ...rest: string[]) => {
    window.location.hash = `#/${[section, ...rest.map(encodeURIComponent)].join('/')}`;
  }, []);
  return [params, go];
};
