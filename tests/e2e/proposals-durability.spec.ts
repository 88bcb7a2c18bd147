import { expect, test, type Page } from '@playwright/test';
import { createRandom, expectAtMostOneSecondLost, LetterTypist, typeWhileKilled } from './pages/letter-typist';
import { ProposalsPage } from './pages/proposals-page';
import { draftProposal, projectWithoutProposal, storedLetter } from './proposals-workspace';
import { startWebHostProcess, type RunningWebHost } from './web-host-process';

const letter =
  'Sehr geehrte Frau Müller,\nmit großem Interesse habe ich Ihre Ausschreibung gelesen. Für Übersetzungen ins Französische ' +
  'und die Prüfung Ihrer Straßenbau-Unterlagen bringe ich über zehn Jahre Erfahrung mit.\nMit freundlichen Grüßen aus Köln';

let host: RunningWebHost;
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  // Offline, with demo projects: nothing here needs the platform.
  host = await startWebHostProcess(['--seed-demo', '--seed-count', '200']);
});
test.afterAll(async () => {
  await host.stop();
});

const savedLetter = (dataDir: string, id: string): string => storedLetter(dataDir, id, 'de') ?? '';

const draftGermanProposal = (page: Page, url: string, projectId: string): Promise<string> => draftProposal(page, url, projectId, 'de');

/** The reopened editor shows exactly the saved letter. */
const expectEditorShows = async (proposals: ProposalsPage, saved: string): Promise<void> => {
  await expect.poll(() => proposals.shownLetter()).toBe(saved);
};

test('the core is killed (SIGKILL) while a German letter is typed: after a restart on the same folder, at most the last second is missing', async ({ page }) => {
  const id = await draftGermanProposal(page, host.url, projectWithoutProposal(host.dataDir, 'de'));
  const proposals = new ProposalsPage(page);
  const typist = new LetterTypist(page, proposals.coverLetter);
  // Killed mid-sentence, after a few autosaves, while the keys keep coming.
  const killedAt = await typeWhileKilled(typist, letter, createRandom(6), () => host.kill());

  host = await host.restart();
  const saved = savedLetter(host.dataDir, id);
  expectAtMostOneSecondLost(saved, typist, killedAt);
  expect(saved).toMatch(/Müller/);

  await page.goto(`${host.url}#/proposals/${id}`);
  await expect(proposals.editor).toBeVisible();
  await expectEditorShows(proposals, saved);
});

test('the window crashes while a German letter is typed: a new window finds the letter, at most the last second missing', async ({ page, context }) => {
  const id = await draftGermanProposal(page, host.url, projectWithoutProposal(host.dataDir, 'de'));
  const proposals = new ProposalsPage(page);
  const typist = new LetterTypist(page, proposals.coverLetter);
  const random = createRandom(9);

  const typing = typist.type(letter, random);
  await new Promise((resolve) => setTimeout(resolve, 4_500 + random() * 1_500));
  // The renderer process dies: no pagehide, no unmount, nothing flushed on the way out.
  const cdp = await context.newCDPSession(page);
  const crashedAt = Date.now();
  void cdp.send('Page.crash').catch(() => undefined);
  await page.waitForEvent('crash');
  typist.stop();
  await typing;

  const fresh = await context.newPage();
  await fresh.goto(`${host.url}#/proposals/${id}`);
  const reopened = new ProposalsPage(fresh);
  await expect(reopened.editor).toBeVisible();
  // Anything still on its way when the window died has landed by now.
  const saved = savedLetter(host.dataDir, id);
  expectAtMostOneSecondLost(saved, typist, crashedAt);
  await expectEditorShows(reopened, saved);
});
