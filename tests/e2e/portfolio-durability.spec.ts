import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { createRandom, expectAtMostOneSecondLost, LetterTypist, typeWhileKilled } from './pages/letter-typist';
import { PortfolioPage } from './pages/portfolio-page';
import { readWorkspace, startWebHostProcess, type RunningWebHost } from './web-host-process';

const description =
  "Già online: è il negozio di una cantina di Montalcino, più di trecento etichette, schede in quattro lingue, spedizioni in tutta " +
  "Europa e un'area riservata ai ristoranti. Perché funzioni anche offline, il catalogo è sincronizzato ogni notte; così è più facile.";

let host: RunningWebHost;
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  host = await startWebHostProcess();
});
test.afterAll(async () => {
  await host.stop();
});

/** A form's draft as stored (JSON text; '' if none). */
const storedDraft = (dataDir: string, key: string): string =>
  readWorkspace(dataDir, (db) => (db.prepare('SELECT value FROM form_drafts WHERE form_key = ?').get(key) as { value: string } | undefined)?.value ?? '');

/** The draft the item editor kept, read from the workspace the host serves (null: none). */
const savedDraft = (dataDir: string, itemId: string): { description: string } | null => {
  const stored = storedDraft(dataDir, `portfolio-item:${itemId}`);
  if (!stored) return null;
  const value = JSON.parse(stored) as { variants: { locale: string; description: string }[] };
  return { description: value.variants.find((variant) => variant.locale === 'it')?.description ?? '' };
};

const itemIdOf = (dataDir: string): string =>
  readWorkspace(dataDir, (db) => (db.prepare('SELECT id FROM portfolio_items ORDER BY position LIMIT 1').get() as { id: string }).id);

test('the core is killed (SIGKILL) while an item’s Italian description is typed: after a restart the editor restores it, at most the last second missing, and says so', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const app = new AppPage(page);
  const portfolio = new PortfolioPage(page);
  await app.open(host.url);
  await app.goTo('portfolio');
  await portfolio.newItem();
  await portfolio.addLanguage('it');
  await portfolio.chooseMainLanguage('it');
  await portfolio.editor.getByTestId('variant-tab-it').click();
  await portfolio.fill('title', 'Sito per una cantina');
  await portfolio.save();
  await expect(portfolio.rows).toHaveCount(1);
  const itemId = itemIdOf(host.dataDir);

  // Reopened and written into, never saved: only the draft holds the description.
  await portfolio.openItem(0);
  await portfolio.editor.getByTestId('variant-tab-it').click();
  const typist = new LetterTypist(page, portfolio.field('description'));
  const killedAt = await typeWhileKilled(typist, description, createRandom(11), () => host.kill());

  host = await host.restart();
  const draft = savedDraft(host.dataDir, itemId);
  expect(draft).not.toBeNull();
  expectAtMostOneSecondLost(draft!.description, typist, killedAt);
  expect(draft!.description).toMatch(/^Già online: è il negozio/);

  // A fresh window on the restarted workspace: the row says it has unsaved changes; the editor brings them back.
  await app.open(host.url);
  await app.goTo('portfolio');
  await expect(portfolio.rows.nth(0).getByTestId('row-draft')).toHaveText(/Unsaved changes/);
  await app.screenshot('portfolio-draft-row-en');
  await portfolio.openItem(0);
  await expect(portfolio.draftNotice).toContainText('Unsaved changes from');
  await portfolio.editor.getByTestId('variant-tab-it').click();
  await expect(portfolio.field('description')).toHaveValue(draft!.description);
  await app.screenshot('portfolio-draft-restored-en');

  // The same notice in Italian.
  await app.chooseLanguage('it');
  await app.goTo('portfolio');
  await portfolio.openItem(0);
  await expect(portfolio.draftNotice).toContainText('Modifiche non salvate del');
  await expect(portfolio.draftNotice.getByTestId('draft-discard')).toHaveText('Scarta');
  await app.screenshot('portfolio-draft-restored-it');

  // Discard: the editor shows the item as saved, and nothing is left to restore.
  await portfolio.discardDraft();
  await expect(portfolio.draftNotice).toHaveCount(0);
  await portfolio.editor.getByTestId('variant-tab-it').click();
  await expect(portfolio.field('description')).toHaveValue('');
  await expect.poll(() => savedDraft(host.dataDir, itemId)).toBeNull();
});

test('Save publishes the restored text and clears the draft; a new item typed and left is offered again', async ({ page }) => {
  const app = new AppPage(page);
  const portfolio = new PortfolioPage(page);
  await app.open(host.url);
  await app.chooseLanguage('en');
  await app.goTo('portfolio');
  const itemId = itemIdOf(host.dataDir);
  await portfolio.openItem(0);
  await portfolio.editor.getByTestId('variant-tab-it').click();
  await portfolio.fill('description', 'Cantina di Montalcino, più di trecento etichette.');
  await expect.poll(() => savedDraft(host.dataDir, itemId)).toEqual({ description: 'Cantina di Montalcino, più di trecento etichette.' });
  await portfolio.save();
  await expect(portfolio.editor).toHaveCount(0);
  expect(savedDraft(host.dataDir, itemId)).toBeNull();
  await expect(portfolio.rows.nth(0).getByTestId('row-draft')).toHaveCount(0);

  // Typed into a new item, then the window is reloaded (as after a quit): the new item comes back with the notice.
  await portfolio.newItem();
  await portfolio.fill('title', 'Etichette per un birrificio');
  await page.reload();
  await app.goTo('portfolio');
  await expect(page.getByTestId('new-item')).toContainText('Unsaved changes');
  await app.screenshot('portfolio-draft-marker-en');
  await portfolio.newItem();
  await expect(portfolio.draftNotice).toBeVisible();
  await expect(portfolio.field('title')).toHaveValue('Etichette per un birrificio');
  // Cancel drops the draft.
  await page.getByTestId('cancel-item').click();
  await expect(page.getByTestId('new-item')).not.toContainText('Unsaved changes');
  await portfolio.newItem();
  await expect(portfolio.draftNotice).toHaveCount(0);
  await expect(portfolio.field('title')).toHaveValue('');
});

test('the profile and the templates library keep what was typed too: restored after a reload, with the notice', async ({ page }) => {
  const app = new AppPage(page);
  const portfolio = new PortfolioPage(page);
  await app.open(host.url);
  await app.chooseLanguage('de');
  await app.goTo('portfolio');
  await portfolio.tab(/Profil/).click();
  const bio = portfolio.profileForm.locator('textarea');
  await bio.fill('Übersetzerin für Weinbau und Gastronomie, zwölf Jahre Erfahrung.');
  // Kept within the typing timing; the window then goes away as on a quit.
  await expect.poll(() => storedDraft(host.dataDir, 'profile')).toContain('zwölf Jahre Erfahrung.');
  await page.reload();
  await app.goTo('portfolio');
  await portfolio.tab(/Profil/).click();
  await expect(portfolio.draftNotice).toContainText('Nicht gespeicherte Änderungen vom');
  await expect(bio).toHaveValue('Übersetzerin für Weinbau und Gastronomie, zwölf Jahre Erfahrung.');
  await app.screenshot('profile-draft-restored-de');
  await portfolio.discardDraft();
  await expect(bio).toHaveValue('');

  await app.chooseLanguage('fr');
  await page.goto(`${new URL(page.url()).origin}${new URL(page.url()).search}#/proposals/library`);
  await page.getByTestId('new-snippet').click();
  await page.getByTestId('library-name').fill('Salutations');
  await page.getByTestId('cover-letter').click();
  await page.keyboard.type('Bien cordialement, à très bientôt');
  await expect.poll(() => storedDraft(host.dataDir, 'template:new')).toContain('à très bientôt');
  await page.reload();
  await page.getByTestId('open-new-draft').click();
  await expect(page.getByTestId('draft-restored')).toContainText('Modifications non enregistrées du');
  await expect(page.getByTestId('library-name')).toHaveValue('Salutations');
  await expect(page.getByTestId('cover-letter')).toContainText('Bien cordialement, à très bientôt');
  await app.screenshot('template-draft-restored-fr');
  await page.getByTestId('library-save').click();
  await expect(page.getByTestId('library-saved')).toBeVisible();
  await expect(page.getByTestId('draft-restored')).toHaveCount(0);
  await expect(page.getByTestId('open-new-draft')).toHaveCount(0);
});
