import type { ReactNode } from 'react';
import './choice-list.css';

type Props = {
  title: string;
  children?: ReactNode;
  /** A lucide icon, 18 px. */
  icon: ReactNode;
  tone?: 'info' | 'warning';
  /** Buttons for what the user can do about it. */
  actions?: ReactNode;
  testId?: string;
};

/** Says why the screen is as it is (read-only, offline) and what can be done; a status, not an alert. */
export const Callout = ({ title, children, icon, tone = 'info', actions, testId }: Props) => (
  <div className={`ui-callout ui-callout--${tone}`} role="status" data-testid={testId}>
    <span className="ui-callout-icon" aria-hidden="true">
      {icon}
    </span>
    <div className="ui-callout-text">
      <strong className="ui-callout-title">{title}</strong>
      {children && <span className="ui-callout-body">{children}</span>}
    </div>
    {actions && <div className="ui-callout-actions">{actions}</div>}
  </div>
);
