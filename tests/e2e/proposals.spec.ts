import { expect, test } from '@playwright/test';
import { readServerFeed } from '../support/platform-view';
import { AppPage } from './pages/app-page';
import { ProposalsPage } from './pages/proposals-page';
import { chooseOption } from './pages/picker';
import { useDemoServers } from './demo-servers';
import { slugOf } from '../../shared/domain/slug';

const demo = useDemoServers();

test('a proposal is written from the feed, answered, linked, previewed, priced, checked, submitted once, and withdrawn', async ({ page }) => {
  // A long walk through the whole editor (five languages of screenshots at the end): more than the default minute.
  test.setTimeout(120_000);
  const app = new AppPage(page);
  const proposals = new ProposalsPage(page);
  await app.open(demo.host.url);
  await app.signIn(demo.platform.users.demo.email, demo.platform.users.demo.password);
  await app.waitUntilSynced();

  // From a project in the feed to a draft in its language.
  await app.goTo('feed');
  // The first project in the feed without a proposal of ours yet.
  for (let index = 0; ; index++) {
    await app.projectRows.nth(index).click();
    await expect(page.getByTestId('project-description')).toBeVisible();
    if ((await page.getByTestId('write-proposal').count()) > 0) break;
  }
  const projectId = new URL(page.url()).hash.split('/')[2]!;
  const clientName = ((await page.getByTestId('client-panel').getByRole('button').first().textContent()) ?? '').split(' · ')[0]!.trim();
  // The client asks bidders two questions (on the platform); the app pulls them.
  demo.platform.actors.edit('project', projectId, {
    questions: [
      { id: 'q1', text: 'When could you start?' },
      { id: 'q2', text: 'Have you built something similar?' },
    ],
  });
  await page.getByTestId('write-proposal').click();
  await expect(proposals.editor).toBeVisible();
  await expect(proposals.status).toHaveText('Draft');
  await expect(page.getByTestId('question-answer')).toHaveCount(2);

  // The letter's language is the project's: spell-checking follows it.
  const lang = await proposals.coverLetter.getAttribute('lang');
  expect(lang).toMatch(/^[a-z]{2}/);
  await expect(proposals.coverLetter).toHaveAttribute('spellcheck', 'true');

  // A hostile-looking letter stays text.
  await proposals.type('Hello, I would love to build this. <img src=x onerror=alert(1)> Two weeks, three milestones.');
  await expect(proposals.autosave).toHaveText('All changes saved');
  await expect(proposals.coverLetter.locator('img')).toHaveCount(0);

  await proposals.submit();
  await expect(proposals.problems).toContainText('Enter a price greater than zero.');
  await expect(proposals.problems).toContainText('Answer the client\'s question: “When could you start?”');
  await proposals.setTerms('1500', '14');
  await expect(page.getByTestId('terms-net')).toContainText('Platform fee 10%');
  await proposals.answer(0, 'Next Monday.');
  await proposals.answer(1, 'Yes: three shops for bakeries.');
  await expect(proposals.problems).toBeHidden();

  // Portfolio items: best matches first; the first one goes with the proposal.
  const firstItem = page.getByTestId('proposal-portfolio').locator('.linkable-title').first();
  const linkedTitle = ((await firstItem.textContent()) ?? '').trim();
  await page.getByTestId('link-item').first().check();
  await expect(page.getByTestId('proposal-portfolio')).toContainText('1 item linked');
  await app.screenshot('proposal-editor-en');

  // Preview as the client sees it: merge fields filled as at submit, an unknown one marked and blocking.
  await proposals.coverLetter.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Regards to {client.name}. {project.budget}');
  await expect(proposals.autosave).toHaveText('All changes saved');
  let preview = await proposals.showPreview();
  await expect(preview.getByTestId('preview-letter')).toContainText(`Regards to ${clientName}.`);
  await expect(preview.getByTestId('preview-unresolved-field')).toHaveText('{project.budget}');
  await expect(preview.getByTestId('preview-unresolved')).toBeVisible();
  // Money and labels as the client reads them: in the letter's language.
  await expect(preview.getByTestId('preview-terms')).toContainText(new Intl.NumberFormat(lang!).format(1500));
  await expect(preview.getByTestId('preview-answers')).toContainText('Next Monday.');
  await expect(preview.getByTestId('preview-portfolio')).toContainText(linkedTitle);
  await app.screenshot('proposal-preview-en');
  await proposals.showEditor();
  await proposals.coverLetter.click();
  await page.keyboard.press('Control+End');
  for (let count = 0; count < ' {project.budget}'.length; count++) await page.keyboard.press('Backspace');
  await expect(proposals.autosave).toHaveText('All changes saved');
  preview = await proposals.showPreview();
  await expect(preview.getByTestId('preview-letter')).toHaveText(/Regards to .+\.$/);
  await expect(preview.getByTestId('preview-unresolved-field')).toHaveCount(0);
  await proposals.showEditor();

  // The letter saved as a snippet and inserted again at the cursor.
  await page.getByTestId('save-snippet').click();
  // Named in the app's own dialog (window.prompt spoke English); the field has the focus, Enter saves.
  await expect(page.getByTestId('prompt-input')).toBeFocused();
  await page.keyboard.type('Intro');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('prompt-dialog')).toHaveCount(0);
  await proposals.insertSnippet('Intro');
  await expect(proposals.coverLetter).toContainText(/Two weeks, three milestones\.[\s\S]*Hello, I would love/);
  await expect(proposals.autosave).toHaveText('All changes saved');

  // History: each editing session is a revision; the one before the preview, against the current text, word by word.
  const diff = await proposals.pickRevision(2);
  await expect(diff.getByTestId('diff-delete').filter({ hasText: '{project.budget}' })).toHaveCount(1);
  await expect(diff.getByTestId('diff-insert').first()).toBeVisible();
  await expect(diff).toContainText('words added');
  await diff.scrollIntoViewIfNeeded();
  await app.screenshot('proposal-diff-en');
  await chooseOption(page.getByTestId('diff-against'), 'previous');
  await expect(diff.getByTestId('diff-insert').filter({ hasText: 'Regards to {client.name}.' })).toHaveCount(1);

  // A template in another language, made in the library, starts that language's letter.
  const lang2 = lang === 'it' ? 'fr' : 'it';
  const proposalUrl = page.url();
  await proposals.createTemplate(lang2, 'Base letter', 'Hello {client.name}, glad to help.');
  await app.screenshot('template-library-en');
  await page.goto(proposalUrl);
  await proposals.addLanguageFromTemplate(lang2, 'Base letter');
  await expect(proposals.coverLetter).toHaveAttribute('lang', lang2);
  await expect(proposals.coverLetter).toContainText('Hello {client.name}, glad to help.');
  // A list keeps its bullets in the plain text the client receives. The new language's letter has the caret at its
  // end already (it was just made); clicking into it and going to the end types after the template, every time.
  await expect(proposals.coverLetter).toBeFocused();
  await proposals.coverLetter.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- Design');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Build');
  await expect(proposals.autosave).toHaveText('All changes saved');
  await expect((await proposals.showPreview()).getByTestId('preview-letter')).toContainText('• Design\n• Build', { useInnerText: true });
  await proposals.showEditor();

  const download = page.waitForEvent('download');
  await page.getByTestId('export-pdf').click();
  // Named after the project, readable in a downloads folder (not the proposal's id).
  expect((await download).suggestedFilename()).toBe(`proposal-${slugOf((await page.locator('#proposal-title').textContent()) ?? '')}-${lang2}.pdf`);

  await proposals.submit();
  // Nothing leaves before the freelancer has seen what goes out.
  const outgoing = proposals.submitDialog;
  await expect(outgoing.getByTestId('submit-price')).toContainText('1,500.00');
  await expect(outgoing.getByTestId('submit-fee')).toContainText('150.00');
  await expect(outgoing.getByTestId('submit-net')).toContainText('1,350.00');
  await expect(outgoing.getByTestId('submit-delivery')).toHaveText('14 days');
  await expect(outgoing.getByTestId('submit-items')).toHaveText(linkedTitle);
  await expect(outgoing.getByRole('blockquote')).toContainText('Hello, I would love to build this.');
  await expect(outgoing.getByTestId('submit-confirm')).toBeFocused();
  await app.screenshot('proposal-submit-dialog-en');
  // Escape keeps editing; nothing was sent.
  await page.keyboard.press('Escape');
  await expect(outgoing).toHaveCount(0);
  await expect(proposals.status).toHaveText('Draft');
  await proposals.submit();
  await proposals.confirmSubmit();
  await expect(page.getByTestId('toast')).toContainText('Proposal submitted');
  await expect(proposals.status).toHaveText('Submitted');
  const id = new URL(page.url()).hash.split('/')[2]!;
  const onServer = (await readServerFeed(demo.platform.url, demo.platform.users.demo)).get('proposal')!.get(id)!;
  expect(onServer.data).toMatchObject({
    id,
    status: 'submitted',
    period_days: 14,
    answers: [
      { question_id: 'q1', text: 'Next Monday.' },
      { question_id: 'q2', text: 'Yes: three shops for bakeries.' },
    ],
    variants: { [lang2]: { cover_letter: `Hello ${clientName}, glad to help.\n\n• Design\n• Build` } },
  });
  expect((onServer.data as { portfolio_item_ids: string[] }).portfolio_item_ids).toHaveLength(1);
  expect((onServer.data as { variants: Record<string, { cover_letter: string }> }).variants[lang!]!.cover_letter).toContain(`Regards to ${clientName}.`);

  for (const [ui, submitted] of [
    ['de', 'Eingereicht'],
    ['it', 'Inviata'],
  ] as const) {
    await app.chooseLanguage(ui);
    await page.goto(`${demo.host.url}#/proposals/${id}`);
    await expect(proposals.status).toHaveText(submitted);
    await app.screenshot(`proposal-editor-${ui}`);
    await page.getByTestId('proposal-questions').scrollIntoViewIfNeeded();
    await app.screenshot(`proposal-questions-${ui}`);
    await page.getByTestId('proposal-portfolio').scrollIntoViewIfNeeded();
    await app.screenshot(`proposal-portfolio-${ui}`);
    await proposals.showPreview();
    await app.screenshot(`proposal-preview-${ui}`);
    await proposals.showEditor();
    await (await proposals.pickRevision(2)).scrollIntoViewIfNeeded();
    await app.screenshot(`proposal-diff-${ui}`);
    await page.goto(`${demo.host.url}#/proposals/library`);
    await chooseOption(page.getByTestId('library-language'), lang2);
    await page.getByTestId('library-row').first().click();
    await app.screenshot(`template-library-${ui}`);
    await app.goTo('feed');
    await page.goto(`${demo.host.url}#/feed/${projectId}`);
    await expect(page.getByTestId('open-proposal')).toBeVisible();
    await app.screenshot(`project-detail-proposal-${ui}`);
  }
  // From the project in the feed back to its proposal.
  await page.getByTestId('open-proposal').click();
  await expect(proposals.editor).toBeVisible();
  await app.chooseLanguage('en');
  await page.goto(`${demo.host.url}#/proposals/${id}`);

  await proposals.withdraw();
  await expect(proposals.status).toHaveText('Withdrawn');
  await expect
    .poll(async () => (await readServerFeed(demo.platform.url, demo.platform.users.demo)).get('proposal')!.get(id)!.data?.status)
    .toBe('withdrawn');
});
