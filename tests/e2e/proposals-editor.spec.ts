import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { ProposalsPage } from './pages/proposals-page';
import { draftProposal, expectShownIsStored, projectWithoutProposal, storedRevisions } from './proposals-workspace';
import { startWebHostProcess, type RunningWebHost } from './web-host-process';

// The letter shown is always the letter stored: after the core changes it (a restored revision, a template), after
// the library, with a snippet inserted once. Offline, with demo projects: nothing here needs the platform.
let host: RunningWebHost;
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  host = await startWebHostProcess(['--seed-demo', '--seed-count', '200']);
});
test.afterAll(async () => {
  await host.stop();
});

test('a restored revision stays restored when typing goes on, and a snippet inserted before it is not inserted again', async ({ page }) => {
  const id = await draftProposal(page, host.url, projectWithoutProposal(host.dataDir, 'de'), 'de');
  const proposals = new ProposalsPage(page);
  await proposals.typeAtEnd('Erste Fassung.');
  await expectShownIsStored(proposals, host.dataDir, id, 'de', 'Erste Fassung.');
  const first = storedRevisions(host.dataDir, id, 'de')[0]!;
  expect(first.bodyText).toBe('Erste Fassung.');

  // A snippet in the library, inserted at the end of the letter: once.
  await proposals.createLibraryItem('snippet', 'de', 'Gruß', 'Viele Grüße');
  await page.goto(`${host.url}#/proposals/${id}`);
  await proposals.typeAtEnd(' Zweite Fassung.');
  await expectShownIsStored(proposals, host.dataDir, id, 'de', 'Erste Fassung. Zweite Fassung.');
  await proposals.coverLetter.click();
  await page.keyboard.press('ControlOrMeta+End');
  await proposals.insertSnippet('Gruß');
  await expectShownIsStored(proposals, host.dataDir, id, 'de', 'Erste Fassung. Zweite Fassung.\n\nViele Grüße');

  // Restored: the editor shows the old letter at once, the caret at its end, and the next keys add to it.
  await proposals.restoreRevision(first.revision);
  await expectShownIsStored(proposals, host.dataDir, id, 'de', 'Erste Fassung.');
  await page.keyboard.type(' Wiederhergestellt.');
  await expectShownIsStored(proposals, host.dataDir, id, 'de', 'Erste Fassung. Wiederhergestellt.');
  // And it stays so when the letter is opened again.
  await page.reload();
  await expectShownIsStored(proposals, host.dataDir, id, 'de', 'Erste Fassung. Wiederhergestellt.');
});

test('a letter started from a template shows it at once, and what is typed next goes after it', async ({ page }) => {
  const projectId = projectWithoutProposal(host.dataDir, 'it');
  const id = await draftProposal(page, host.url, projectId, 'it');
  const proposals = new ProposalsPage(page);
  await proposals.createLibraryItem('template', 'it', 'Base', 'Gentile {client.name}, grazie.');
  await page.goto(`${host.url}#/proposals/${id}`);
  // As a new user would: the template, and typing right away.
  await proposals.startFromTemplate('Base');
  await expect(proposals.coverLetter).toHaveText('Gentile {client.name}, grazie.');
  await page.keyboard.type(' A presto.');
  await expectShownIsStored(proposals, host.dataDir, id, 'it', 'Gentile {client.name}, grazie. A presto.');
});

test('the last words typed before opening the templates library are there, and kept, after coming back', async ({ page }) => {
  const id = await draftProposal(page, host.url, projectWithoutProposal(host.dataDir, 'de'), 'de');
  const proposals = new ProposalsPage(page);
  await proposals.typeAtEnd('Guten Tag.');
  await expectShownIsStored(proposals, host.dataDir, id, 'de', 'Guten Tag.');
  // Typed, and straight to the library before the autosave's pause is over: the words are flushed on the way out.
  await proposals.typeAtEnd(' Letzte Worte');
  await proposals.visitLibrary();
  await expectShownIsStored(proposals, host.dataDir, id, 'de', 'Guten Tag. Letzte Worte');
  await proposals.typeAtEnd('!');
  await expectShownIsStored(proposals, host.dataDir, id, 'de', 'Guten Tag. Letzte Worte!');
});

test('a session with the editor breaks no rule of the Content-Security-Policy', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') violations.push(`console ${message.type()}: ${message.text()}`);
  });
  // Reported by the page itself, before anything could go to the console.
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (event) => {
      console.error('CSP violation: ' + event.violatedDirective + ' ' + event.blockedURI + ' ' + event.sourceFile + ':' + event.lineNumber + ' ' + event.sample);
    });`,
  });
  const id = await draftProposal(page, host.url, projectWithoutProposal(host.dataDir, 'fr'), 'fr');
  const proposals = new ProposalsPage(page);
  await proposals.typeAtEnd('Bonjour.');
  await page.keyboard.press('Enter');
  await page.getByRole('toolbar').getByRole('button').nth(2).click();
  await page.keyboard.type('un point');
  await expectShownIsStored(proposals, host.dataDir, id, 'fr');
  expect(await proposals.shownLetter()).toContain('Bonjour.\n\n• un point');
  // ProseMirror needs white-space kept as typed (it warns otherwise): from our stylesheet, not an inline <style>.
  await expect(proposals.coverLetter).toHaveCSS('white-space', /^(pre-wrap|break-spaces)$/);
  await proposals.coverLetter.scrollIntoViewIfNeeded();
  const app = new AppPage(page);
  await app.screenshot('proposal-letter-en');
  await proposals.showPreview();
  await proposals.showEditor();
  await proposals.visitLibrary();
  // In Italian too (the editor's labels through i18next, its styles the same).
  await app.chooseLanguage('it');
  await page.goto(`${host.url}#/proposals/${id}`);
  await expect(proposals.coverLetter).toHaveAttribute('aria-label', 'Lettera di presentazione (fr)');
  await proposals.coverLetter.scrollIntoViewIfNeeded();
  await app.screenshot('proposal-letter-it');
  await app.chooseLanguage('en');
  expect(violations).toEqual([]);
});
