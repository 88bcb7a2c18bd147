import { Fragment, type MouseEvent } from 'react';
import { highlightMatches, linkifyText, parseMarkedSnippet, toSafeExternalUrl, type TextSegment } from '../../../shared/domain/search-text';

const Segments = ({ segments }: { segments: TextSegment[] }) => (
  <>
    {segments.map((segment, index) =>
      segment.mark ? <mark key={index}>{segment.text}</mark> : <Fragment key={index}>{segment.text}</Fragment>,
    )}
  </>
);

// Every component here shows untrusted text inside <bdi>: its bidi controls (U+202A–U+202E, U+2066–U+2069)
// reorder only the text itself, never the labels, badges or times around it.

/** Text with the words matching a search marked; always rendered as text, never as markup. */
export const HighlightedText = ({ text, query }: { text: string; query: string }) => (
  <bdi>
    <Segments segments={highlightMatches(text, query)} />
  </bdi>
);

/** An FTS snippet from the core, its match markers turned into <mark>. */
export const SnippetText = ({ snippet }: { snippet: string }) => (
  <bdi>
    <Segments segments={parseMarkedSnippet(snippet)} />
  </bdi>
);

/**
 * Opens a checked link outside the app: Electron's window-open handler hands it to the system browser (after
 * its own scheme check), a browser opens a new tab without access to this one.
 */
const openExternally = (event: MouseEvent<HTMLAnchorElement>, href: string): void => {
  event.preventDefault();
  const safe = toSafeExternalUrl(href);
  if (safe) window.open(safe, '_blank', 'noopener,noreferrer');
};

/**
 * Untrusted text (a client's message, a project description) as plain text with http/https/mailto links.
 * No HTML is ever interpreted, so no script runs and nothing remote loads until the user clicks a link.
 */
export const LinkedText = ({ text, query = '' }: { text: string; query?: string }) => (
  <bdi>
    {linkifyText(text).map((segment, index) =>
      segment.kind === 'link' ? (
        <a
          key={index}
          href={segment.href}
          target="_blank"
          rel="noopener noreferrer nofollow"
          referrerPolicy="no-referrer"
          onClick={(event) => openExternally(event, segment.href)}
        >
          {segment.text}
        </a>
      ) : (
        <Segments key={index} segments={highlightMatches(segment.text, query)} />
      ),
    )}
  </bdi>
);
