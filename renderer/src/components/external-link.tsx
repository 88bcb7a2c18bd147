import type { MouseEvent, ReactNode } from 'react';
import { toSafeExternalUrl } from '../../../shared/domain/search-text';

/**
 * A link that leaves the app only through the shell's checked path: the click opens a new window, which
 * Electron's window-open handler denies and hands to the system browser after its own scheme check (a
 * browser opens a tab without access to this one). Addresses that are not http(s) or mailto render as text.
 */
export const ExternalLink = ({ href, children, className }: { href: string; children?: ReactNode; className?: string }) => {
  const safe = toSafeExternalUrl(href);
  if (!safe) return <span className={className}>{children ?? href}</span>;
  const open = (event: MouseEvent<HTMLAnchorElement>): void => {
    event.preventDefault();
    window.open(safe, '_blank', 'noopener,noreferrer');
  };
  return (
    <a className={className} href={safe} target="_blank" rel="noopener noreferrer nofollow" referrerPolicy="no-referrer" onClick={open}>
      {children ?? href}
    </a>
  );
};
