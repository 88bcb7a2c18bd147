import { describe, expect, it } from 'vitest';
import { letterText, letterTextOf } from '../../../shared/domain/letter-text';

const text = (value: string) => ({ type: 'text', text: value });
const paragraph = (...content: object[]) => ({ type: 'paragraph', ...(content.length > 0 ? { content } : {}) });
const item = (...content: object[]) => ({ type: 'listItem', content });
const doc = (...content: object[]) => ({ type: 'doc', content });

describe('letterText', () => {
  it('separates paragraphs by a blank line and keeps hard breaks and empty paragraphs as the editor does', () => {
    const body = doc(paragraph(text('Guten Tag Frau Weber,')), paragraph(), paragraph(text('Zeile eins'), { type: 'hardBreak' }, text('Zeile zwei')));
    expect(letterTextOf(body)).toBe('Guten Tag Frau Weber,\n\n\n\nZeile eins\nZeile zwei');
  });

  it('keeps bullets and numbers, from the list’s own start, with nested lists indented under their item', () => {
    const body = doc(
      paragraph(text('Was ich liefere:')),
      { type: 'bulletList', content: [item(paragraph(text('Entwurf'))), item(paragraph(text('Umsetzung')), { type: 'bulletList', content: [item(paragraph(text('Shop')))] })] },
      { type: 'orderedList', attrs: { start: 3 }, content: [item(paragraph(text('Drei'))), item(paragraph(text('Vier')))] },
    );
    expect(letterTextOf(body)).toBe('Was ich liefere:\n\n• Entwurf\n• Umsetzung\n  • Shop\n\n3. Drei\n4. Vier');
  });

  it('marks quotes and keeps merge fields and markup-like text as typed', () => {
    const body = doc({ type: 'blockquote', content: [paragraph(text('Zitat')), paragraph(text('<b>{client.name}</b>'))] });
    expect(letterTextOf(body)).toBe('> Zitat\n>\n> <b>{client.name}</b>');
  });

  it('reads stored JSON, a letter stored as a JSON string, and text that is not JSON', () => {
    expect(letterText(JSON.stringify(doc(paragraph(text('Ciao'))))))
      .toBe('Ciao');
    expect(letterText(JSON.stringify('Lettera dalla piattaforma'))).toBe('Lettera dalla piattaforma');
    expect(letterText('not json {')).toBe('not json {');
    expect(letterText('42')).toBe('');
  });
});
