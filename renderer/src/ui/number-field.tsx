import { Minus, Plus } from 'lucide-react';
import { Button as AriaButton, FieldError, Group, Input, Label, NumberField as AriaNumberField, Text } from 'react-aria-components';

type Props = {
  label: string;
  /** NaN while the field is empty. */
  value: number;
  onChange: (value: number) => void;
  minValue: number;
  maxValue: number;
  /** How the number is written and read back in the UI's language (a unit such as days, no fractions). */
  formatOptions?: Intl.NumberFormatOptions;
  /** One line under the field that says more than the label. */
  description?: string;
  /** Said under the field while it is empty (the field is marked invalid). */
  errorMessage?: string;
  isDisabled?: boolean;
  /** Names for the step buttons ("Fewer days", "More days"): they take no focus, the arrow keys do the same. */
  decrementLabel: string;
  incrementLabel: string;
  testId?: string;
  autoFocus?: boolean;
};

/**
 * A number typed or stepped (React Aria's NumberField): written and parsed in the UI's locale (a German "5 Tage"),
 * arrow keys and the buttons step within [minValue, maxValue], characters that make no number are not taken, and
 * a number typed out of range is brought into it when the field is left (shown, never saved behind the user's
 * back: the caller saves on its own button). An empty field is marked invalid with its message.
 */
export const NumberField = ({
  label,
  value,
  onChange,
  minValue,
  maxValue,
  formatOptions,
  description,
  errorMessage,
  isDisabled,
  decrementLabel,
  incrementLabel,
  testId,
  autoFocus,
}: Props) => {
  const invalid = Number.isNaN(value) || value < minValue || value > maxValue || !Number.isInteger(value);
  return (
    <AriaNumberField
      className="ui-number-field"
      value={value}
      onChange={onChange}
      minValue={minValue}
      maxValue={maxValue}
      step={1}
      formatOptions={{ maximumFractionDigits: 0, ...formatOptions }}
      isDisabled={isDisabled}
      isInvalid={invalid}
      validationBehavior="aria"
      data-testid={testId}
      autoFocus={autoFocus}
    >
      <Label className="field-label">{label}</Label>
      <Group className="ui-number-field-group">
        <AriaButton slot="decrement" className="ui-number-field-step" aria-label={decrementLabel}>
          <Minus size={14} aria-hidden="true" />
        </AriaButton>
        <Input className="ui-number-field-input" data-testid={testId && `${testId}-input`} />
        <AriaButton slot="increment" className="ui-number-field-step" aria-label={incrementLabel}>
          <Plus size={14} aria-hidden="true" />
        </AriaButton>
      </Group>
      {description && (
        <Text slot="description" className="field-hint">
          {description}
        </Text>
      )}
      <FieldError className="form-error">{errorMessage}</FieldError>
    </AriaNumberField>
  );
};
