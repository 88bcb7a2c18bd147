import { useEffect, useRef, type RefObject } from 'react';

type Options = {
  count: number;
  index: number;
  onMove: (index: number) => void;
  onOpen?: (index: number) => void;
  onEscape?: () => void;
  /** `/` puts the cursor here. */
  searchRef?: RefObject<HTMLInputElement | null>;
  enabled?: boolean;
};

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** j/k or arrows move through a list, Enter opens, Escape closes, `/` jumps to search; typing is never hijacked. */
export const useListKeyboard = (options: Options): void => {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const { count, index, onMove, onOpen, onEscape, searchRef, enabled = true } = latest.current;
      if (!enabled || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'Escape') {
        if (isTyping(event.target) && event.target instanceof HTMLElement) event.target.blur();
        else onEscape?.();
        return;
      }
      if (isTyping(event.target)) return;
      if (event.key === '/' && searchRef?.current) {
        event.preventDefault();
        searchRef.current.focus();
        searchRef.current.select();
      } else if ((event.key === 'j' || event.key === 'ArrowDown') && count > 0) {
        event.preventDefault();
        onMove(Math.min(count - 1, index + 1));
      } else if ((event.key === 'k' || event.key === 'ArrowUp') && count > 0) {
        event.preventDefault();
        onMove(Math.max(0, index - 1));
      } else if (event.key === 'Enter' && onOpen && count > 0 && !(event.target instanceof HTMLButtonElement || event.target instanceof HTMLAnchorElement)) {
        event.preventDefault();
        onOpen(index);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
};
