import { expect, test } from '@playwright/test';
import { readServerFeed } from '../support/platform-view';
import { AppPage } from './pages/app-page';
import { createRandom } from './pages/letter-typist';
import { ProposalsPage } from './pages/proposals-page';
import { draftProposal, expectShownIsStored, storedLetter, storedRevisions } from './proposals-workspace';
import { readWorkspace } from './web-host-process';
import { useDemoServers } from './demo-servers';

/**
 * Editor race fuzzing: a seeded random run of what a freelancer does around a letter (typing, restoring a revision,
 * inserting a snippet, starting a language from a template, the library, the preview, the interface language,
 * changes arriving from the platform (the project, and the letter itself once sent), the core restarting), each step checked once the autosave has settled: the
 * letter shown is the letter stored, and every language's stored letter is what a simple model of the user's
 * actions says it should be. FUZZ_STEPS sets the length (npm run fuzz runs a long one), FUZZ_SEED the run, FUZZ_SKIP
 * leaves kinds of step out; a failure names the seed and the steps taken, so `FUZZ_SEED=… FUZZ_STEPS=…` repeats it.
 */
// `npm test` runs a fixed small budget; `npm run fuzz` a long run.
const longRun = process.env.npm_lifecycle_event === 'fuzz';
const steps = Number(process.env.FUZZ_STEPS ?? (longRun ? 150 : 20));
const seed = Number(process.env.FUZZ_SEED ?? 20261206);
/** Kinds of step left out (comma-separated), to see which kind a failure needs. */
const skipped = new Set((process.env.FUZZ_SKIP ?? '').split(',').filter((name) => name !== ''));
const locales = ['en', 'it', 'de', 'fr', 'es'] as const;
const uiLanguages = ['en', 'it', 'de', 'fr', 'es'] as const;
const words = ['offerta', 'Angebot', 'delivery', 'précis', 'diseño', 'milestone', 'Straße', 'qualité', 'sì', 'plan', 'año', 'draft'];

const demo = useDemoServers();

const templateText = (locale: string): string => `Template ${locale}: ${locale === 'it' ? 'buongiorno' : 'hello'}.`;
const snippetText = (locale: string): string => `Snippet ${locale}.`;

/** What the user has made each letter say, by language; the language shown. */
type Model = { letters: Map<string, string>; shown: string; defaultLocale: string };

/** A snippet (one paragraph) inserted at the end of a letter: a paragraph of its own, or the letter when it was empty. */
const withBlock = (letter: string, block: string): string => (letter === '' ? block : `${letter}\n\n${block}`);

const pickWords = (random: () => number): string =>
  Array.from({ length: 1 + Math.floor(random() * 4) }, () => words[Math.floor(random() * words.length)]!).join(' ');

const typedChunk = (letter: string, random: () => number): string => (letter === '' ? pickWords(random) : ` ${pickWords(random)}`);

/** The project of the draft: one the platform's feed has, without a proposal yet. */
const pickProject = (dataDir: string): { id: string; language: string } =>
  readWorkspace(
    dataDir,
    (db) =>
      db
        .prepare(
          `SELECT id, language FROM projects WHERE language IN ('en', 'it', 'de', 'fr', 'es')
             AND id NOT IN (SELECT project_id FROM proposals) ORDER BY id LIMIT 1`,
        )
        .get() as { id: string; language: string },
  );

/** Sent, the platform's answer stored, nothing of it waiting in the outbox, no edit since. */
const sentAndSettled = (dataDir: string, id: string): boolean =>
  readWorkspace(dataDir, (db) => {
    const row = db.prepare('SELECT version, local_edits AS localEdits FROM proposals WHERE id = ?').get(id) as { version: number | null; localEdits: number };
    const waiting = (db.prepare("SELECT count(*) AS n FROM outbox WHERE entity_id = ? AND state != 'sent'").get(id) as { n: number }).n;
    return row.version !== null && row.localEdits === 0 && waiting === 0;
  });

const projectTitle = (dataDir: string, id: string): string | null =>
  readWorkspace(dataDir, (db) => (db.prepare('SELECT title FROM projects WHERE id = ?').get(id) as { title: string } | undefined)?.title ?? null);

test('the letter shown is the letter stored, whatever happens around it', async ({ page }) => {
  test.setTimeout(60_000 + steps * 10_000);
  const random = createRandom(seed);
  const app = new AppPage(page);
  const proposals = new ProposalsPage(page);
  await app.open(demo.host.url);
  await app.signIn(demo.platform.users.demo.email, demo.platform.users.demo.password);
  await app.waitUntilSynced();

  const project = pickProject(demo.host.dataDir);
  const id = await draftProposal(page, demo.host.url, project.id, project.language);
  // Ready to be sent, once every letter has text: a price, a delivery time, the client's questions answered.
  await proposals.setTerms('1200', '10');
  for (let index = 0; index < (await page.getByTestId('question-answer').count()); index++) await proposals.answer(index, 'Yes.');
  // A template and a snippet in every language.
  await page.getByTestId('open-library').click();
  for (const locale of locales) {
    await proposals.addToLibrary('template', locale, `T-${locale}`, templateText(locale));
    await proposals.addToLibrary('snippet', locale, `S-${locale}`, snippetText(locale));
  }
  const proposalUrl = (): string => `${demo.host.url}#/proposals/${id}`;
  await page.goto(proposalUrl());
  await expect(proposals.coverLetter).toHaveAttribute('lang', project.language);
  const model: Model = { letters: new Map([[project.language, '']]), shown: project.language, defaultLocale: project.language };
  const letter = (): string => model.letters.get(model.shown)!;
  const setLetter = (text: string): void => void model.letters.set(model.shown, text);

  /** After each step: shown = stored = the model, for the letter shown; every other language's stored letter = the model. */
  const check = async (): Promise<void> => {
    await expectShownIsStored(proposals, demo.host.dataDir, id, model.shown, letter());
    for (const [locale, text] of model.letters) expect(storedLetter(demo.host.dataDir, id, locale), `the stored ${locale} letter`).toBe(text);
  };

  /** Once the letter the core made shows, with the caret in it (as a person sees it), typing goes on at its end. */
  const typeOnceShown = async (): Promise<void> => {
    await expect.poll(() => proposals.shownLetter()).toBe(letter());
    await expect(proposals.coverLetter).toBeFocused();
    const chunk = typedChunk(letter(), random);
    await page.keyboard.type(chunk);
    setLetter(letter() + chunk);
  };

  const actions: Record<string, () => Promise<boolean>> = {
    type: async () => {
      const chunk = typedChunk(letter(), random);
      await proposals.typeAtEnd(chunk);
      setLetter(letter() + chunk);
      return true;
    },
    restore: async () => {
      const revisions = storedRevisions(demo.host.dataDir, id, model.shown);
      const older = revisions.slice(1).filter((row) => row.bodyText !== letter());
      if (older.length === 0) return false;
      const chosen = older[Math.floor(random() * older.length)]!;
      await proposals.restoreRevision(chosen.revision);
      setLetter(chosen.bodyText);
      // Typing goes on: after the restored letter, never into the one before it.
      await typeOnceShown();
      return true;
    },
    snippet: async () => {
      await proposals.coverLetter.click();
      await page.keyboard.press('ControlOrMeta+End');
      await proposals.insertSnippet(`S-${model.shown}`);
      setLetter(withBlock(letter(), snippetText(model.shown)));
      return true;
    },
    newLanguageFromTemplate: async () => {
      const missing = locales.filter((locale) => !model.letters.has(locale));
      if (missing.length === 0) return false;
      const locale = missing[Math.floor(random() * missing.length)]!;
      await proposals.addLanguageFromTemplate(locale, `T-${locale}`);
      await expect(proposals.coverLetter).toHaveAttribute('lang', locale);
      model.letters.set(locale, templateText(locale));
      model.shown = locale;
      // As a new user would: typing at once, where the caret is (the end).
      await typeOnceShown();
      return true;
    },
    emptyThenTemplate: async () => {
      await proposals.clearLetter();
      setLetter('');
      await check();
      await proposals.startFromTemplate(`T-${model.shown}`);
      setLetter(templateText(model.shown));
      await typeOnceShown();
      return true;
    },
    library: async () => {
      // The last words typed, then straight to the library and back.
      const chunk = typedChunk(letter(), random);
      await proposals.typeAtEnd(chunk);
      setLetter(letter() + chunk);
      await proposals.visitLibrary();
      // The proposal opens again on its project language.
      model.shown = model.defaultLocale;
      await expect(proposals.coverLetter).toHaveAttribute('lang', model.shown);
      return true;
    },
    preview: async () => {
      const chunk = typedChunk(letter(), random);
      await proposals.typeAtEnd(chunk);
      setLetter(letter() + chunk);
      await proposals.showPreview();
      await proposals.showEditor();
      return true;
    },
    tab: async () => {
      const others = [...model.letters.keys()].filter((locale) => locale !== model.shown);
      if (others.length === 0) return false;
      const chunk = typedChunk(letter(), random);
      await proposals.typeAtEnd(chunk);
      setLetter(letter() + chunk);
      model.shown = others[Math.floor(random() * others.length)]!;
      await proposals.openTab(model.shown);
      return true;
    },
    interfaceLanguage: async () => {
      const chunk = typedChunk(letter(), random);
      await proposals.typeAtEnd(chunk);
      setLetter(letter() + chunk);
      await app.chooseLanguage(uiLanguages[Math.floor(random() * uiLanguages.length)]!);
      await page.goto(proposalUrl());
      model.shown = model.defaultLocale;
      await expect(proposals.coverLetter).toHaveAttribute('lang', model.shown);
      return true;
    },
    sync: async () => {
      // Changes arrive from the platform (the project edited, a client message) while the letter is open.
      const title = `Remote ${Math.floor(random() * 1e6)}`;
      const edited = await fetch(`${demo.platform.url}/v1/simulation/records/project/${encodeURIComponent(project.id)}/edit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ patch: { title } }),
      });
      expect(edited.status).toBe(200);
      const chunk = typedChunk(letter(), random);
      await proposals.typeAtEnd(chunk);
      setLetter(letter() + chunk);
      await expect.poll(() => projectTitle(demo.host.dataDir, project.id)).toBe(title);
      return true;
    },
    remoteLetter: async () => {
      // Sent (or its changes sent), then the letter shown changed on the platform: it arrives in the open editor.
      if ([...model.letters.values()].some((text) => text.trim() === '')) return false;
      // Nothing is missing here, so submit asks first: confirmed as the user would.
      await proposals.submit();
      await proposals.confirmSubmit();
      await expect.poll(() => sentAndSettled(demo.host.dataDir, id)).toBe(true);
      const record = (await readServerFeed(demo.platform.url, demo.platform.users.demo)).get('proposal')!.get(id)!;
      const variants = (record.data as { variants: Record<string, { cover_letter: string }> }).variants;
      const text = `Remote ${model.shown} ${pickWords(random)}`;
      const edited = await fetch(`${demo.platform.url}/v1/simulation/records/proposal/${encodeURIComponent(id)}/edit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ patch: { variants: { ...variants, [model.shown]: { ...variants[model.shown], cover_letter: text } } } }),
      });
      expect(edited.status).toBe(200);
      await expect.poll(() => storedLetter(demo.host.dataDir, id, model.shown)).toBe(text);
      setLetter(text);
      return true;
    },
    restart: async () => {
      await check();
      await demo.restartHost();
      await page.goto(proposalUrl());
      model.shown = model.defaultLocale;
      await expect(proposals.coverLetter).toHaveAttribute('lang', model.shown);
      return true;
    },
  };
  const weights: [keyof typeof actions, number][] = [
    ['type', 3],
    ['restore', 3],
    ['snippet', 2],
    ['newLanguageFromTemplate', 2],
    ['emptyThenTemplate', 1],
    ['library', 3],
    ['preview', 2],
    ['tab', 2],
    ['interfaceLanguage', 1],
    ['sync', 1],
    ['remoteLetter', 1],
    ['restart', 1],
  ];
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
  const pick = (): keyof typeof actions => {
    let at = random() * total;
    for (const [name, weight] of weights) {
      at -= weight;
      if (at < 0) return name;
    }
    return 'type';
  };

  // Every kind of step once, in a random order, then random ones by weight: a short run still meets each kind.
  const kinds = weights.map(([name]) => name).filter((name) => !skipped.has(name));
  const firstRound = kinds.map((name) => ({ name, key: random() })).sort((a, b) => a.key - b.key).map(({ name }) => name);
  const taken: string[] = [];
  for (let step = 0; step < steps; step++) {
    let name = firstRound[step] ?? pick();
    while (skipped.has(name)) name = pick();
    await test.step(`step ${step + 1}: ${name}`, async () => {
      try {
        if (!(await actions[name]!())) {
          name = 'type';
          await actions.type!();
        }
        taken.push(`${name}@${model.shown}`);
        await check();
      } catch (error) {
        taken.push(`${name} (failed)`);
        throw new Error(`FUZZ_SEED=${seed} FUZZ_STEPS=${steps}: step ${step + 1} broke the letter; steps: ${taken.join(', ')}\n${String(error)}`, {
          cause: error,
        });
      }
    });
  }
  // The run as it went, to read or repeat.
  console.log(`FUZZ_SEED=${seed} FUZZ_STEPS=${steps}: ${taken.join(', ')}`);
});
