import { useContext, useEffect, useMemo, useRef, useState, type ContextType, type ReactNode, type RefObject } from 'react';
import { ChevronDown } from 'lucide-react';
import { Button as AriaButton, ComboBox, ComboBoxStateContext, Input, Label, ListBox, ListBoxItem, Popover, useFilter, type Key } from 'react-aria-components';

type ComboBoxState = NonNullable<ContextType<typeof ComboBoxStateContext>>;

/** Hands the combobox's state to the picker around it (for closing the list after an "add one" choice). */
const StateCatcher = ({ intoRef }: { intoRef: RefObject<ComboBoxState | null> }) => {
  const state = useContext(ComboBoxStateContext);
  useEffect(() => {
    intoRef.current = state;
  }, [intoRef, state]);
  return null;
};

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
  // Controlled items are not filtered by the library: the typed text narrows them here (accents and case
  // ignored, in the UI's locale that I18nProvider gives). The chosen value's own label shows every option.
  const { contains } = useFilter({ sensitivity: 'base' });
  const typed = input.trim();
  const shownOptions = useMemo(
    () => (typed === '' || typed === shown ? options : options.filter((option) => contains(option.label, typed) || (option.hint !== undefined && contains(option.hint, typed)))),
    [contains, options, shown, typed],
  );
  // An "add one" picker's selection stays empty, so the library never sees a choice that would close the list:
  // it is closed here, after each choice.
  const stateRef = useRef<ComboBoxState | null>(null);
  return (
    <ComboBox
      className={['ui-picker', className].filter(Boolean).join(' ')}
      data-testid={testId}
      items={shownOptions}
      selectedKey={clearOnSelect ? null : value}
      inputValue={input}
      onInputChange={setInput}
      onSelectionChange={(key: Key | null) => {
        if (key === null) return;
        const id = String(key);
        onChange(id);
        setInput(clearOnSelect ? '' : (labelOf.get(id) ?? id));
        if (clearOnSelect) stateRef.current?.close();
      }}
      menuTrigger="focus"
      isDisabled={isDisabled}
      aria-label={hideLabel ? label : undefined}
    >
      <StateCatcher intoRef={stateRef} />
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
            <ListBoxItem id={option.id} textValue={option.label} className="ui-listbox-item" data-value={option.id}>
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
