import type { ReactNode } from 'react';
import { Menu as AriaMenu, MenuItem as AriaMenuItem, MenuTrigger, Popover, type Key } from 'react-aria-components';

export type MenuAction = { id: string; label: string; icon?: ReactNode; danger?: boolean; disabled?: boolean };

type Props = {
  /** The trigger: a Button or IconButton from this folder. */
  trigger: ReactNode;
  label: string;
  actions: readonly MenuAction[];
  onAction: (id: string) => void;
};

/** A list of actions behind one button; arrow keys move, typing jumps to a label, Escape closes and gives focus back. */
export const Menu = ({ trigger, label, actions, onAction }: Props) => (
  <MenuTrigger>
    {trigger}
    <Popover className="ui-popover" placement="bottom end" offset={4}>
      <AriaMenu
        className="ui-menu"
        aria-label={label}
        disabledKeys={actions.filter((action) => action.disabled).map((action) => action.id)}
        onAction={(key: Key) => onAction(String(key))}
      >
        {actions.map((action) => (
          <AriaMenuItem key={action.id} id={action.id} textValue={action.label} className={`ui-menu-item${action.danger ? ' is-danger' : ''}`} data-value={action.id}>
            {action.icon}
            <span>{action.label}</span>
          </AriaMenuItem>
        ))}
      </AriaMenu>
    </Popover>
  </MenuTrigger>
);
