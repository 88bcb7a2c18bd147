import type { ProjectRecord } from '../db/repositories/projects-repository';

/**
 * A development stand-in until the sync engine fills the workspace from the platform: deterministic,
 * multilingual project postings written the way clients write them.
 */
type Posting = { language: string; titles: [title: string, skills: Skill][]; descriptions: string[] };

const postings: Posting[] = [
  {
    language: 'it',
    titles: [
      ['Sito e-commerce per la nostra cantina di famiglia', 'shop'],
      ['Traduzione del catalogo prodotti dall’italiano al tedesco', 'translation'],
      ['Restyling del logo per un agriturismo in Toscana', 'design'],
      ['App per prenotazioni di un centro benessere a Città di Castello', 'mobile'],
      ['Ottimizzazione SEO per uno studio di commercialisti', 'seo'],
      ['Copywriter per le schede prodotto di un’azienda di ceramiche', 'copy'],
    ],
    descriptions: [
      'Cerchiamo un professionista affidabile, con esperienza dimostrabile e disponibilità a videochiamate settimanali.',
      'Il progetto va consegnato entro la fine del mese; è gradita la conoscenza del settore enogastronomico.',
    ],
  },
  {
    language: 'de',
    titles: [
      ['Shopify-Shop für eine Münchner Bäckerei', 'shop'],
      ['Übersetzung unserer Website ins Französische und Italienische', 'translation'],
      ['Logo und Geschäftsausstattung für eine Physiotherapiepraxis', 'design'],
      ['React-Native-App für Terminbuchungen', 'mobile'],
      ['Suchmaschinenoptimierung für einen Fahrradverleih in Köln', 'seo'],
    ],
    descriptions: [
      'Wir suchen eine zuverlässige Freelancerin oder einen Freelancer mit Erfahrung und guten Referenzen.',
      'Bitte nennen Sie in Ihrem Angebot Ihren Stundensatz und eine realistische Lieferzeit.',
    ],
  },
  {
    language: 'fr',
    titles: [
      ['Refonte du site vitrine d’un cabinet d’architectes', 'web'],
      ['Rédaction de fiches produits pour une boutique de cosmétiques', 'copy'],
      ['Traduction anglais → français d’un manuel technique', 'translation'],
      ['Application mobile pour un club de sport à Lyon', 'mobile'],
      ['Identité visuelle pour une crêperie à Rennes', 'design'],
    ],
    descriptions: [
      'Nous recherchons un prestataire rigoureux, capable de travailler en autonomie et de respecter les délais.',
      'Merci de joindre des exemples de réalisations similaires à votre proposition.',
    ],
  },
  {
    language: 'es',
    titles: [
      ['Tienda online para una bodega de La Rioja', 'shop'],
      ['Traducción de la web de un hotel al inglés y al alemán', 'translation'],
      ['Diseño de logotipo para una academia de idiomas', 'design'],
      ['Posicionamiento SEO para una clínica dental en Valencia', 'seo'],
      ['Aplicación para pedidos de una cafetería en Madrid', 'mobile'],
    ],
    descriptions: [
      'Buscamos un profesional con experiencia demostrable y buena comunicación en español.',
      'El presupuesto es orientativo; valoraremos propuestas con fases y entregas claras.',
    ],
  },
  {
    language: 'en',
    titles: [
      ['WordPress site for a small accounting firm', 'web'],
      ['Landing page copy for a SaaS launch', 'copy'],
      ['Translate our onboarding emails into Spanish and Italian', 'translation'],
      ['Flutter app for a neighbourhood gym', 'mobile'],
      ['Technical SEO audit for an online bookshop', 'seo'],
      ['Brand refresh for a family-run olive oil producer', 'design'],
    ],
    descriptions: [
      'We are looking for a reliable freelancer who communicates clearly and can start this week.',
      'Please include links to similar work and a short plan with milestones in your proposal.',
    ],
  },
];

type Skill = keyof typeof skillSets;
const skillSets = {
  web: ['WordPress', 'PHP', 'JavaScript', 'CSS'],
  shop: ['Shopify', 'WooCommerce', 'E-commerce'],
  translation: ['Translation', 'Proofreading', 'Localization'],
  design: ['Logo design', 'Illustrator', 'Branding'],
  seo: ['SEO', 'Google Analytics', 'Content strategy'],
  mobile: ['Flutter', 'React Native', 'iOS', 'Android'],
  copy: ['Copywriting', 'Marketing', 'Content writing'],
};

const countries: { code: string; currency: string }[] = [
  { code: 'IT', currency: 'EUR' },
  { code: 'DE', currency: 'EUR' },
  { code: 'FR', currency: 'EUR' },
  { code: 'ES', currency: 'EUR' },
  { code: 'CH', currency: 'CHF' },
  { code: 'GB', currency: 'GBP' },
  { code: 'US', currency: 'USD' },
];

/** mulberry32: a tiny seeded generator so the same seed always gives the same workspace. */
const seededRandom = (seed: number) => {
  let state = seed >>> 0;
  return (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

export const generateDemoProjects = (count: number, seed: number, now: Date): ProjectRecord[] => {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: count }, (_, index) => {
    const posting = pick(postings);
    const [title, skill] = pick(posting.titles);
    const country = posting.language === 'en' ? pick(countries) : pick(countries.slice(0, 5));
    const kind = random() < 0.7 ? 'fixed' : 'hourly';
    const base = kind === 'fixed' ? 250 + Math.floor(random() * 40) * 125 : 15 + Math.floor(random() * 12) * 5;
    const postedAt = new Date(now.getTime() - Math.floor(random() * 14 * 24 * 3600) * 1000).toISOString();
    return {
      id: `dev-prj-${seed}-${index}`,
      version: 1,
      clientId: null,
      title,
      description: posting.descriptions.join(' '),
      language: posting.language,
      kind,
      currency: country.currency,
      budgetMinMinor: random() < 0.15 ? null : base * 100,
      budgetMaxMinor: random() < 0.1 ? null : Math.round((base * (1.5 + random())) / 5) * 500,
      skills: skillSets[skill],
      country: country.code,
      bidCount: Math.floor(random() * 40),
      status: 'open',
      postedAt,
      updatedAt: postedAt,
      raw: { source: 'dev-seed' },
    } satisfies ProjectRecord;
  });
};
