import type { ReactNode } from 'react';
import { ChevronDown } from 'lucide-react';
import { Button as AriaButton, Label, ListBox, ListBoxItem, Popover, Select as AriaSelect, SelectValue, Text, type Key } from 'react-aria-components';

export type SelectOption<K extends string> = {
  id: K;
  label: string;
  /** Quiet text after the label (a count, a code). */
  hint?: string;
  /** Drawn before the label, in the list and in the button (a flag, an icon). */
  prefix?: ReactNode;
  /** The label's language when it is not the UI's (a language's own name, "Deutsch"). */
  lang?: string;
};

type Props<K extends string> = {
  label: string;
  /** The label stays for screen readers but is not drawn (the select sits in a bar that says what it is). */
  hideLabel?: boolean;
  /** The label beside the button rather than above it (a filter in a screen's header). */
  inline?: boolean;
  /** One line under the field that says more than the label. */
  description?: string;
  options: readonly SelectOption<K>[];
  value: K;
  onChange: (value: K) => void;
  isDisabled?: boolean;
  testId?: string;
  className?: string;
};

/**
 * One choice among a list (the design system's replacement for a native <select>, whose menu the OS draws
 * in its own style and, in Electron, cannot be themed). A button that opens a list box: arrows or typing a
 * label's first letters move (type-ahead), Enter or Space picks, Escape closes and gives focus back.
 */
export const Select = <K extends string>({ label, hideLabel, inline, description, options, value, onChange, isDisabled, testId, className }: Props<K>) => (
  <AriaSelect
    className={['ui-select', inline && 'ui-select--inline', className].filter(Boolean).join(' ')}
    data-testid={testId}
    value={value}
    onChange={(key: Key | null) => {
      const option = options.find((candidate) => candidate.id === key);
      if (option) onChange(option.id);
    }}
    isDisabled={isDisabled}
    aria-label={hideLabel ? label : undefined}
  >
    {!hideLabel && <Label className="field-label">{label}</Label>}
    <AriaButton className="ui-select-button" data-value={value}>
      <SelectValue className="ui-select-value">
        {({ defaultChildren }) => {
          // Drawn from the options rather than the item's text, so the button shows the prefix (a flag) too.
          const selected = options.find((candidate) => candidate.id === value);
          return selected ? (
            <>
              {selected.prefix}
              <span className="ui-select-label" lang={selected.lang}>
                {selected.label}
              </span>
            </>
          ) : (
            defaultChildren
          );
        }}
      </SelectValue>
      <ChevronDown size={16} aria-hidden="true" className="ui-select-chevron" />
    </AriaButton>
    {description && (
      <Text slot="description" className="field-hint">
        {description}
      </Text>
    )}
    <Popover className="ui-popover ui-select-popover" offset={4}>
      <ListBox className="ui-listbox" items={options}>
        {(option: SelectOption<K>) => (
          <ListBoxItem id={option.id} textValue={option.label} className="ui-listbox-item" data-value={option.id}>
            {option.prefix}
            <span className="ui-listbox-label" lang={option.lang}>
              {option.label}
            </span>
            {option.hint && <span className="ui-listbox-hint">{option.hint}</span>}
          </ListBoxItem>
        )}
      </ListBox>
    </Popover>
  </AriaSelect>
);
