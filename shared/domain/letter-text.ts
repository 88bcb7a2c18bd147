/**
 * The plain text of a letter written in the editor: what the platform receives, the preview shows and merge fields
 * are resolved in. Written once here so the editor (as the user types) and the core (a letter started from a
 * template) give the same text. Blocks are separated by a blank line; list items keep their bullet or number, since
 * the platform shows plain text and a list without its markers reads as loose lines.
 */

type DocNode = { type?: unknown; text?: unknown; content?: unknown; attrs?: unknown };

const isNode = (value: unknown): value is DocNode => typeof value === 'object' && value !== null;

const childrenOf = (node: DocNode): DocNode[] => (Array.isArray(node.content) ? node.content.filter(isNode) : []);

const inlineText = (node: DocNode): string => {
  if (node.type === 'text') return typeof node.text === 'string' ? node.text : '';
  if (node.type === 'hardBreak') return '\n';
  return childrenOf(node).map(inlineText).join('');
};

const indent = (text: string, first: string, rest: string): string =>
  text
    .split('\n')
    .map((line, index) => (index === 0 ? first : line === '' ? rest.trimEnd() : rest) + line)
    .join('\n');

const listStart = (node: DocNode): number => {
  const start = isNode(node.attrs) ? (node.attrs as { start?: unknown }).start : undefined;
  return typeof start === 'number' && Number.isInteger(start) ? start : 1;
};

/** A list item's blocks: its first paragraph beside the marker, the rest (nested lists too) under it. */
const listItems = (list: DocNode, marker: (index: number) => string): string =>
  childrenOf(list)
    .map((item, index) => {
      const prefix = marker(index);
      return indent(childrenOf(item).map(blockText).join('\n'), prefix, ' '.repeat(prefix.length));
    })
    .join('\n');

const blockText = (node: DocNode): string => {
  switch (node.type) {
    case 'bulletList':
      return listItems(node, () => '• ');
    case 'orderedList': {
      const start = listStart(node);
      return listItems(node, (index) => `${start + index}. `);
    }
    case 'blockquote':
      return indent(childrenOf(node).map(blockText).join('\n\n'), '> ', '> ');
    case 'horizontalRule':
      return '———';
    default: {
      const children = childrenOf(node);
      // Text blocks hold inline content; any other block holds blocks.
      const holdsBlocks = children.some((child) => child.type !== 'text' && child.type !== 'hardBreak' && Array.isArray(child.content));
      return node.type === 'doc' || holdsBlocks ? children.map(blockText).join('\n\n') : inlineText(node);
    }
  }
};

/** A document as the editor stores it (ProseMirror JSON, or a string for a letter written before the editor). */
export const letterText = (bodyJson: string): string => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyJson);
  } catch {
    return bodyJson;
  }
  if (typeof parsed === 'string') return parsed;
  return isNode(parsed) ? blockText(parsed) : '';
};

/** The same for a document the editor holds as an object. */
export const letterTextOf = (doc: unknown): string => (isNode(doc) ? blockText(doc) : '');
