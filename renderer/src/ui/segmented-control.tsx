import type { ReactNode } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';

export type Segment<K extends string> = { id: K; label: string; icon?: ReactNode };

type Props<K extends string> = {
  label: string;
  segments: readonly Segment<K>[];
  value: K;
  onChange: (value: K) => void;
  testId?: string;
};

/** One choice among a few, all visible (a radio group drawn as joined buttons); arrow keys move the choice. */
export const SegmentedControl = <K extends string>({ label, segments, value, onChange, testId }: Props<K>) => (
  <RadioGroup
    className="ui-segmented"
    value={value}
    orientation="horizontal"
    data-testid={testId}
    onChange={(picked) => {
      const segment = segments.find((candidate) => candidate.id === picked);
      if (segment) onChange(segment.id);
    }}
  >
    <Label className="field-label">{label}</Label>
    <div className="ui-segmented-track">
      {segments.map((segment) => (
        <Radio key={segment.id} value={segment.id} className="ui-segment" data-testid={testId && `${testId}-${segment.id}`}>
          {segment.icon}
          {segment.label}
        </Radio>
      ))}
    </div>
  </RadioGroup>
);
