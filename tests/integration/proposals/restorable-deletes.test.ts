import { describe, expect, it } from 'vitest';
import { useCoreHarness } from '../../support/core-harness';

const { openSignedIn, openWorkspace, startPlatform } = useCoreHarness();

const doc = (...paragraphs: string[]): string =>
  JSON.stringify({ type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });

const day = 24 * 60 * 60_000;

describe('deletions that Undo takes back (#15)', () => {
  it('a removed language comes back with its whole history, also after a restart; never over a letter written since', async () => {
    const platform = await startPlatform();
    const signedIn = await openSignedIn(platform);
    const { id: projectId } = signedIn.core.db
      .prepare("SELECT id FROM projects WHERE status = 'open' AND id NOT IN (SELECT project_id FROM proposals) LIMIT 1")
      .get() as { id: string };
    const { id } = await signedIn.client.proposals.createDraft({ projectId, locale: 'en' });
    await signedIn.client.proposals.saveVariant({ id, locale: 'en', bodyJson: doc('Dear client,'), bodyText: 'Dear client,' });
    await signedIn.client.proposals.addVariant({ id, locale: 'it', sourceLocale: 'en' });
    await signedIn.client.proposals.saveVariant({ id, locale: 'it', bodyJson: doc('Gentile cliente,'), bodyText: 'Gentile cliente,', checkpoint: true });
    await signedIn.client.proposals.saveVariant({ id, locale: 'it', bodyJson: doc('Gentile cliente, più qualità.'), bodyText: 'Gentile cliente, più qualità.', checkpoint: true });
    const before = (await signedIn.client.proposals.getProposal({ id }))!.variants.find((variant) => variant.locale === 'it')!;
    const history = await signedIn.client.proposals.listRevisions({ id, locale: 'it' });
    expect(history.map((revision) => revision.revision)).toEqual([3, 2, 1]);

    await expect(signedIn.client.proposals.removeVariant({ id, locale: 'it' })).resolves.toEqual({ removed: true });
    expect((await signedIn.client.proposals.getProposal({ id }))!.variants.map((variant) => variant.locale)).toEqual(['en']);
    await expect(signedIn.client.proposals.listRevisions({ id, locale: 'it' })).resolves.toEqual([]);
    // The project's language stays; a language that is not there is not removed.
    await expect(signedIn.client.proposals.removeVariant({ id, locale: 'en' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(signedIn.client.proposals.removeVariant({ id, locale: 'fr' })).resolves.toEqual({ removed: false });
    signedIn.core.close();

    // The app closed while the toast offered Undo: the removal held, and Undo still can be done.
    const { core, client } = await openWorkspace(null, { dataDir: signedIn.dataDir });
    expect((await client.proposals.getProposal({ id }))!.variants.map((variant) => variant.locale)).toEqual(['en']);
    // Bad input is refused with nothing changed.
    await expect(client.proposals.restoreVariant({ id, locale: 'it; DROP' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(client.proposals.restoreVariant({ id, locale: 'de' })).rejects.toMatchObject({ code: 'not_found' });
    const restored = await client.proposals.restoreVariant({ id, locale: 'it' });
    expect(restored).toEqual(before);
    await expect(client.proposals.listRevisions({ id, locale: 'it' })).resolves.toEqual(history);
    expect(core.db.prepare('SELECT count(*) AS n FROM removed_variants').get()).toEqual({ n: 0 });
    expect(core.db.prepare('SELECT count(*) AS n FROM removed_revisions').get()).toEqual({ n: 0 });
    await expect(client.proposals.restoreVariant({ id, locale: 'it' })).rejects.toMatchObject({ code: 'conflict' });

    // Removed, then written again before Undo: the new letter stays, the removed one is not forced over it.
    await client.proposals.removeVariant({ id, locale: 'it' });
    await client.proposals.saveVariant({ id, locale: 'it', bodyJson: doc('Nuova lettera'), bodyText: 'Nuova lettera' });
    await expect(client.proposals.restoreVariant({ id, locale: 'it' })).rejects.toMatchObject({ code: 'conflict' });
    expect((await client.proposals.getProposal({ id }))!.variants.find((variant) => variant.locale === 'it')!.bodyText).toBe('Nuova lettera');

    // 30 days later the next deletion purges it for good.
    core.db.prepare('UPDATE removed_variants SET removed_at = ?').run(new Date(Date.now() - 31 * day).toISOString());
    await client.proposals.removeVariant({ id, locale: 'it' });
    expect(core.db.prepare('SELECT count(*) AS n FROM removed_revisions').get()).toEqual({ n: 1 });
    expect((await client.proposals.restoreVariant({ id, locale: 'it' })).bodyText).toBe('Nuova lettera');

    // A proposal that can no longer change takes no restore either.
    await client.proposals.removeVariant({ id, locale: 'it' });
    core.db.prepare("UPDATE proposals SET status = 'awarded' WHERE id = ?").run(id);
    await expect(client.proposals.restoreVariant({ id, locale: 'it' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('a deleted template or snippet leaves the library at once and comes back as it was, until purged', async () => {
    const dataDir = (await openWorkspace()).dataDir;
    const first = await openWorkspace(null, { dataDir });
    const body = doc('Grüße, {my.name}');
    const saved = await first.client.proposals.saveTemplate({ kind: 'snippet', locale: 'de', name: 'Gruß', bodyJson: body });
    const other = await first.client.proposals.saveTemplate({ kind: 'template', locale: 'de', name: 'Anschreiben', bodyJson: body });
    await expect(first.client.proposals.deleteTemplate({ id: saved.id })).resolves.toEqual({ deleted: true });
    expect((await first.client.proposals.listTemplates({})).map((template) => template.name)).toEqual(['Anschreiben']);
    await expect(first.client.proposals.deleteTemplate({ id: saved.id })).resolves.toEqual({ deleted: false });
    first.core.close();

    const { core, client } = await openWorkspace(null, { dataDir });
    expect((await client.proposals.listTemplates({})).map((template) => template.name)).toEqual(['Anschreiben']);
    await expect(client.proposals.restoreTemplate({ id: '' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(client.proposals.restoreTemplate({ id: other.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(client.proposals.restoreTemplate({ id: saved.id })).resolves.toEqual(saved);
    expect((await client.proposals.listTemplates({ locale: 'de' })).map((template) => template.name)).toEqual(['Anschreiben', 'Gruß']);

    // Deleted 31 days ago: the next deletion purges it, and nothing is left to restore.
    await client.proposals.deleteTemplate({ id: saved.id });
    core.db.prepare('UPDATE templates SET deleted_at = ? WHERE id = ?').run(new Date(Date.now() - 31 * day).toISOString(), saved.id);
    await client.proposals.deleteTemplate({ id: other.id });
    expect(core.db.prepare('SELECT id FROM templates').all()).toEqual([{ id: other.id }]);
    await expect(client.proposals.restoreTemplate({ id: saved.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(client.proposals.restoreTemplate({ id: other.id })).resolves.toMatchObject({ name: 'Anschreiben' });
  });
});
