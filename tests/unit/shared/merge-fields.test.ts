import { describe, expect, it } from 'vitest';
import { findMergeFields, isFilledFrom, resolveMergeFields, splitMergeFields } from '../../../shared/domain/merge-fields';

const values = { 'client.name': 'Jürgen Weiß', 'project.title': 'Übersetzung für Straßenbau', 'my.name': 'Giulia Rossi', 'my.rate': '45,00 €' };

describe('merge fields', () => {
  it('fills every known field, as often as it appears, with text taken literally', () => {
    const text = 'Sehr geehrter {client.name}, zu „{project.title}“: {my.rate} pro Stunde. Grüße, {my.name} – {client.name}';
    expect(resolveMergeFields(text, values)).toEqual({
      text: 'Sehr geehrter Jürgen Weiß, zu „Übersetzung für Straßenbau“: 45,00 € pro Stunde. Grüße, Giulia Rossi – Jürgen Weiß',
      unresolved: [],
    });
    // A value that looks like a field or a replacement pattern is not expanded again.
    expect(resolveMergeFields('{client.name}', { 'client.name': '$& {my.name}' }).text).toBe('$& {my.name}');
  });

  it('flags unknown fields and fields without a value, and leaves them in place', () => {
    expect(resolveMergeFields('Hi {client.nmae}, {my.name} here, {project.budget}', { 'my.name': '' })).toEqual({
      text: 'Hi {client.nmae}, {my.name} here, {project.budget}',
      unresolved: ['client.nmae', 'my.name', 'project.budget'],
    });
  });

  it('treats braces that are not a dotted name as ordinary text', () => {
    const text = 'Code: function() { return {a: 1}; } {single} {Client.Name} { client.name }';
    expect(findMergeFields(text)).toEqual([]);
    expect(resolveMergeFields(text, values)).toEqual({ text, unresolved: [] });
    expect(findMergeFields('{my.name} {client.name} {my.name}')).toEqual(['my.name', 'client.name']);
  });

  it('splits a letter into text and fields for the preview, each field with its value or none', () => {
    const segments = splitMergeFields('Hallo {client.name}, {project.budget}!', values);
    expect(segments).toEqual([
      { text: 'Hallo ' },
      { field: 'client.name', value: 'Jürgen Weiß' },
      { text: ', ' },
      { field: 'project.budget', value: null },
      { text: '!' },
    ]);
    // Preview and submit agree: joining the filled segments is what resolve sends.
    const joined = segments.map((segment) => ('text' in segment ? segment.text : (segment.value ?? `{${segment.field}}`))).join('');
    expect(joined).toBe(resolveMergeFields('Hallo {client.name}, {project.budget}!', values).text);
    expect(splitMergeFields('', values)).toEqual([]);
  });

  it('recognises a letter sent with its fields filled as the one written with the fields', () => {
    const written = 'Hallo {client.name}, zu „{project.title}“ (Preis: 10 $).';
    expect(isFilledFrom(written, resolveMergeFields(written, values).text)).toBe(true);
    expect(isFilledFrom(written, 'Hallo Anna, zu „Shop“ (Preis: 10 $).')).toBe(true);
    expect(isFilledFrom(written, 'Hallo Anna, zu „Shop“ (Preis: 12 $).')).toBe(false);
    expect(isFilledFrom('Ohne Felder.', 'Ohne Felder!')).toBe(false);
    expect(isFilledFrom('Ohne Felder.', 'Ohne Felder.')).toBe(true);
  });
});
