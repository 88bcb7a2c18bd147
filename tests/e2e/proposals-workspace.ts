import { expect, type Page } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { ProposalsPage } from './pages/proposals-page';
import { readWorkspace } from './web-host-process';

/** A project of `language` without a proposal yet, from the workspace a host serves. */
export const projectWithoutProposal = (dataDir: string, language: string): string =>
  readWorkspace(
    dataDir,
    (db) =>
      (
        db
          .prepare('SELECT id FROM projects WHERE language = ? AND id NOT IN (SELECT project_id FROM proposals) ORDER BY id LIMIT 1')
          .get(language) as { id: string }
      ).id,
  );

/** The letter of one language as the workspace stores it (its plain text), read from the file; null when there is none. */
export const storedLetter = (dataDir: string, id: string, locale: string): string | null =>
  readWorkspace(
    dataDir,
    (db) =>
      (db.prepare('SELECT body_text FROM proposal_variants WHERE proposal_id = ? AND locale = ?').get(id, locale) as { body_text: string } | undefined)
        ?.body_text ?? null,
  );

/** The stored revisions of one language, newest first (as the history lists them). */
export const storedRevisions = (dataDir: string, id: string, locale: string): { revision: number; bodyText: string }[] =>
  readWorkspace(
    dataDir,
    (db) =>
      db
        .prepare('SELECT revision, body_text AS bodyText FROM proposal_revisions WHERE proposal_id = ? AND locale = ? ORDER BY revision DESC')
        .all(id, locale) as { revision: number; bodyText: string }[],
  );

/** Opens a new draft for the project in `locale` (as the feed's "Write a proposal" does) and returns its id. */
export const draftProposal = async (page: Page, url: string, projectId: string, locale: string): Promise<string> => {
  const app = new AppPage(page);
  await app.open(`${url}#/proposals/new/${projectId}/${locale}`);
  const proposals = new ProposalsPage(page);
  await expect(proposals.editor).toBeVisible();
  await expect(proposals.coverLetter).toHaveAttribute('lang', locale);
  await expect(page).toHaveURL(/#\/proposals\/prp_\w+$/);
  return new URL(page.url()).hash.split('/')[2]!;
};

/**
 * The letter shown equals the stored one (and `expected`, when given) and nothing is left to save: checked until it
 * holds (a save may be on its way), so a letter that stays different from the stored one fails here.
 */
export const expectShownIsStored = async (proposals: ProposalsPage, dataDir: string, id: string, locale: string, expected?: string): Promise<void> => {
  await expect
    .poll(async () => {
      const shown = await proposals.shownLetter();
      const stored = storedLetter(dataDir, id, locale);
      const saving = (await proposals.autosave.and(proposals.page.locator('.autosave-saving')).count()) > 0;
      return !saving && shown === stored && (expected === undefined || shown === expected) ? 'same' : JSON.stringify({ shown, stored, expected, saving });
    })
    .toBe('same');
};
