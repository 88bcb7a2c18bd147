import { useCallback, useMemo, useSyncExternalStore } from 'react';

export const sections = ['feed', 'clients', 'messages', 'proposals', 'insights', 'portfolio', 'community', 'settings'] as const;
export type Section = (typeof sections)[number];

const parseHash = (hash: string): Section => {
  const name = hash.replace(/^#\/?/, '').split('/')[0];
  return sections.find((section) => section === name) ?? 'feed';
};

const listeners = new Set<() => void>();
const subscribe = (onChange: () => void): (() => void) => {
  listeners.add(onChange);
  window.addEventListener('hashchange', onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('hashchange', onChange);
  };
};

/**
 * Moves to `hash` and tells the hooks at once. The hashchange event comes in a later task, and a key pressed in
 * between (Enter, then j 30 ms later) was handled against the screen before the move: j saw no project open and
 * moved only the cursor.
 */
const goToHash = (hash: string): void => {
  window.location.hash = hash;
  for (const listener of [...listeners]) listener();
};

/** Sections live in the URL hash so that reload, back/forward and (later) deep links land in the same place. */
export const useSection = (): [Section, (section: Section) => void] => {
  const section = useSyncExternalStore(subscribe, () => parseHash(window.location.hash));
  const navigate = useCallback((next: Section) => {
    goToHash(`#/${next}`);
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
    goToHash(`#/${[section, ...rest.map(encodeURIComponent)].join('/')}`);
  }, []);
  return [params, go];
};
