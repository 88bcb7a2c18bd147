import type { ReactNode } from 'react';

type Props = { icon?: ReactNode; title: string; children?: ReactNode; action?: ReactNode };

/** What a list or pane shows when there is nothing in it: what it will hold, and the way to fill it. */
export const EmptyState = ({ icon, title, children, action }: Props) => (
  <div className="ui-empty-state">
    {icon && (
      <span className="ui-empty-state-icon" aria-hidden="true">
        {icon}
      </span>
    )}
    <h2 className="ui-empty-state-title">{title}</h2>
    {children && <div className="ui-empty-state-body">{children}</div>}
    {action && <div className="ui-empty-state-action">{action}</div>}
  </div>
);
