/**
 * Builders of single realistic records, shared by the seed generator and the live/simulation actors.
 * Each takes the PRNG it draws from, so the same seed always builds the same record.
 */
import type { Client, Message, Project } from '../../shared/platform/records';
import {
  budgetRanges,
  type Category,
  type ContentLanguage,
  countryProfiles,
  type CountryProfile,
  foreignPostings,
  languagePacks,
  languagePairs,
  mainCategories,
  otherCategories,
  otherPostings,
  skillsByCategory,
  techByCategory,
} from './content';
import type { Rng } from './prng';

export const contentLanguages: readonly ContentLanguage[] = ['it', 'en', 'de', 'fr', 'es'];

export const isContentLanguage = (tag: string): tag is ContentLanguage => (contentLanguages as readonly string[]).includes(tag);

export const fillSlots = (template: string, rng: Rng, values: Partial<Record<string, string>>): string =>
  template.replace(/\{([a-z]+)\}/g, (match, slot: string) => {
    const given = values[slot];
    if (given !== undefined) return given;
    if (slot === 'n') return String(rng.pick([3, 5, 6, 8, 10, 12, 15, 20, 2500, 4000, 8000]));
    if (slot === 'days') return String(rng.pick([5, 7, 10, 14, 21, 30]));
    return match;
  });

/** Rounds a budget to what people actually type: 150, 1.200, 25.000 — not 1.187. */
const roundBudget = (amount: number): number => {
  const step = amount < 100 ? 5 : amount < 1000 ? 50 : amount < 10_000 ? 100 : 1000;
  return Math.max(step, Math.round(amount / step) * step);
};

export const pickCountry = (rng: Rng): CountryProfile => rng.weighted(countryProfiles.map((profile) => [profile, profile.weight] as const));

export const countryProfileOf = (country: string): CountryProfile =>
  countryProfiles.find((profile) => profile.country === country) ?? (countryProfiles[0] as CountryProfile);

export const buildClient = (rng: Rng, options: { anchorMs: number }): Omit<Client, 'id' | 'version'> => {
  const profile = pickCountry(rng);
  const first = rng.pick(profile.first);
  const last = rng.pick(profile.last);
  const company = rng.chance(0.6) ? `${rng.chance(0.5) ? last : rng.pick(profile.cities)} ${rng.pick(profile.companySuffix)}` : null;
  const registered = options.anchorMs - rng.int(20, 3000) * 86_400_000 - rng.int(0, 86_399) * 1000;
  const reviews = rng.chance(0.2) ? 0 : rng.int(1, 180);
  return {
    name: `${first} ${last}`,
    company,
    country: profile.country,
    city: rng.chance(0.85) ? rng.pick(profile.cities) : null,
    primary_language: profile.languages[0] as string,
    languages: [...profile.languages],
    reputation: reviews === 0 ? 0 : Math.round((3.4 + rng.next() * 1.6) * 10) / 10,
    reviews_count: reviews,
    payment_verified: rng.chance(0.72),
    projects_posted: 0,
    registered_at: new Date(registered).toISOString(),
    updated_at: new Date(registered).toISOString(),
  };
};

export type ProjectPlan = { category?: Category; language?: string; status?: Project['status']; foreign?: boolean };

/**
 * A posting by `client`, in one of the languages the client writes in. `foreign` postings use a language the
 * seeded freelancers do not read, `otherCategories` ones skills they do not have: both stay out of their feeds.
 */
export const buildProject = (
  rng: Rng,
  client: { id: string; country: string; languages: readonly string[]; city: string | null },
  postedMs: number,
  plan: ProjectPlan = {},
): Omit<Project, 'id' | 'version'> => {
  const profile = countryProfileOf(client.country);
  const category: Category =
    plan.category ?? (rng.chance(0.9) ? rng.pick(mainCategories) : rng.pick(otherCategories));
  const writable = client.languages.filter(isContentLanguage);
  const language = plan.language ?? (rng.chance(0.8) && writable[0] ? writable[0] : (rng.pick(writable.length > 0 ? writable : ['en']) as string));
  const pack = languagePacks[isContentLanguage(language) ? language : 'en'];
  const tech = rng.pick(techByCategory[category] ?? techByCategory.web_development ?? ['WordPress']);
  const slots = {
    business: rng.pick(pack.businesses),
    city: client.city ?? rng.pick(profile.cities),
    tech,
    pair: rng.pick(languagePairs),
    product: rng.pick(pack.products),
  };
  let title: string;
  let description: string;
  let postingLanguage = language;
  // A foreign posting is in a language its client writes (a Portuguese client does not post in Polish).
  const foreignOnes = foreignPostings.filter((posting) => client.languages.includes(posting.language));
  let postingCategory = category;
  if (plan.foreign && foreignOnes.length > 0) {
    const foreign = rng.pick(foreignOnes);
    title = foreign.title;
    description = foreign.description;
    postingLanguage = foreign.language;
    postingCategory = foreign.category;
  } else if ((otherCategories as readonly string[]).includes(category)) {
    const key = (['en', 'it', 'de'] as const).find((tag) => tag === language) ?? 'en';
    title = fillSlots(rng.pick(otherPostings[category as (typeof otherCategories)[number]][key]), rng, slots);
    description = [title, rng.pick(pack.closers)].join('\n\n');
    postingLanguage = key;
  } else {
    const posting = pack.postings[category as (typeof mainCategories)[number]];
    const titleTemplate = rng.pick(posting.titles);
    title = fillSlots(titleTemplate, rng, slots);
    const needs = rng.pickSome(posting.needs, rng.int(2, 4)).map((need) => fillSlots(need, rng, slots));
    const bulleted = rng.chance(0.6) ? needs.map((need) => `- ${need}`).join('\n') : needs.join(' ');
    // An intro that talks about a product under a title about a business (or the reverse) reads wrong.
    const slotsOf = (text: string): string[] => [...text.matchAll(/\{(business|product)\}/g)].map((match) => match[1] as string);
    const titleTemplateSlots = new Set(slotsOf(titleTemplate));
    const fitting = posting.intros.filter((intro) => slotsOf(intro).every((slot) => titleTemplateSlots.has(slot)));
    description = [fillSlots(rng.pick(fitting.length > 0 ? fitting : posting.intros), rng, slots), bulleted, rng.pick(pack.closers)].join('\n\n');
  }
  const kind: Project['kind'] = rng.chance(0.78) ? 'fixed' : 'hourly';
  const [low, high] = budgetRanges[postingCategory][kind];
  const minEuro = low + rng.next() * (high - low) * 0.6;
  const min = roundBudget(minEuro * profile.perEuro);
  const max = rng.chance(0.1) ? null : roundBudget(minEuro * (1.3 + rng.next() * 1.5) * profile.perEuro);
  // Drawn as before (later values stay as they were), then made to agree with what the posting names.
  const skills = fitSkills(postingCategory, title, description, rng.pickSome(skillsByCategory[postingCategory], rng.int(1, 4)));
  const posted = new Date(postedMs).toISOString();
  return {
    client_id: client.id,
    title,
    description,
    language: postingLanguage,
    category: postingCategory,
    kind,
    budget: { min_minor: min * 100, max_minor: max === null ? null : Math.max(max, min) * 100, currency: profile.currency },
    skills,
    country: profile.country,
    remote: rng.chance(0.93),
    bid_count: rng.int(0, 45),
    status: plan.status ?? 'open',
    deadline: rng.chance(0.3) ? new Date(postedMs + rng.int(7, 60) * 86_400_000).toISOString().slice(0, 10) : null,
    // Drawn by the caller from a separate stream, so that adding questions left every other seeded value as it was.
    questions: [],
    posted_at: posted,
    updated_at: posted,
  };
};

/**
 * What a posting names decides its skills: a WordPress relaunch asks for wordpress (not shopify), a Kotlin app for
 * kotlin, a DE>IT translation for de-it-translation (never another pair's). Rules by category, first match wins,
 * read in the title, then in the description (where "Prefer {tech}" names the technology).
 */
const skillThemes: Partial<Record<Category, readonly { match: RegExp; skills: readonly string[] }[]>> = {
  web_development: [
    { match: /shopify/i, skills: ['shopify', 'html', 'css', 'javascript'] },
    { match: /woocommerce|wordpress/i, skills: ['wordpress', 'woocommerce', 'php', 'css'] },
    { match: /laravel/i, skills: ['laravel', 'php', 'javascript', 'css'] },
    { match: /next\.js|react/i, skills: ['react', 'javascript', 'typescript', 'css'] },
    { match: /\bvue\b/i, skills: ['vue', 'javascript', 'typescript', 'css'] },
    { match: /node\.js/i, skills: ['node.js', 'javascript', 'typescript'] },
    { match: /\bphp\b/i, skills: ['php', 'html', 'css', 'javascript'] },
  ],
  mobile_apps: [
    { match: /react native/i, skills: ['react-native', 'ios', 'android'] },
    { match: /flutter/i, skills: ['flutter', 'ios', 'android'] },
    { match: /kotlin/i, skills: ['kotlin', 'android'] },
    { match: /swift/i, skills: ['swift', 'ios'] },
  ],
  design: [
    { match: /logo/i, skills: ['logo-design', 'branding', 'illustrator', 'graphic-design'] },
    { match: /figma|\bui\b|ui-/i, skills: ['figma', 'ui-design'] },
    { match: /./, skills: ['graphic-design', 'illustrator', 'photoshop', 'branding'] },
  ],
  copywriting: [
    { match: /blog/i, skills: ['blog-writing', 'content-writing', 'copywriting'] },
    { match: /produ[ck]t|prodott|producto/i, skills: ['product-descriptions', 'copywriting'] },
    { match: /./, skills: ['copywriting', 'content-writing'] },
  ],
  seo: [
    { match: /google ads/i, skills: ['google-ads', 'google-analytics', 'keyword-research'] },
    { match: /local|lokal|google business|fiche google|ficha de google/i, skills: ['local-seo', 'seo', 'keyword-research'] },
    { match: /./, skills: ['seo', 'keyword-research', 'link-building', 'google-analytics'] },
  ],
};

/** The translation skills a language pair allows: its own slug where one exists, else the general ones. */
const pairSkills = (text: string): readonly string[] | null => {
  const pair = /\b(IT|EN|DE|FR|ES)>(IT|EN|DE|FR|ES)\b/.exec(text);
  if (!pair) return null;
  const slug = `${pair[1]!.toLowerCase()}-${pair[2]!.toLowerCase()}-translation`;
  return [...(skillsByCategory.translation.includes(slug) ? [slug] : []), 'translation', 'proofreading', 'localization'];
};

/** `picked` narrowed to what the posting's text allows, led by the skill it names; as many as were picked. */
export const fitSkills = (category: Category, title: string, description: string, picked: readonly string[]): string[] => {
  const themeIn = (text: string) => skillThemes[category]?.find((theme) => theme.match.test(text))?.skills;
  const allowed =
    category === 'translation'
      ? (pairSkills(title) ?? pairSkills(description) ?? skillsByCategory.translation.filter((skill) => !skill.endsWith('-translation') || skill === 'translation'))
      : (themeIn(title) ?? themeIn(description));
  if (!allowed) return [...picked];
  const kept = picked.filter((skill) => allowed.includes(skill));
  const lead = allowed[0] as string;
  return [...new Set([lead, ...kept, ...allowed])].slice(0, Math.max(1, Math.min(picked.length, allowed.length)));
};

export const buildMessage = (
  rng: Rng,
  options: { threadId: string; senderId: string; fromMe: boolean; language: string; sentMs: number; read: boolean },
): Omit<Message, 'id' | 'version'> => {
  const pack = languagePacks[isContentLanguage(options.language) ? options.language : 'en'];
  const sent = new Date(options.sentMs).toISOString();
  return {
    thread_id: options.threadId,
    sender_id: options.senderId,
    from_me: options.fromMe,
    body: rng.pick(options.fromMe ? pack.freelancerLines : pack.clientLines),
    attachments: [],
    sent_at: sent,
    read_at: options.read ? new Date(options.sentMs + rng.int(1, 600) * 60_000).toISOString() : null,
  };
};

/** Id with a type prefix and a PRNG-drawn body: opaque, deterministic for the seed. */
export const randomId = (rng: Rng, prefix: string): string => {
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
  let body = '';
  for (let index = 0; index < 12; index += 1) body += alphabet[Math.floor(rng.next() * alphabet.length)];
  return `${prefix}_${body}`;
};

/** Sequential id: `prj_00001f`. */
export const serialId = (prefix: string, index: number): string => `${prefix}_${index.toString(36).padStart(6, '0')}`;
