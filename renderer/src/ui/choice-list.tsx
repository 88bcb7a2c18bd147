import type { ReactNode } from 'react';
import { Label, Radio, RadioGroup, Text } from 'react-aria-components';
import './choice-list.css';

export type Choice<K extends string> = {
  id: K;
  label: string;
  /** One line under the label: what this choice does. */
  description?: string;
  icon?: ReactNode;
  disabled?: boolean;
};

type Props<K extends string> = {
  label: string;
  choices: readonly Choice<K>[];
  value: K | null;
  onChange: (value: K) => void;
  /** Drawn under the chosen choice only (a further pick that belongs to it, such as which template). */
  detail?: ReactNode;
  testId?: string;
};

/**
 * One choice among a few that each need a sentence: a radio group drawn as a stack of cards (arrow keys move, the
 * chosen one is marked), where the segmented control's short labels would not say enough.
 */
export const ChoiceList = <K extends string>({ label, choices, value, onChange, detail, testId }: Props<K>) => (
  <RadioGroup
    className="ui-choice-list"
    value={value}
    data-testid={testId}
    isDisabled={choices.every((choice) => choice.disabled)}
    onChange={(picked) => {
      const choice = choices.find((candidate) => candidate.id === picked);
      if (choice) onChange(choice.id);
    }}
  >
    <Label className="field-label">{label}</Label>
    {choices.map((choice) => (
      <div key={choice.id} className="ui-choice-slot">
        <Radio value={choice.id} className="ui-choice" isDisabled={choice.disabled} data-testid={testId && `${testId}-${choice.id}`}>
          <span className="ui-choice-mark" aria-hidden="true" />
          {choice.icon && <span className="ui-choice-icon">{choice.icon}</span>}
          <span className="ui-choice-text">
            <span className="ui-choice-label">{choice.label}</span>
            {choice.description && (
              <Text slot="description" className="ui-choice-description">
                {choice.description}
              </Text>
            )}
          </span>
        </Radio>
        {choice.id === value && detail && <div className="ui-choice-detail">{detail}</div>}
      </div>
    ))}
  </RadioGroup>
);
