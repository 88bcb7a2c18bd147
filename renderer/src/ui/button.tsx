import type { ReactNode } from 'react';
import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';
import { Tooltip } from './tooltip';

export type ButtonVariant = 'primary' | 'secondary' | 'quiet' | 'danger';

type ButtonProps = Omit<AriaButtonProps, 'className' | 'children'> & {
  variant?: ButtonVariant;
  size?: 'small' | 'medium';
  /** A lucide icon (or any 16 px node) before the label. */
  icon?: ReactNode;
  className?: string;
  children?: ReactNode;
};

const classesOf = (parts: (string | false | undefined)[]): string => parts.filter(Boolean).join(' ');

/** The app's one button: primary for the step the screen is for, secondary beside it, quiet for minor actions, danger for what deletes. */
export const Button = ({ variant = 'secondary', size = 'medium', icon, className, children, ...props }: ButtonProps) => (
  <AriaButton {...props} className={classesOf(['ui-button', `ui-button--${variant}`, size === 'small' && 'ui-button--small', className])}>
    {icon}
    {children}
  </AriaButton>
);

type IconButtonProps = Omit<AriaButtonProps, 'className' | 'children' | 'aria-label'> & {
  /** What the button does: its accessible name and its tooltip. */
  label: string;
  /** Shown in the tooltip after the label, e.g. "Ctrl+B". */
  shortcut?: string;
  icon: ReactNode;
  variant?: 'quiet' | 'secondary' | 'danger';
  /** A toggle's state (bold on, bold off), announced as pressed. */
  pressed?: boolean;
  className?: string;
};

/** A button with only an icon: never without a name, and always with a tooltip that says it (and its shortcut). */
export const IconButton = ({ label, shortcut, icon, variant = 'quiet', pressed, className, ...props }: IconButtonProps) => (
  <Tooltip label={label} shortcut={shortcut}>
    <AriaButton
      {...props}
      aria-label={label}
      aria-pressed={pressed}
      aria-keyshortcuts={shortcut}
      className={classesOf(['ui-button', 'ui-icon-button', `ui-button--${variant}`, pressed && 'is-pressed', className])}
    >
      {icon}
    </AriaButton>
  </Tooltip>
);
