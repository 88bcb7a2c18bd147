import { EditorContent, useEditor, type JSONContent } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { letterTextOf } from '../../../../shared/domain/letter-text';
import { useSpellcheckFollowsFocus } from './use-proposals';

const isDocument = (value: unknown): value is JSONContent =>
  value !== null && typeof value === 'object' && 'type' in value && value.type === 'doc';

/**
 * What the core holds for a variant: the editor's document as JSON, or (from the platform) the letter as a
 * JSON string, or nothing yet. Text becomes paragraphs; it is never parsed as markup.
 */
export const toEditorContent = (bodyJson: string): JSONContent | string => {
  if (bodyJson === '') return '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyJson);
  } catch {
    parsed = bodyJson;
  }
  if (typeof parsed === 'string') {
    return {
      type: 'doc',
      content: parsed.split(/\n{2,}|\n/).map((line) => (line === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text: line }] })),
    };
  }
  if (isDocument(parsed)) return parsed;
  return '';
};

type Props = {
  locale: string;
  bodyJson: string;
  editable: boolean;
  onChange: (bodyJson: string, bodyText: string) => void;
  onBlur: () => void;
  /** A snippet to insert at the cursor; a new `seq` inserts again. */
  insertion: { seq: number; bodyJson: string } | null;
};

/**
 * One variant's cover letter. Spell-checking follows the variant's language: through `lang` in a browser, and in
 * Electron by asking for the window's spellchecker languages when the letter takes focus.
 */
export const CoverLetterEditor = ({ locale, bodyJson, editable, onChange, onBlur, insertion }: Props) => {
  const { t } = useTranslation('proposals');
  const spellcheckThisLanguage = useSpellcheckFollowsFocus(locale);
  const editor = useEditor({
    extensions: [StarterKit.configure({ link: { openOnClick: false, autolink: false }, heading: { levels: [2, 3] } })],
    content: toEditorContent(bodyJson),
    editable,
    editorProps: {
      attributes: {
        lang: locale,
        spellcheck: 'true',
        class: 'cover-letter-editor',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': t('editor.label', { language: locale }),
        'data-testid': 'cover-letter',
      },
    },
    onUpdate: ({ editor: current }) => {
      const doc = current.getJSON();
      onChange(JSON.stringify(doc), letterTextOf(doc));
    },
    onBlur: () => onBlur(),
    onFocus: () => spellcheckThisLanguage(),
  });
  useEffect(() => {
    if (!editor || !insertion) return;
    const content = toEditorContent(insertion.bodyJson);
    if (typeof content !== 'string') editor.chain().focus().insertContent(content.content ?? []).run();
  }, [editor, insertion]);
  const toggle = (command: 'bold' | 'italic' | 'bulletList' | 'orderedList'): void => {
    if (!editor) return;
    const chain = editor.chain().focus();
    if (command === 'bold') chain.toggleBold().run();
    if (command === 'italic') chain.toggleItalic().run();
    if (command === 'bulletList') chain.toggleBulletList().run();
    if (command === 'orderedList') chain.toggleOrderedList().run();
  };
  return (
    <div className="cover-letter">
      {editable && (
        <div className="editor-toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
          <button type="button" className="secondary small" onClick={() => toggle('bold')} aria-pressed={editor?.isActive('bold') ?? false}>
            {t('editor.bold')}
          </button>
          <button type="button" className="secondary small" onClick={() => toggle('italic')} aria-pressed={editor?.isActive('italic') ?? false}>
            {t('editor.italic')}
          </button>
          <button type="button" className="secondary small" onClick={() => toggle('bulletList')}>
            {t('editor.bullets')}
          </button>
          <button type="button" className="secondary small" onClick={() => toggle('orderedList')}>
            {t('editor.numbered')}
          </button>
        </div>
      )}
      <EditorContent editor={editor} />
    </div>
  );
};
