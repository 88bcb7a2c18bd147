import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'accent' | 'success' | 'warning' | 'danger' | 'info';

/** A short status or count beside a title; the tone carries meaning the text also says (never colour alone). */
export const Badge = ({ tone = 'neutral', children, className }: { tone?: BadgeTone; children: ReactNode; className?: string }) => (
  <span className={['ui-badge', `ui-badge--${tone}`, className].filter(Boolean).join(' ')}>{children}</span>
);
