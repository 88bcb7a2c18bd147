import { useCallback, useSyncExternalStore } from 'react';

export const sections = ['feed', 'clients', 'messages', 'proposals', 'portfolio', 'settings'] as const;
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
