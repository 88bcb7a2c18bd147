import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { settleLayout } from './layout-check';

// axe-core as @axe-core/playwright resolves it (the version it was released with), not a second copy.
const requireFromAxePlaywright = createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'));
const axeSource = (requireFromAxePlaywright('axe-core') as { source: string }).source;

/*
 * axe.run in the page itself, injected once per document. AxeBuilder.analyze injects axe-core's 600 kB again on
 * every call and finishes each run in a new blank tab; over a tour of ~100 stops that was most of the time. Only
 * violations are gathered (axe's documented performance option: no selectors computed for passing nodes), and
 * the app has no frames to visit.
 */
const runAxe = String.raw`axe.run(document, { resultTypes: ['violations'], iframes: false }).then((results) =>
  results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) =>
      violation.id + ': ' + node.target.join(' ') + ' (' + ((node.failureSummary || '').split('\n')[1] || '').trim() + ')')))`;

/**
 * Serious and critical axe-core violations of what is on screen now, one "rule: target (what axe says)" line per
 * element (empty when none), read once entrance animations have ended: a dialog's text read half-way through its
 * fade has a contrast no user sees. Fixed in the components, never by turning a rule off.
 */
export const findSeriousViolations = async (page: Page): Promise<string[]> => {
  await settleLayout(page);
  if (!(await page.evaluate<boolean>('typeof window.axe?.run === "function"'))) await page.evaluate(axeSource);
  return page.evaluate<string[]>(runAxe);
};
