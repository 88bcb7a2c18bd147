import type { Page } from '@playwright/test';

/**
 * What is wrong with the layout on screen now, one line per problem (empty when none), found in the page itself:
 * - a page or a pane that scrolls sideways (wider than 300 px: the main panes, dialogs);
 * - text cut or spilling out of its box (scrollWidth over clientWidth), or cut at the bottom of a box that hides
 *   its overflow, unless it ends in an intentional ellipsis (or line clamp) with the full text in a title;
 * - a list row's name (its first text) in an ellipsis where the whole name would fit on the row's line (what sits
 *   beside it took the room);
 * - controls spilling out of the box that holds them (chips squeezed into a narrow column);
 * - two controls (buttons, fields, tabs, links) whose boxes overlap inside a header, toolbar, tab list or dialog.
 * The e2e tsconfig has no DOM types, so the check is the page's own script, as text.
 */
const script = String.raw`(() => {
  const problems = [];
  const describe = (element) => {
    const testId = element.getAttribute('data-testid');
    const classes = typeof element.className === 'string' ? element.className.trim().split(/\s+/).filter(Boolean).slice(0, 2) : [];
    return element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') + (testId ? '[' + testId + ']' : '') + classes.map((name) => '.' + name).join('');
  };
  const words = (element) => (element.innerText || element.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 50);
  const visible = (element) => {
    const box = element.getBoundingClientRect();
    if (box.width < 1 || box.height < 1) return false;
    if (box.bottom < 0 || box.top > innerHeight || box.right < 0 || box.left > innerWidth) return false;
    const style = getComputedStyle(element);
    // Visually hidden on purpose (said by screen readers only): clipped to nothing.
    if (style.clipPath === 'inset(50%)' || style.clip.startsWith('rect(0') || (box.width <= 1 && box.height <= 1)) return false;
    return style.visibility !== 'hidden' && Number(style.opacity) > 0;
  };
  const hasOwnText = (element) => [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent.trim() !== '');
  const boxOf = (element) => {
    let box = element;
    while (box && ['inline', 'contents'].includes(getComputedStyle(box).display)) box = box.parentElement;
    return box;
  };
  // An ellipsis the design meant: text-overflow ellipsis (or a line clamp) with the full text in a title nearby.
  const intendedEllipsis = (box) => {
    const style = getComputedStyle(box);
    if (style.textOverflow !== 'ellipsis' && style.webkitLineClamp === 'none') return false;
    const titled = box.closest('[title]');
    return titled !== null && titled.getAttribute('title').trim() !== '';
  };
  const fields = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
  // The width of the line a box sits on: its nearest ancestor that is not a flex row (whose items share the line),
  // less its padding; 0 where that is a grid (its columns are the design's to size).
  const lineWidthOf = (box) => {
    for (let line = box.parentElement; line; line = line.parentElement) {
      const style = getComputedStyle(line);
      if (['inline', 'contents'].includes(style.display)) continue;
      if (style.display.endsWith('flex') && style.flexDirection.startsWith('row')) continue;
      if (style.display.endsWith('grid')) return 0;
      return line.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    }
    return 0;
  };
  // A list row's name (its first text) ending in an ellipsis where the whole name would fit on the row's line:
  // what sits beside it took the room (a name cut to "An…" by a badge and a time).
  const squeezed = (box) => {
    const row = box.closest('[role=listitem], li, [role=row]');
    if (row === null) return false;
    const first = [...row.querySelectorAll('*')].find((element) => hasOwnText(element) && visible(element));
    return first !== undefined && boxOf(first) === box && box.scrollWidth <= lineWidthOf(box);
  };

  const page = document.scrollingElement;
  if (page.scrollWidth > page.clientWidth + 1) problems.push('the page scrolls sideways: ' + page.scrollWidth + ' > ' + page.clientWidth);

  const controls = 'button, a[href], input:not([type=hidden]), textarea, select, [role=button], [role=tab], [role=combobox], [role=radio], [role=switch]';
  const checked = new Set();
  for (const element of document.body.querySelectorAll('*')) {
    if (fields.has(element.tagName) || element.closest('svg')) continue;
    const style = getComputedStyle(element);
    const sideways = (style.overflowX === 'auto' || style.overflowX === 'scroll') && element.clientWidth > 300;
    if (sideways && element.scrollWidth > element.clientWidth + 1 && visible(element)) {
      problems.push('scrolls sideways: ' + describe(element) + ' ' + element.scrollWidth + ' > ' + element.clientWidth);
      continue;
    }
    // Controls spilling out of a box that lets them (a row of chips squeezed into a narrow column).
    const spills = style.overflowX === 'visible' && style.display !== 'inline' && element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1;
    if (spills && !hasOwnText(element) && element.querySelector(controls) && visible(element)) {
      problems.push('controls spill out: ' + describe(element) + ' "' + words(element) + '" ' + element.scrollWidth + ' > ' + element.clientWidth);
      continue;
    }
    if (!hasOwnText(element)) continue;
    const box = boxOf(element);
    if (!box || checked.has(box) || fields.has(box.tagName)) continue;
    checked.add(box);
    if (!visible(box)) continue;
    const boxStyle = getComputedStyle(box);
    // Cut at the bottom: a box that hides what does not fit in its height (a fixed-height row, a clamp).
    const cutBelow = ['hidden', 'clip'].includes(boxStyle.overflowY) && box.scrollHeight > box.clientHeight + 1;
    if (box.scrollWidth <= box.clientWidth + 1 && !cutBelow) continue;
    if (intendedEllipsis(box)) {
      if (!cutBelow && squeezed(box)) problems.push('name cut while its row has room: ' + describe(box) + ' "' + words(box) + '" ' + box.scrollWidth + ' > ' + box.clientWidth);
      continue;
    }
    problems.push('text cut: ' + describe(box) + ' "' + words(box) + '" ' + (cutBelow ? box.scrollHeight + ' > ' + box.clientHeight + ' high' : box.scrollWidth + ' > ' + box.clientWidth));
  }

  const seen = new Set();
  for (const bar of document.querySelectorAll('header, [role=toolbar], .toolbar, [role=tablist], [role=dialog], .screen-header, .detail-header')) {
    const inside = [...bar.querySelectorAll(controls)].filter(visible);
    for (let first = 0; first < inside.length; first++) {
      for (let second = first + 1; second < inside.length; second++) {
        const a = inside[first];
        const b = inside[second];
        if (a.contains(b) || b.contains(a)) continue;
        const one = a.getBoundingClientRect();
        const two = b.getBoundingClientRect();
        const width = Math.min(one.right, two.right) - Math.max(one.left, two.left);
        const height = Math.min(one.bottom, two.bottom) - Math.max(one.top, two.top);
        if (width <= 1 || height <= 1) continue;
        const line = 'overlap: ' + describe(a) + ' "' + words(a) + '" and ' + describe(b) + ' "' + words(b) + '"';
        if (!seen.has(line)) problems.push(line);
        seen.add(line);
      }
    }
  }
  return problems;
})()`;

export const findLayoutProblems = (page: Page): Promise<string[]> => page.evaluate<string[]>(script);

/**
 * Resolves once the animations that end have ended (a dialog fading in: its text measured or its colours read
 * half-way through are neither what the user reads) and the browser has then laid out and painted twice: a
 * viewport change or a screen's entrance has settled. Endless ones (a skeleton's shimmer) are not waited for.
 */
export const settleLayout = (page: Page): Promise<void> =>
  page.evaluate<void>(`Promise.all(document.getAnimations()
      .filter((animation) => animation.effect && animation.effect.getComputedTiming().endTime !== Infinity)
      .map((animation) => animation.finished.catch(() => undefined)))
    .then(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))))`);
