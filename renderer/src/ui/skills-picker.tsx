import { useContext, useEffect, useMemo, useRef, useState, type ContextType, type RefObject } from 'react';
import { ChevronDown, Plus, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import {
  Button as AriaButton,
  ComboBox,
  ComboBoxStateContext,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Tag,
  TagGroup,
  TagList,
  Text,
  useFilter,
  type Key,
} from 'react-aria-components';
import { findSkillKey, skillKeys, storedSkillToken } from '../../../shared/domain/skills';
import { sortByLabel } from './display-names';
import { useSkillName } from './skill-names';

type ComboBoxState = NonNullable<ContextType<typeof ComboBoxStateContext>>;

const StateCatcher = ({ intoRef }: { intoRef: RefObject<ComboBoxState | null> }) => {
  const state = useContext(ComboBoxStateContext);
  useEffect(() => {
    intoRef.current = state;
  }, [intoRef, state]);
  return null;
};

type Option = { id: string; label: string; custom: boolean };

type Props = {
  label: string;
  description?: string;
  /** The skills chosen, as stored (catalogue skills by their token, others as typed). */
  value: readonly string[];
  onChange: (skills: string[]) => void;
  /** More skills to offer beside the catalogue's (those seen in the feed, say), as their platforms send them. */
  suggestions?: readonly string[];
  testId?: string;
  className?: string;
};

// A typed skill is one line: commas separate skills where they are kept as text.
const cleanTyped = (text: string): string => text.replace(/[,\s]+/g, ' ').trim();

/**
 * Many skills out of a long list: a combobox that adds each choice as a chip. Every skill is named in the UI's
 * language (never its slug); one Bottega has no name for can be added as typed. Backspace or Delete on a chip,
 * or its ×, removes it.
 */
export const SkillsPicker = ({ label, description, value, onChange, suggestions = [], testId, className }: Props) => {
  const { t, i18n } = useTranslation('skills');
  const nameSkill = useSkillName();
  const [input, setInput] = useState('');
  const stateRef = useRef<ComboBoxState | null>(null);
  const { contains } = useFilter({ sensitivity: 'base' });
  const chosenKeys = useMemo(() => new Set(value.map((skill) => findSkillKey(skill) ?? skill.toLowerCase())), [value]);
  const options = useMemo(() => {
    const known = skillKeys.map((key) => ({ id: storedSkillToken(key), label: nameSkill(storedSkillToken(key)), custom: false }));
    const extra = suggestions
      .filter((skill) => findSkillKey(skill) === null)
      .map((skill) => ({ id: skill, label: skill, custom: false }));
    const unique = new Map([...known, ...extra].map((option) => [option.id.toLowerCase(), option]));
    const open = [...unique.values()].filter((option) => !chosenKeys.has(findSkillKey(option.id) ?? option.id.toLowerCase()));
    const typed = cleanTyped(input);
    // Controlled items are not filtered by the library: the typed text narrows them (accents and case ignored).
    const sorted = sortByLabel(typed === '' ? open : open.filter((option) => contains(option.label, typed)), i18n.language);
    const typedKnown = typed === '' || sorted.some((option) => option.label.toLocaleLowerCase(i18n.language) === typed.toLocaleLowerCase(i18n.language));
    const typedChosen = chosenKeys.has(findSkillKey(typed) ?? typed.toLowerCase());
    return typedKnown || typedChosen ? sorted : [...sorted, { id: `custom:${typed}`, label: typed, custom: true }];
  }, [chosenKeys, contains, i18n.language, input, nameSkill, suggestions]);

  const add = (key: Key | null): void => {
    if (key === null) return;
    const id = String(key);
    const skill = id.startsWith('custom:') ? id.slice('custom:'.length) : id;
    if (skill !== '' && !chosenKeys.has(findSkillKey(skill) ?? skill.toLowerCase())) onChange([...value, skill]);
    setInput('');
    stateRef.current?.close();
  };
  const remove = (keys: Set<Key>): void => onChange(value.filter((skill) => !keys.has(skill)));

  return (
    <div className={['ui-skills', className].filter(Boolean).join(' ')} data-testid={testId}>
      <ComboBox
        className="ui-picker"
        items={options}
        selectedKey={null}
        inputValue={input}
        onInputChange={setInput}
        onSelectionChange={add}
        menuTrigger="focus"
      >
        <StateCatcher intoRef={stateRef} />
        <Label className="field-label">{label}</Label>
        <div className="ui-picker-field">
          <Input className="ui-picker-input" placeholder={t('picker.placeholder')} data-testid={testId && `${testId}-input`} />
          <AriaButton className="ui-picker-toggle" aria-hidden="true" excludeFromTabOrder>
            <ChevronDown size={16} aria-hidden="true" />
          </AriaButton>
        </div>
        {description && (
          <Text slot="description" className="field-hint">
            {description}
          </Text>
        )}
        <Popover className="ui-popover ui-picker-popover" offset={4}>
          <ListBox className="ui-listbox" renderEmptyState={() => null}>
            {(option: Option) => (
              <ListBoxItem id={option.id} textValue={option.label} className="ui-listbox-item" data-value={option.id}>
                {option.custom && <Plus size={14} aria-hidden="true" />}
                <span className="ui-listbox-label">{option.custom ? t('picker.addTyped', { skill: option.label }) : option.label}</span>
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </ComboBox>
      {value.length > 0 && (
        <TagGroup className="ui-tag-group" aria-label={t('picker.chosen', { label })} onRemove={remove}>
          <TagList className="ui-tag-list">
            {value.map((skill) => (
              <Tag key={skill} id={skill} textValue={nameSkill(skill)} className="ui-tag" data-testid={testId && `${testId}-chip`} data-value={skill}>
                <span>{nameSkill(skill)}</span>
                <AriaButton slot="remove" className="ui-tag-remove" aria-label={t('picker.remove', { skill: nameSkill(skill) })}>
                  <X size={12} aria-hidden="true" />
                </AriaButton>
              </Tag>
            ))}
          </TagList>
        </TagGroup>
      )}
    </div>
  );
};
