/**
 * Skills show by name in the UI's language, never as a platform's slug (#15: `de-it-translation` was shown in
 * every language). The catalogue knows every skill the reference platform and the Freelancer fixture send, and
 * the feed's row, the proposal's linked items and the skills picker render names.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInstance, type ResourceKey } from 'i18next';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { findSkillKey, foldSkillToken, readSkillId, skillCatalogue, skillKeys } from '../../../shared/domain/skills';
import { locales, namespaces } from '../../../shared/i18n/locales';
import type { ProjectSummary } from '../../../shared/domain/project';
import { skillsByCategory } from '../../platform/content';
import { jobs } from '../../platform/freelancer/catalog';
import { ProjectRow } from '../../../renderer/src/features/feed/project-row';
import { LinkedPortfolioItems } from '../../../renderer/src/features/proposals/proposal-parts';
import { SkillsPicker } from '../../../renderer/src/ui/skills-picker';

/** A slug: lower-case words joined by hyphens, as the reference platform writes its skills. */
const slug = /^[a-z0-9.]+(?:-[a-z0-9.]+)+$/;
const referenceSlugs = Object.values(skillsByCategory).flat();
const hyphenatedSlugs = referenceSlugs.filter((skill) => skill.includes('-'));

/** The slugs a rendering shows as text (attributes, such as a chip's data-value, are not shown). */
const slugsShown = (html: string): string[] => {
  const text = html.replace(/<[^>]*>/g, ' ');
  return hyphenatedSlugs.filter((skill) => text.includes(skill));
};
const freelancerNames = jobs.map((job) => job.name);

const strings = (locale: string, namespace: string): ResourceKey =>
  JSON.parse(readFileSync(path.join(import.meta.dirname, '../../../shared/locales', locale, `${namespace}.json`), 'utf8')) as ResourceKey;

const i18nFor = async (locale: string) => {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({
    resources: { [locale]: Object.fromEntries(namespaces.map((namespace) => [namespace, strings(locale, namespace)])) },
    lng: locale,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  });
  return i18n;
};

const render = async (locale: string, element: ReactElement): Promise<string> =>
  renderToStaticMarkup(createElement(I18nextProvider, { i18n: await i18nFor(locale) }, element));

const project: ProjectSummary = {
  id: 'prj_1',
  title: 'Catalogo prodotti',
  language: 'it',
  kind: 'fixed',
  currency: 'EUR',
  budgetMinMinor: 20000,
  budgetMaxMinor: 40000,
  skills: ['de-it-translation', 'proofreading', 'Search Engine Optimization', 'Some Rare Skill'],
  country: 'IT',
  bidCount: 3,
  status: 'open',
  postedAt: '2026-12-01T10:00:00.000Z',
  match: null,
  account: null,
};

describe('skill names', () => {
  it('the catalogue knows every skill the reference platform and the Freelancer fixture send', () => {
    expect(referenceSlugs.filter((skill) => findSkillKey(skill) === null)).toEqual([]);
    expect(freelancerNames.filter((skill) => findSkillKey(skill) === null)).toEqual([]);
  });

  it.each(locales)('every catalogue skill has a name in %s, and no name is a slug', (locale) => {
    const names = strings(locale, 'skills') as Record<string, unknown>;
    for (const key of skillKeys) {
      const name = names[key];
      expect(typeof name, key).toBe('string');
      expect(String(name), key).not.toMatch(slug);
    }
  });

  it.each([
    ['en', 'German to Italian translation', 'Proofreading', 'SEO'],
    ['de', 'Übersetzung Deutsch–Italienisch', 'Korrektorat', 'Suchmaschinenoptimierung'],
    ['it', 'Traduzione dal tedesco all’italiano', 'Correzione di bozze', 'SEO'],
  ])('a feed row in %s names its skills, never their slugs', async (locale, translation, proofreading, seo) => {
    const html = await render(locale, createElement(ProjectRow, { project, now: new Date('2026-12-02T10:00:00Z') }));
    expect(slugsShown(html)).toEqual([]);
    for (const name of [translation, proofreading, seo, 'Some Rare Skill']) expect(html).toContain(`>${name}<`);
  });

  it("a proposal's linkable portfolio item says which skills it matches by name", async () => {
    const html = await render(
      'fr',
      createElement(LinkedPortfolioItems, {
        items: [{ itemId: 'pfi_1', title: 'Catalogue', shownLocale: 'fr', visibility: 'public', matchedSkills: ['de-it-translation', 'seo'], score: 1, linked: false }],
        linkedIds: [],
        editable: true,
        onToggle: () => undefined,
      }),
    );
    expect(slugsShown(html)).toEqual([]);
    expect(html).toContain('Traduction allemand-italien, Référencement naturel (SEO)');
  });

  it('the skills picker shows its chips by name', async () => {
    const html = await render('es', createElement(SkillsPicker, { label: 'Habilidades', value: ['de-it-translation', 'local-seo'], onChange: () => undefined }));
    expect(slugsShown(html)).toEqual([]);
    expect(html).toContain('Traducción del alemán al italiano');
    expect(html).toContain('SEO local');
  });

  it("a skill's name in any of the UI's languages means that skill, as the platforms' tokens do; a name two skills share is left out", () => {
    // A profile's skills as a user types them: in their own language.
    expect(findSkillKey(' suchmaschinenoptimierung ')).toBe('seo');
    expect(readSkillId('référencement naturel (seo)')).toBe(readSkillId('Search Engine Optimization'));
    for (const locale of locales) {
      const names = strings(locale, 'skills') as Record<string, string>;
      const shared = new Set(skillKeys.filter((key) => skillKeys.some((other) => other !== key && foldSkillToken(names[other]!) === foldSkillToken(names[key]!))));
      for (const key of skillKeys) {
        // A name that is one of another skill's platform tokens keeps meaning that skill.
        const platformOwner = skillKeys.find((other) => (skillCatalogue[other] as readonly string[]).some((token) => foldSkillToken(token) === foldSkillToken(names[key]!)));
        const expected = platformOwner ?? (shared.has(key) ? null : key);
        expect(findSkillKey(names[key]!), `${locale} ${key}`).toBe(expected);
      }
    }
  });
});
