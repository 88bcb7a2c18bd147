/**
 * The plain text of an editor document, as the editor itself gives it (blocks separated by a blank line, hard
 * breaks as line breaks): what a letter started from a template holds before the editor has touched it.
 */

type DocNode = { type?: unknown; text?: unknown; content?: unknown };

const isNode = (value: unknown): value is DocNode => typeof value === 'object' && value !== null;

const inlineText = (node: DocNode): string => {
  if (node.type === 'text') return typeof node.text === 'string' ? node.text : '';
  if (node.type === 'hardBreak') return '\n';
  return Array.isArray(node.content) ? node.content.filter(isNode).map(inlineText).join('') : '';
};

// Text blocks hold inline content; every other block (lists, quotes) holds blocks.
const textBlocks = (node: DocNode): string[] => {
  const children = Array.isArray(node.content) ? node.content.filter(isNode) : [];
  const holdsBlocks = children.some((child) => child.type !== 'text' && child.type !== 'hardBreak' && Array.isArray(child.content));
  if (node.type !== 'doc' && !holdsBlocks) return [inlineText(node)];
  return children.flatMap(textBlocks);
};

export const documentText = (bodyJson: string): string => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyJson);
  } catch {
    return bodyJson;
  }
  if (typeof parsed === 'string') return parsed;
  return isNode(parsed) ? textBlocks(parsed).join('\n\n') : '';
};
