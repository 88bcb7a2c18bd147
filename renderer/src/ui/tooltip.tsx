import type { ReactElement } from 'react';
import { Tooltip as AriaTooltip, TooltipTrigger } from 'react-aria-components';

type Props = {
  label: string;
  shortcut?: string;
  /** One focusable element (a react-aria Button or Link): the tooltip shows on its hover and keyboard focus. */
  children: ReactElement;
  placement?: 'top' | 'bottom' | 'start' | 'end';
};

/** A short label for a control; shows on hover after a moment and at once on keyboard focus, Escape hides it. */
export const Tooltip = ({ label, shortcut, children, placement = 'bottom' }: Props) => (
  <TooltipTrigger delay={500} closeDelay={100}>
    {children}
    <AriaTooltip className="ui-tooltip" placement={placement} offset={6}>
      {label}
      {shortcut && <kbd className="ui-tooltip-shortcut">{shortcut}</kbd>}
    </AriaTooltip>
  </TooltipTrigger>
);
