import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { chooseOption, pickOption } from './pages/picker';
import { PortfolioPage, pngFile } from './pages/portfolio-page';
import { startWebHostProcess, type RunningWebHost } from './web-host-process';

let host: RunningWebHost;
test.beforeAll(async () => {
  host = await startWebHostProcess();
});
test.afterAll(async () => {
  await host.stop();
});

test('an item with two images written in Italian, translated to English, reordered; languages and preview say what is missing', async ({ page }) => {
  test.setTimeout(60_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  const app = new AppPage(page);
  const portfolio = new PortfolioPage(page);
  await app.open(host.url);
  await app.goTo('portfolio');

  // A first item in English, then the Italian one with two images.
  await portfolio.newItem();
  await portfolio.fill('title', 'Logo for a bakery');
  await portfolio.save();
  await expect(portfolio.rows).toHaveCount(1);

  await portfolio.newItem();
  await portfolio.addLanguage('it');
  // Italian is the main language; English becomes its translation.
  await portfolio.chooseMainLanguage('it');
  await portfolio.fill('title', 'Sito per una cantina');
  await portfolio.fill('description', 'Negozio online per vendere vino in Europa');
  await page.getByTestId('image-input').setInputFiles([pngFile('home.png', 1), pngFile('shop.png', 2, 600, 300)]);
  await expect(portfolio.editor.locator('img.pf-thumb')).toHaveCount(2);
  await page.getByTestId('image-input').setInputFiles([{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') }]);
  await expect(portfolio.editor.getByRole('alert')).toHaveText('notes.txt is not a PNG, JPEG, GIF or WebP image.');
  await portfolio.editor.getByTestId('variant-tab-en').click();
  await portfolio.fill('title', 'Website for a winery');
  // Links: only web addresses; added, changed and removed in place.
  await portfolio.addLink('javascript:alert(1)');
  await expect(portfolio.editor.getByTestId('link-problem')).toHaveText('Only web addresses (http or https) can be linked.');
  await expect(portfolio.links).toHaveCount(0);
  await portfolio.addLink('cantina.example/negozio');
  await portfolio.addLink('https://cantina.example/etichette');
  await portfolio.addLink('https://old.example/draft');
  await expect(portfolio.links).toHaveCount(3);
  await expect(portfolio.editor.getByTestId('link-problem')).toHaveCount(0);
  await portfolio.changeLink(0, 'https://cantina.example/shop');
  await portfolio.removeLink(2);
  await expect(portfolio.links).toHaveText([/https:\/\/cantina\.example\/shop/, /https:\/\/cantina\.example\/etichette/]);
  await app.screenshot('portfolio-links-en');
  await portfolio.save();
  await expect(portfolio.rows).toHaveCount(2);
  await expect(portfolio.rows.nth(1)).toContainText('Website for a winery');
  await expect(portfolio.rows.nth(1).locator('img.pf-thumb')).toBeVisible();

  // Dragged to the top.
  await portfolio.rows.nth(1).dragTo(portfolio.rows.nth(0));
  await expect(portfolio.rows.nth(0)).toContainText('Website for a winery');

  // The English text lacks what Italian has: the editor and the languages view say so.
  await portfolio.rows.nth(0).getByRole('button').first().click();
  await expect(portfolio.editor.getByTestId('variant-tab-en')).toContainText('Incomplete');
  await portfolio.tab(/^Languages$/).click();
  await expect(page.getByTestId('completeness')).toContainText('Website for a winery');
  await expect(page.getByTestId('completeness')).toContainText('Incomplete');
  await app.screenshot('portfolio-languages-en');

  // A client reading German sees the main language, and the preview says so.
  await portfolio.tab(/^Preview$/).click();
  await chooseOption(page.getByTestId('preview-locale'), 'de');
  await expect(page.getByTestId('preview-item')).toHaveCount(2);
  await expect(page.getByTestId('fallback-note').first()).toContainText('No German text');
  // The links show in the preview and leave the app only as a new window (the shell hands those to the system browser).
  const link = page.getByTestId('preview-item').first().getByRole('link', { name: 'https://cantina.example/shop' });
  await expect(link).toHaveAttribute('rel', /noopener/);
  await page.evaluate(() => {
    const scope = globalThis as unknown as { open: (...args: unknown[]) => null; openedLinks: unknown[][] };
    scope.openedLinks = [];
    scope.open = (...args) => {
      scope.openedLinks.push(args);
      return null;
    };
  });
  await link.click();
  expect(await page.evaluate(() => (globalThis as unknown as { openedLinks: unknown[][] }).openedLinks)).toEqual([
    ['https://cantina.example/shop', '_blank', 'noopener,noreferrer'],
  ]);
  await expect(page.getByTestId('preview-item')).toHaveCount(2);
  await app.screenshot('portfolio-preview-en');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-pdf').click()]);
  expect(download.suggestedFilename()).toBe('portfolio-de.pdf');

  await portfolio.tab(/^Items$/).click();
  await portfolio.rows.nth(0).getByRole('button').first().click();
  await expect(portfolio.editor.locator('img.pf-thumb').first()).toHaveJSProperty('complete', true);
  const widthOf = (index: number) => () =>
    portfolio.editor.locator('img.pf-thumb').nth(index).evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth);
  await expect.poll(widthOf(0)).toBe(48);
  // The 600×300 image is shown as a thumbnail drawn locally, not at full size.
  await expect.poll(widthOf(1)).toBe(240);
  await app.screenshot('portfolio-items-en');

  await app.chooseLanguage('it');
  await app.goTo('portfolio');
  await expect(portfolio.rows.nth(0)).toContainText('Sito per una cantina');
  await portfolio.rows.nth(0).getByRole('button').first().click();
  await expect(portfolio.editor.getByTestId('variant-tab-en')).toContainText('Incompleto');
  await expect(portfolio.links).toHaveCount(2);
  await expect(portfolio.links.first().getByRole('button', { name: 'Modifica il link 1' })).toBeVisible();
  await portfolio.addLink('ftp://cantina.example');
  await expect(portfolio.editor.getByTestId('link-problem')).toHaveText('Si possono collegare solo indirizzi web (http o https).');
  await portfolio.editor.getByTestId('link-problem').scrollIntoViewIfNeeded();
  await app.screenshot('portfolio-items-it');
  await portfolio.tab(/^Lingue$/).click();
  await expect(page.getByTestId('completeness')).toContainText('Incompleto');
  await app.screenshot('portfolio-languages-it');
  await portfolio.tab(/^Anteprima$/).click();
  await chooseOption(page.getByTestId('preview-locale'), 'de');
  await expect(page.getByTestId('fallback-note').first()).toContainText('Nessun testo in tedesco');
  await app.screenshot('portfolio-preview-it');
  expect(errors).toEqual([]);
});

test('the profile keeps a headline and bio per language, rate and languages spoken', async ({ page }) => {
  const app = new AppPage(page);
  const portfolio = new PortfolioPage(page);
  await app.open(host.url);
  await app.chooseLanguage('en');
  await app.goTo('portfolio');
  await portfolio.tab(/^Profile$/).click();
  const form = page.locator('form.pf-editor');
  await form.getByLabel('Name').fill('Giulia Rossi');
  await pickOption(form.getByTestId('profile-country'), 'IT');
  await form.getByLabel('Hourly rate').fill('45');
  await pickOption(form.getByTestId('add-spoken-language'), 'it');
  await form.getByLabel('Headline').fill('Brand designer for small workshops');
  await form.getByLabel('About you').fill('I draw logos and signs.');
  // A wide photo becomes a square avatar, cut and scaled down before it is imported.
  await portfolio.chooseAvatar(pngFile('me.png', 3, 600, 300));
  const avatar = form.locator('img.pf-avatar');
  await expect(avatar).toBeVisible();
  await expect.poll(async () => PortfolioPage.naturalSize(avatar)).toEqual({ width: 240, height: 240 });
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toContainText('Saved.');
  await avatar.scrollIntoViewIfNeeded();
  await app.screenshot('portfolio-profile-en');
  await portfolio.tab(/^Preview$/).click();
  await chooseOption(page.getByTestId('preview-locale'), 'fr');
  await expect(page.locator('.pf-preview')).toContainText('Brand designer for small workshops');
  await expect(page.getByTestId('fallback-note').first()).toContainText('No French text');
  await expect(page.getByTestId('preview-profile').locator('img.pf-avatar')).toBeVisible();
  await app.screenshot('portfolio-preview-profile-en');

  // The avatar stays across a reload, in Italian too.
  await app.chooseLanguage('it');
  await app.goTo('portfolio');
  await portfolio.tab(/^Profilo$/).click();
  await expect(portfolio.profileForm.locator('img.pf-avatar')).toBeVisible();
  await expect(portfolio.profileForm).toContainText('Scegli una foto');
  await app.screenshot('portfolio-profile-it');
  await portfolio.tab(/^Anteprima$/).click();
  await expect(page.getByTestId('preview-profile').locator('img.pf-avatar')).toBeVisible();
  await app.screenshot('portfolio-preview-profile-it');
});
