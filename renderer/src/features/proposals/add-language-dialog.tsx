import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Copy, FilePlus2, FileText } from 'lucide-react';
import type { TemplateItem } from '../../../../shared/contract/proposals';
import { formatLanguageName } from '../../../../shared/i18n/format';
import { Button } from '../../ui/button';
import { ChoiceList } from '../../ui/choice-list';
import { Dialog } from '../../ui/dialog';
import { Picker } from '../../ui/picker';
import { nameLanguage } from '../../ui/display-names';

/** How a new language's letter starts. */
export type LetterStart = { kind: 'empty' } | { kind: 'template'; template: TemplateItem } | { kind: 'copy' };

type Props = {
  /** The language being added; null: closed. */
  locale: string | null;
  /** The project's language, whose letter a copy starts from. */
  sourceLocale: string;
  /** The library's templates (every language). */
  templates: readonly TemplateItem[];
  onStart: (locale: string, start: LetterStart) => void;
  onCancel: () => void;
};

/**
 * A new language asks how its letter starts (#15): empty, from a template (those of its language when there are
 * any, else every template, each named with its language), or from a copy of the project language's letter to
 * translate. Nothing is copied unless chosen.
 */
export const AddLanguageDialog = ({ locale, sourceLocale, templates, onStart, onCancel }: Props) => {
  const { t, i18n } = useTranslation('proposals');
  const isOpen = locale !== null;
  const ofLanguage = templates.filter((item) => item.locale === locale);
  const offered = ofLanguage.length > 0 ? ofLanguage : templates;
  const [shownFor, setShownFor] = useState<string | null>(null);
  const [choice, setChoice] = useState<'template' | 'copy' | 'empty'>('empty');
  const [templateId, setTemplateId] = useState<string | null>(null);
  // Each opening starts with the likeliest choice: a template of that language when there is one, else empty.
  if (locale !== shownFor) {
    setShownFor(locale);
    setChoice(ofLanguage.length > 0 ? 'template' : 'empty');
    setTemplateId(ofLanguage[0]?.id ?? null);
  }
  if (!isOpen) return null;
  const language = formatLanguageName(locale, i18n.language);
  const source = formatLanguageName(sourceLocale, i18n.language);
  const template = offered.find((item) => item.id === templateId);
  const ready = choice !== 'template' || template !== undefined;
  const start = (): void => {
    if (choice === 'template') {
      if (template) onStart(locale, { kind: 'template', template });
      return;
    }
    onStart(locale, choice === 'copy' ? { kind: 'copy' } : { kind: 'empty' });
  };
  return (
    <Dialog
      isOpen
      onOpenChange={(open) => !open && onCancel()}
      title={t('addLanguage.title', { language })}
      testId="add-language-dialog"
      footer={
        <>
          <Button variant="secondary" onPress={onCancel} data-testid="add-language-cancel">
            {t('addLanguage.cancel')}
          </Button>
          <Button variant="primary" isDisabled={!ready} onPress={start} data-testid="add-language-start">
            {t('addLanguage.start', { language })}
          </Button>
        </>
      }
    >
      <ChoiceList
        label={t('addLanguage.how')}
        value={choice}
        onChange={(next) => {
          setChoice(next);
          // A template choice always names one: the first offered until another is picked.
          if (next === 'template' && !offered.some((item) => item.id === templateId)) setTemplateId(offered[0]?.id ?? null);
        }}
        testId="letter-start"
        choices={[
          {
            id: 'template',
            label: t('addLanguage.template'),
            description:
              templates.length === 0
                ? t('addLanguage.noTemplates')
                : ofLanguage.length > 0
                  ? t('addLanguage.templateHint', { language })
                  : t('addLanguage.templateOtherHint', { language }),
            icon: <FileText size={18} />,
            disabled: templates.length === 0,
          },
          { id: 'copy', label: t('addLanguage.copy', { source }), description: t('addLanguage.copyHint', { language }), icon: <Copy size={18} /> },
          { id: 'empty', label: t('addLanguage.empty'), description: t('addLanguage.emptyHint'), icon: <FilePlus2 size={18} /> },
        ]}
        detail={
          choice === 'template' && (
            <Picker
              label={t('addLanguage.whichTemplate')}
              options={offered.map((item) => ({
                id: item.id,
                label: item.name,
                ...(item.locale === locale ? {} : { hint: nameLanguage(item.locale, i18n.language) }),
              }))}
              value={templateId}
              onChange={setTemplateId}
              testId="letter-start-which"
            />
          )
        }
      />
    </Dialog>
  );
};
