import type { ProjectRecord } from '../db/repositories/projects-repository';

/**
 * A development stand-in until the sync engine fills the workspace from the platform: deterministic,
 * multilingual project postings written the way clients write them.
 */
type Posting = { language: string; titles: string[]; descriptions: string[] };

const postings: Posting[] = [
  {
    language: 'it',
    titles: [
      'Sito e-commerce per la nostra cantina di famiglia',
      'Traduzione del catalogo prodotti dall’italiano al tedesco',
      'Restyling del logo per un agriturismo in Toscana',
      'App per prenotazioni di un centro benessere a Città di Castello',
      'Ottimizzazione SEO per uno studio di commercialisti',
      'Copywriter per le schede prodotto di un’azienda di ceramiche',
    ],
    descriptions: [
      'Cerchiamo un professionista affidabile, con esperienza dimostrabile e disponibilità a videochiamate settimanali.',
      'Il progetto va consegnato entro la fine del mese; è gradita la conoscenza del settore enogastronomico.',
    ],
  },
  {
    language: 'de',
    titles: [
      'Shopify-Shop für eine Münchner Bäckerei',
      'Übersetzung unserer Website ins Französische und Italienische',
      'Logo und Geschäftsausstattung für eine Physiotherapiepraxis',
      'React-Native-App für Terminbuchungen',
      'Suchmaschinenoptimierung für einen Fahrradverleih in Köln',
    ],
    descriptions: [
      'Wir suchen eine zuverlässige Freelancerin oder einen Freelancer mit Erfahrung und guten Referenzen.',
      'Bitte nennen Sie in Ihrem Angebot Ihren Stundensatz und eine realistische Lieferzeit.',
    ],
  },
  {
    language: 'fr',
    titles: [
      'Refonte du site vitrine d’un cabinet d’architectes',
      'Rédaction de fiches produits pour une boutique de cosmétiques',
      'Traduction anglais → français d’un manuel technique',
      'Application mobile pour un club de sport à Lyon',
      'Identité visuelle pour une crêperie à Rennes',
    ],
    descriptions: [
      'Nous recherchons un prestataire rigoureux, capable de travailler en autonomie et de respecter les délais.',
      'Merci de joindre des exemples de réalisations similaires à votre proposition.',
    ],
  },
  {
    language: 'es',
    titles: [
      'Tienda online para una bodega de La Rioja',
      'Traducción de la web de un hotel al inglés y al alemán',
      'Diseño de logotipo para una academia de idiomas',
      'Posicionamiento SEO para una clínica dental en Valencia',
      'Aplicación para pedidos de una cafetería en Madrid',
    ],
    descriptions: [
      'Buscamos un profesional con experiencia demostrable y buena comunicación en español.',
      'El presupuesto es orientativo; valoraremos propuestas con fases y entregas claras.',
    ],
  },
  {
    language: 'en',
    titles: [
      'WordPress site for a small accounting firm',
      'Landing page copy for a SaaS launch',
      'Translate our onboarding emails into Spanish and Italian',
      'Flutter app for a neighbourhood gym',
      'Technical SEO audit for an online bookshop',
      'Brand refresh for a family-run olive oil producer',
    ],
    descriptions: [
      'We are looking for a reliable freelancer who communicates clearly and can start this week.',
      'Please include links to similar work and a short plan with milestones in your proposal.',
    ],
  },
];

const skillSets = [
  ['WordPress', 'PHP', 'WooCommerce'],
  ['React', 'TypeScript', 'Node.js'],
  ['Traduzione', 'Übersetzung', 'Traduction'],
  ['Logo design', 'Illustrator', 'Branding'],
  ['SEO', 'Google Analytics', 'Content'],
  ['Flutter', 'React Native', 'iOS', 'Android'],
  ['Copywriting', 'Marketing'],
];

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
    const country = posting.language === 'en' ? pick(countries) : pick(countries.slice(0, 5));
    const kind = random() < 0.7 ? 'fixed' : 'hourly';
    const base = kind === 'fixed' ? 250 + Math.floor(random() * 40) * 125 : 15 + Math.floor(random() * 12) * 5;
    const postedAt = new Date(now.getTime() - Math.floor(random() * 14 * 24 * 3600) * 1000).toISOString();
    return {
      id: `dev-prj-${seed}-${index}`,
      version: 1,
      clientId: null,
      title: pick(posting.titles),
      description: posting.descriptions.join(' '),
      language: posting.language,
      kind,
      currency: country.currency,
      budgetMinMinor: random() < 0.15 ? null : base * 100,
      budgetMaxMinor: random() < 0.1 ? null : Math.round((base * (1.5 + random())) / 5) * 500,
      skills: pick(skillSets),
      country: country.code,
      bidCount: Math.floor(random() * 40),
      status: 'open',
      postedAt,
      updatedAt: postedAt,
      raw: { source: 'dev-seed' },
    } satisfies ProjectRecord;
  });
};
