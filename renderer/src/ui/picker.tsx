import { useMemo, useState, type ReactNode } from 'react';
import { ChevronDown } from 'lucide-react';
import { Button as AriaButton, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, type Key } from 'react-aria-components';

export type PickerOption = { id: string; label: string; hint?: string; prefix?: ReactNode };

type Props = {
  label: string;
  /** The label stays for screen readers but is not drawn (the picker sits in a row that says what it is). */
  hideLabel?: boolean;
  options: readonly PickerOption[];
  value: string | null;
  onChange: (id: string) => void;
  placeholder?: string;
  /** An "add one" picker: after each choice it empties again, ready for the next. */
  clearOnSelect?: boolean;
  isDisabled?: boolean;
  testId?: string;
  className?: string;
};

/**
 * A combobox: type to filter (accents and case ignored, in the UI's language), arrows to move, Enter to pick,
 * Escape to close. The base of the language, country and currency pickers.
 */
export const Picker = ({ label, hideLabel, options, value, onChange, placeholder, clearOnSelect, isDisabled, testId, className }: Props) => {
  const labelOf = useMemo(() => new Map(options.map((option) => [option.id, option.label])), [options]);
  const shown = clearOnSelect || value === null ? '' : (labelOf.get(value) ?? value);
  const [input, setInput] = useState(shown);
  // A value changed from outside (another window, a restored draft) shows in the field: adjusted while
  // rendering, as React advises, rather than in an effect that would draw the old text first.
  const [shownBefore, setShownBefore] = useState(shown);
  if (shown !== shownBefore) {
    setShownBefore(shown);
    setInput(shown);
  }
  const selected = options.find((option) => option.id === value);
  return (
    <ComboBox
      className={['ui-picker', className].filter(Boolean).join(' ')}
      data-testid={testId}
      items={options}
      selectedKey={clearOnSelect ? null : value}
      inputValue={input}
      onInputChange={setInput}
      onSelectionChange={(key: Key | null) => {
        if (key === null) return;
        const id = String(key);
        onChange(id);
        setInput(clearOnSelect ? '' : (labelOf.get(id) ?? id));
      }}
      menuTrigger="focus"
      isDisabled={isDisabled}
      aria-label={hideLabel ? label : undefined}
    >
      {!hideLabel && <Label className="field-label">{label}</Label>}
      <div className="ui-picker-field">
        {!clearOnSelect && selected?.prefix && <span className="ui-picker-prefix">{selected.prefix}</span>}
        <Input className="ui-picker-input" placeholder={placeholder} />
        <AriaButton className="ui-picker-toggle" aria-hidden="true" excludeFromTabOrder>
          <ChevronDown size={16} aria-hidden="true" />
        </AriaButton>
      </div>
      <Popover className="ui-popover ui-picker-popover" offset={4}>
        <ListBox className="ui-listbox" renderEmptyState={() => null}>
          {(option: PickerOption) => (
            <ListBoxItem id={option.id} textValue={option.label} className="ui-listbox-item">
              {option.prefix}
              <span className="ui-listbox-label">{option.label}</span>
              {option.hint && <span className="ui-listbox-hint">{option.hint}</span>}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
};
