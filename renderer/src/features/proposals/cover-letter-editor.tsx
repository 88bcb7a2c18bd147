import { EditorContent, useEditor, useEditorState, type JSONContent } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useImperativeHandle, useRef, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Bold, Italic, List, ListOrdered } from 'lucide-react';
import { Toolbar } from 'react-aria-components';
import { IconButton } from '../../ui/button';
import { formatShortcut } from '../../ui/shortcut';
import { letterTextOf } from '../../../../shared/domain/letter-text';
import { useSpellcheckFollowsFocus } from './use-proposals';
import './proposals.css';

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

type FormatCommand = 'bold' | 'italic' | 'bulletList' | 'orderedList';

// The shortcuts are Tiptap's own (StarterKit binds them); the toolbar only names them.
const formatButtons = [
  { command: 'bold', label: 'editor.bold', shortcut: 'Mod+B', Icon: Bold },
  { command: 'italic', label: 'editor.italic', shortcut: 'Mod+I', Icon: Italic },
  { command: 'bulletList', label: 'editor.bullets', shortcut: 'Mod+Shift+8', Icon: List },
  { command: 'orderedList', label: 'editor.numbered', shortcut: 'Mod+Shift+7', Icon: ListOrdered },
] as const satisfies readonly { command: FormatCommand; label: string; shortcut: string; Icon: unknown }[];

/** What the owner of a letter may do to the editor, once, when something happens (not on every render). */
export type LetterEditorHandle = {
  /** The whole letter becomes `bodyJson`, which the core already holds (so no change is reported); `focus` puts the caret at its end. */
  replace: (bodyJson: string, focus: boolean) => void;
  /** A snippet goes in at the cursor, as if typed (reported as a change). */
  insert: (bodyJson: string) => void;
  /** Nothing can be typed while the core changes the letter. */
  setLocked: (locked: boolean) => void;
};

type Props = {
  locale: string;
  /** The letter the editor starts with; read once, when it is created. Later changes go through `handle`. */
  bodyJson: string;
  editable: boolean;
  onChange: (bodyJson: string, bodyText: string) => void;
  onBlur: () => void;
  /** Caret at the end as soon as the letter shows: for a letter the user has just made (a new language). */
  autofocus?: boolean;
  handle?: Ref<LetterEditorHandle>;
  /** Drawn after the formatting buttons in the letter's header: the save status and the letter's actions. */
  header?: ReactNode;
};

/**
 * One variant's cover letter. Spell-checking follows the variant's language: through `lang` in a browser, and in
 * Electron by asking for the window's spellchecker languages when the letter takes focus.
 */
export const CoverLetterEditor = ({ locale, bodyJson, editable, onChange, onBlur, autofocus = false, handle, header }: Props) => {
  const { t } = useTranslation('proposals');
  const spellcheckThisLanguage = useSpellcheckFollowsFocus(locale);
  // The same object on every render: Tiptap compares options by identity and would otherwise reapply them each time.
  const [content] = useState(() => toEditorContent(bodyJson));
  const editor = useEditor({
    extensions: [StarterKit.configure({ link: { openOnClick: false, autolink: false }, heading: { levels: [2, 3] } })],
    content,
    editable,
    // Its rules are in styles.css: an injected <style> is inline style, refused by the Content-Security-Policy.
    injectCSS: false,
    autofocus: autofocus ? 'end' : false,
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
  const locked = useRef(false);
  const editableNow = useRef(editable);
  useImperativeHandle(
    handle,
    () => ({
      replace: (next, focus) => {
        const chain = editor.chain().setContent(toEditorContent(next), { emitUpdate: false });
        (focus ? chain.focus('end') : chain).run();
      },
      insert: (snippet) => {
        const inserted = toEditorContent(snippet);
        if (typeof inserted !== 'string') editor.chain().focus().insertContent(inserted.content ?? []).run();
      },
      setLocked: (next) => {
        locked.current = next;
        editor.setEditable(editableNow.current && !next, false);
      },
    }),
    [editor],
  );
  // A proposal that stops being editable (sent, withdrawn) locks its letter; no change is reported for it.
  useEffect(() => {
    editableNow.current = editable;
    editor.setEditable(editable && !locked.current, false);
  }, [editor, editable]);
  // The toolbar shows the marks at the caret; read through useEditorState so only it redraws as the caret moves.
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
    }),
  });
  const toggle = (command: FormatCommand): void => {
    const chain = editor.chain().focus();
    if (command === 'bold') chain.toggleBold().run();
    if (command === 'italic') chain.toggleItalic().run();
    if (command === 'bulletList') chain.toggleBulletList().run();
    if (command === 'orderedList') chain.toggleOrderedList().run();
  };
  return (
    <div className="cover-letter">
      <div className={`letter-header${editable || header ? '' : ' is-empty'}`}>
        {editable && (
          <Toolbar className="editor-toolbar" aria-label={t('editor.toolbar')}>
            {formatButtons.map(({ command, label, shortcut, Icon }) => (
              <IconButton
                key={command}
                label={t(label)}
                shortcut={formatShortcut(shortcut)}
                icon={<Icon size={16} aria-hidden="true" />}
                pressed={active[command]}
                onPress={() => toggle(command)}
                data-testid={`format-${command}`}
              />
            ))}
          </Toolbar>
        )}
        {header}
      </div>
      <EditorContent editor={editor} />
    </div>
  );
};
