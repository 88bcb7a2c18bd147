import { expect, test } from '@playwright/test';
import { slugOf } from '../../shared/domain/slug';
import { AppPage } from './pages/app-page';
import { ProposalsPage } from './pages/proposals-page';
import { draftProposal, projectWithoutProposal, storedLetter, storedRevisions } from './proposals-workspace';
import { useDemoServers } from './demo-servers';
import { readWorkspace } from './web-host-process';
import { findSeriousViolations } from './pages/axe-check';

/*
 * The proposal screens of #15: the letter's one header that nothing moves, a new language that asks how its letter
 * starts, the read-only state explained, Undo on a toast for what is removed. Screenshots at 1440 and 800 px in
 * English and German (and Italian for the editor): test-results/screens/proposal-<screen>-<width>-<lang>.png.
 */
const demo = useDemoServers({ platform: { simulation: false } });

test.describe.configure({ mode: 'serial' });

let proposalId = '';
let proposalUrl = '';

/** The header's action buttons, in their places. */
const headerActions = ['save-snippet', 'show-history', 'export-pdf'] as const;

type Recorded = { status: string; boxes: string };
type Box = { x: number; y: number; width: number; height: number };
/** The status element as the page's script sees it (the e2e project has no DOM typings). */
type StatusElement = {
  textContent: string | null;
  ownerDocument: {
    querySelector(selector: string): { getBoundingClientRect(): Box } | null;
    defaultView: {
      MutationObserver: new (callback: () => void) => { observe(target: unknown, options: Record<string, boolean>): void };
      headerBoxes?: Recorded[];
    };
  };
};

/** The places of the header's buttons each time the save status changes (recorded in the page, as it happens). */
const recordHeaderOnStatusChange = (proposals: ProposalsPage): Promise<void> =>
  proposals.autosave.evaluate((element, ids) => {
    const status = element as unknown as StatusElement;
    const view = status.ownerDocument.defaultView;
    const boxes = (): string =>
      JSON.stringify(
        ids.map((id) => {
          const box = status.ownerDocument.querySelector(`[data-testid="${id}"]`)!.getBoundingClientRect();
          return [box.x, box.y, box.width, box.height];
        }),
      );
    const seen: Recorded[] = [{ status: status.textContent ?? '', boxes: boxes() }];
    view.headerBoxes = seen;
    new view.MutationObserver(() => seen.push({ status: status.textContent ?? '', boxes: boxes() })).observe(element, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  }, headerActions);

const recordedHeader = (proposals: ProposalsPage): Promise<Recorded[]> =>
  proposals.autosave.evaluate((element) => (element as unknown as StatusElement).ownerDocument.defaultView.headerBoxes ?? []);

test('the letter has one header whose buttons stay where they are while the save status changes; Add a milestone is quiet; the PDF is named after the project', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const app = new AppPage(page);
  const proposals = new ProposalsPage(page);
  await app.open(demo.host.url);
  await app.signIn(demo.platform.users.demo.email, demo.platform.users.demo.password);
  await app.waitUntilSynced();
  proposalId = await draftProposal(page, demo.host.url, projectWithoutProposal(demo.host.dataDir, 'en'), 'en');
  // With the host's token (the app takes it out of the address bar once read): a new page can open it too.
  proposalUrl = `${demo.host.url}#/proposals/${proposalId}`;

  for (const width of [1440, 800]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(proposals.letterActions).toBeVisible();
    await recordHeaderOnStatusChange(proposals);
    await proposals.typeAtEnd(width === 1440 ? 'Dear client, I would be glad to take this on.' : ' Two weeks, three milestones.');
    await expect(proposals.autosave).toHaveText('All changes saved');
    const seen = await recordedHeader(proposals);
    // Empty (nothing saved yet, at first), Saving…, All changes saved: every time, every button in the same place.
    expect(seen.map((entry) => entry.status)).toContain('Saving…');
    expect(seen.map((entry) => entry.status).at(-1)).toBe('All changes saved');
    expect(new Set(seen.map((entry) => entry.boxes)).size).toBe(1);
  }

  // "Add a milestone" is a quiet button as wide as its words, never a bar wider than Submit.
  const addMilestone = page.getByTestId('add-milestone');
  await expect(addMilestone).toHaveClass(/ui-button--quiet/);
  const milestoneBox = (await addMilestone.boundingBox())!;
  const termsBox = (await page.getByTestId('terms').boundingBox())!;
  expect(milestoneBox.width).toBeLessThan(termsBox.width / 2);

  // The PDF is named after the project, readable in a downloads folder.
  const title = (await page.locator('#proposal-title').textContent()) ?? '';
  const download = page.waitForEvent('download');
  await page.getByTestId('export-pdf').click();
  expect((await download).suggestedFilename()).toBe(`proposal-${slugOf(title)}-en.pdf`);
  expect(slugOf(title)).not.toBe('');

  for (const language of ['en', 'de', 'it'] as const) {
    await app.chooseLanguage(language);
    await page.goto(proposalUrl);
    for (const width of [1440, 800]) {
      await page.setViewportSize({ width, height: 900 });
      await expect(proposals.letterActions).toBeVisible();
      await app.screenshot(`proposal-editor-${width}-${language}`);
      expect(await findSeriousViolations(page)).toEqual([]);
    }
  }
  await app.chooseLanguage('en');
});

test('a new language asks how its letter starts: empty, from a template (its own language first), or a copy of the project language letter', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const app = new AppPage(page);
  const proposals = new ProposalsPage(page);
  await app.open(proposalUrl);
  await proposals.createTemplate('fr', 'Lettre de base', 'Bonjour {client.name}, je serais ravi de vous aider.');
  await page.goto(proposalUrl);
  const english = storedLetter(demo.host.dataDir, proposalId, 'en');
  expect(english).toContain('Dear client');

  // Empty: nothing copied.
  await proposals.addLanguage('it', 'empty');
  await expect(proposals.coverLetter).toHaveAttribute('lang', 'it');
  await expect.poll(() => storedLetter(demo.host.dataDir, proposalId, 'it')).toBe('');
  expect(await proposals.shownLetter()).toBe('');

  // A copy of the English letter, to translate.
  await proposals.addLanguage('de', 'copy');
  await expect.poll(() => storedLetter(demo.host.dataDir, proposalId, 'de')).toBe(english);
  expect(await proposals.shownLetter()).toBe(english);

  // French has a template of its own: it is offered first, already chosen.
  await proposals.chooseLanguageToAdd('fr');
  await expect(proposals.addLanguageDialog.getByTestId('letter-start-template')).toHaveAttribute('data-selected', 'true');
  await expect(proposals.addLanguageDialog.getByTestId('letter-start-which').getByRole('combobox')).toHaveValue('Lettre de base');
  await proposals.addLanguageDialog.getByTestId('add-language-cancel').click();
  await expect(proposals.addLanguageDialog).toHaveCount(0);
  await proposals.addLanguage('fr', { template: 'Lettre de base' });
  await expect.poll(() => storedLetter(demo.host.dataDir, proposalId, 'fr')).toBe('Bonjour {client.name}, je serais ravi de vous aider.');
  expect(await proposals.shownLetter()).toBe('Bonjour {client.name}, je serais ravi de vous aider.');

  // Spanish has none: the dialog starts empty and offers the French template, named with its language.
  for (const language of ['en', 'de'] as const) {
    await app.chooseLanguage(language);
    await page.goto(proposalUrl);
    for (const width of [1440, 800]) {
      await page.setViewportSize({ width, height: 900 });
      await proposals.chooseLanguageToAdd('es');
      await expect(proposals.addLanguageDialog.getByTestId('letter-start-empty')).toHaveAttribute('data-selected', 'true');
      await proposals.addLanguageDialog.getByTestId('letter-start-template').click();
      await expect(proposals.addLanguageDialog.getByTestId('letter-start-which')).toBeVisible();
      await app.screenshot(`proposal-add-language-${width}-${language}`);
      expect(await findSeriousViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await expect(proposals.addLanguageDialog).toHaveCount(0);
    }
  }
  await app.chooseLanguage('en');
  expect(storedLetter(demo.host.dataDir, proposalId, 'es')).toBeNull();
});

test('removing a language or deleting a template acts at once with Undo on a toast; Undo restores it completely, and a removal survives a reload', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const app = new AppPage(page);
  const proposals = new ProposalsPage(page);
  await app.open(proposalUrl);
  await proposals.openTab('de');
  await proposals.typeAtEnd(' Mit freundlichen Grüßen.');
  await expect(proposals.autosave).toHaveText('All changes saved');
  const letter = storedLetter(demo.host.dataDir, proposalId, 'de');
  const history = storedRevisions(demo.host.dataDir, proposalId, 'de');
  expect(letter).toContain('Mit freundlichen Grüßen.');

  // No question first: it goes, and the toast offers Undo.
  await page.getByTestId('remove-variant').click();
  const toast = page.getByTestId('toast').filter({ hasText: 'The letter in German was removed' });
  await expect(toast).toBeVisible();
  await expect(page.locator('[data-testid="variant-tab"][data-locale="de"]')).toHaveCount(0);
  expect(storedLetter(demo.host.dataDir, proposalId, 'de')).toBeNull();
  for (const width of [1440, 800]) {
    await page.setViewportSize({ width, height: 900 });
    await app.screenshot(`proposal-undo-toast-${width}-en`);
  }
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(proposals.coverLetter).toHaveAttribute('lang', 'de');
  await page.reload();
  await proposals.openTab('de');
  // Back as it was, with its whole history, and still there after a reload.
  expect(storedLetter(demo.host.dataDir, proposalId, 'de')).toBe(letter);
  expect(storedRevisions(demo.host.dataDir, proposalId, 'de')).toEqual(history);
  expect(await proposals.shownLetter()).toBe(letter);

  // Removed (in German this time) and the window reloaded while the toast was up: the removal holds, and stays
  // restorable in the workspace.
  await app.chooseLanguage('de');
  await page.goto(proposalUrl);
  await proposals.openTab('de');
  await page.getByTestId('remove-variant').click();
  const german = page.getByTestId('toast').filter({ hasText: 'Das Anschreiben auf Deutsch wurde entfernt' });
  await expect(german.getByRole('button', { name: 'Rückgängig' })).toBeVisible();
  for (const width of [1440, 800]) {
    await page.setViewportSize({ width, height: 900 });
    await app.screenshot(`proposal-undo-toast-${width}-de`);
  }
  await page.reload();
  await expect(proposals.editor).toBeVisible();
  await expect(page.locator('[data-testid="variant-tab"][data-locale="de"]')).toHaveCount(0);
  expect(
    readWorkspace(demo.host.dataDir, (db) => db.prepare('SELECT body_text AS text FROM removed_variants WHERE proposal_id = ? AND locale = ?').get(proposalId, 'de')),
  ).toEqual({ text: letter });
  await app.chooseLanguage('en');
  await page.goto(proposalUrl);
  await expect(proposals.editor).toBeVisible();

  // A template deleted from the library comes back with Undo, and stays after a reload.
  await page.getByTestId('open-library').click();
  await proposals.chooseLibraryLanguage('fr');
  await page.getByTestId('library-row').filter({ hasText: 'Lettre de base' }).click();
  await page.getByTestId('library-delete').click();
  const deleted = page.getByTestId('toast').filter({ hasText: '“Lettre de base” deleted' });
  await expect(deleted).toBeVisible();
  await expect(page.getByTestId('library-row').filter({ hasText: 'Lettre de base' })).toHaveCount(0);
  await deleted.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('library-row').filter({ hasText: 'Lettre de base' })).toHaveCount(1);
  await page.reload();
  await proposals.chooseLibraryLanguage('fr');
  await expect(page.getByTestId('library-row').filter({ hasText: 'Lettre de base' })).toHaveCount(1);
});

test('a proposal that can no longer be edited says why and what can be done; a withdrawn one is duplicated as a new draft', async ({ page }) => {
  test.setTimeout(240_000);
  const app = new AppPage(page);
  const proposals = new ProposalsPage(page);
  const [awarded, withdrawn] = readWorkspace(demo.host.dataDir, (db) =>
    (
      db
        .prepare("SELECT id FROM proposals WHERE status = 'submitted' AND version IS NOT NULL AND local_edits = 0 ORDER BY id LIMIT 2")
        .all() as { id: string }[]
    ).map((row) => row.id),
  );
  demo.platform.actors.decide(awarded!, 'awarded');
  await app.open(`${demo.host.url}#/proposals/${awarded}`);
  await expect(proposals.status).toHaveText('Awarded');
  const notice = page.getByTestId('read-only-notice');
  await expect(notice).toContainText('The client accepted this proposal');
  await expect(notice).toContainText('can no longer be edited');
  await expect(proposals.coverLetter).toHaveAttribute('contenteditable', 'false');
  await expect(page.getByTestId('submit-proposal')).toHaveCount(0);
  for (const language of ['en', 'de'] as const) {
    await app.chooseLanguage(language);
    await page.goto(`${demo.host.url}#/proposals/${awarded}`);
    for (const width of [1440, 800]) {
      await page.setViewportSize({ width, height: 900 });
      await expect(notice).toBeVisible();
      await app.screenshot(`proposal-read-only-${width}-${language}`);
      expect(await findSeriousViolations(page)).toEqual([]);
    }
  }
  await app.chooseLanguage('en');

  await page.goto(`${demo.host.url}#/proposals/${withdrawn}`);
  await proposals.withdraw();
  await expect(notice).toContainText('You withdrew this proposal');
  const letter = await proposals.shownLetter();
  await page.getByTestId('duplicate-proposal').click();
  await expect(page).not.toHaveURL(new RegExp(`${withdrawn}$`));
  await expect(proposals.status).toHaveText('Draft');
  await expect(page.getByTestId('read-only-notice')).toHaveCount(0);
  await expect.poll(() => proposals.shownLetter()).toBe(letter);
  await app.screenshot('proposal-duplicated-1440-en');
});

test('the follow-ups fold to one line above the proposals, so the list keeps its room at 800 px', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(demo.host.url);
  await app.goTo('proposals');
  const followUps = page.getByTestId('follow-ups');
  await expect(followUps).toBeVisible();
  const toggle = page.getByTestId('follow-ups-toggle');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByTestId('follow-up')).toHaveCount(0);
  await page.setViewportSize({ width: 800, height: 800 });
  expect((await followUps.boundingBox())!.height).toBeLessThan(48);
  await app.screenshot('proposal-list-follow-ups-800-en');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('follow-up').first()).toBeVisible();
  // Open, it takes at most a third of the window; the list below keeps the rest.
  expect((await followUps.boundingBox())!.height).toBeLessThanOrEqual(800 / 3 + 48);
  await app.screenshot('proposal-list-follow-ups-open-800-en');
  // The choice is kept.
  await page.reload();
  await expect(page.getByTestId('follow-ups-toggle')).toHaveAttribute('aria-expanded', 'true');
  await app.chooseLanguage('de');
  await app.goTo('proposals');
  for (const width of [1440, 800]) {
    await page.setViewportSize({ width, height: 800 });
    await app.screenshot(`proposal-list-follow-ups-${width}-de`);
  }
  await app.chooseLanguage('en');
});
