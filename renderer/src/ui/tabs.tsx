import type { Key, ReactNode } from 'react';
import { Tab as AriaTab, TabList as AriaTabList, TabPanel as AriaTabPanel, Tabs as AriaTabs } from 'react-aria-components';

type TabsProps<K extends string> = {
  selectedKey: K;
  onSelectionChange: (key: K) => void;
  /** Narrows the library's Key to the caller's keys (a tab id that is not one of them is ignored). */
  keys: readonly K[];
  children: ReactNode;
  className?: string;
};

/**
 * The app's one tab style (an underline under the chosen tab). Arrow keys move between tabs, Home and End
 * jump, as the WAI-ARIA tabs pattern says.
 */
export const Tabs = <K extends string>({ selectedKey, onSelectionChange, keys, children, className }: TabsProps<K>) => (
  <AriaTabs
    className={['ui-tabs', className].filter(Boolean).join(' ')}
    selectedKey={selectedKey}
    onSelectionChange={(key: Key) => {
      const picked = keys.find((candidate) => candidate === key);
      if (picked !== undefined) onSelectionChange(picked);
    }}
  >
    {children}
  </AriaTabs>
);

export const TabList = ({ label, children, className }: { label: string; children: ReactNode; className?: string }) => (
  <AriaTabList aria-label={label} className={['ui-tab-list', className].filter(Boolean).join(' ')}>
    {children}
  </AriaTabList>
);

export const Tab = ({ id, children, testId, ...data }: { id: string; children: ReactNode; testId?: string } & { [attribute: `data-${string}`]: string }) => (
  <AriaTab id={id} className="ui-tab" data-testid={testId} {...data}>
    {children}
  </AriaTab>
);

export const TabPanel = ({ id, children, className }: { id: string; children: ReactNode; className?: string }) => (
  <AriaTabPanel id={id} className={['ui-tab-panel', className].filter(Boolean).join(' ')}>
    {children}
  </AriaTabPanel>
);
