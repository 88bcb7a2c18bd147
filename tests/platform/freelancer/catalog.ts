/**
 * The fixture's fixed reference data: Freelancer "jobs" (what the site calls skills), currencies and countries.
 * Shapes follow the SDK (`freelancersdk/resources/projects/helpers.py`: create_job_object, create_currency_object,
 * create_country_object); the numeric ids are the fixture's own, not Freelancer.com's, so a connector must map
 * jobs and currencies by what the API sends (name, code), never by a hard-coded id.
 */
import { skillsByCategory } from '../content';

export type FreelancerJob = {
  id: number;
  name: string;
  seo_url: string;
  category: { id: number; name: string };
};

export type FreelancerCurrency = {
  id: number;
  code: string;
  sign: string;
  name: string;
  /** US dollars per unit, as the API's exchange_rate is read by clients (budget × rate ≈ USD). */
  exchange_rate: number;
  country: string;
  is_external: boolean;
  is_escrowcom_supported: boolean;
};

const categoryNames: Record<keyof typeof skillsByCategory, { id: number; name: string }> = {
  web_development: { id: 1, name: 'Websites, IT & Software' },
  design: { id: 3, name: 'Design, Media & Architecture' },
  translation: { id: 4, name: 'Translation & Languages' },
  copywriting: { id: 2, name: 'Writing & Content' },
  seo: { id: 6, name: 'Sales & Marketing' },
  mobile_apps: { id: 5, name: 'Mobile Phones & Computing' },
  data_entry: { id: 7, name: 'Data Entry & Admin' },
  video: { id: 8, name: 'Video Services' },
  accounting: { id: 9, name: 'Business, Accounting, Human Resources & Legal' },
};

/** Display names for the reference platform's skill slugs. */
const jobNames: Readonly<Record<string, string>> = {
  wordpress: 'WordPress',
  php: 'PHP',
  react: 'React.js',
  javascript: 'JavaScript',
  typescript: 'TypeScript',
  'node.js': 'Node.js',
  laravel: 'Laravel',
  woocommerce: 'WooCommerce',
  shopify: 'Shopify',
  html: 'HTML',
  css: 'CSS',
  vue: 'Vue.js',
  'logo-design': 'Logo Design',
  'graphic-design': 'Graphic Design',
  figma: 'Figma',
  'ui-design': 'User Interface / IA',
  illustrator: 'Illustrator',
  photoshop: 'Photoshop',
  branding: 'Branding',
  translation: 'Translation',
  proofreading: 'Proofreading',
  localization: 'Localization',
  'it-en-translation': 'Italian Translator',
  'en-it-translation': 'English (UK) Translator',
  'de-it-translation': 'German Translator',
  'fr-it-translation': 'French Translator',
  'es-it-translation': 'Spanish Translator',
  copywriting: 'Copywriting',
  'content-writing': 'Content Writing',
  'blog-writing': 'Blog Writing',
  'product-descriptions': 'Product Descriptions',
  ghostwriting: 'Ghostwriting',
  seo: 'Search Engine Optimization',
  'google-ads': 'Google Adwords',
  'keyword-research': 'Keyword Research',
  'link-building': 'Link Building',
  'google-analytics': 'Google Analytics',
  'local-seo': 'Local SEO',
  flutter: 'Flutter',
  'react-native': 'React Native',
  ios: 'iPhone',
  android: 'Android',
  swift: 'Swift',
  kotlin: 'Kotlin',
  'data-entry': 'Data Entry',
  excel: 'Excel',
  'video-editing': 'Video Editing',
  'premiere-pro': 'Adobe Premiere Pro',
  'after-effects': 'After Effects',
  'motion-graphics': 'Motion Graphics',
  bookkeeping: 'Bookkeeping',
  accounting: 'Accounting',
  tax: 'Taxation',
};

const seoUrl = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Every job, one per reference skill slug, ids from 3 upwards in a fixed order. */
export const jobs: readonly FreelancerJob[] = Object.entries(skillsByCategory).flatMap(([category, slugs], categoryIndex) =>
  slugs.map((slug, index) => {
    const name = jobNames[slug] ?? slug;
    return {
      id: 3 + categoryIndex * 40 + index,
      name,
      seo_url: seoUrl(name),
      category: categoryNames[category as keyof typeof skillsByCategory],
    };
  }),
);

export const jobBySlug: ReadonlyMap<string, FreelancerJob> = new Map(
  Object.values(skillsByCategory)
    .flat()
    .map((slug, index) => [slug, jobs[index] as FreelancerJob]),
);

export const jobById: ReadonlyMap<number, FreelancerJob> = new Map(jobs.map((job) => [job.id, job]));

export const currencies: Readonly<Record<string, FreelancerCurrency>> = {
  USD: { id: 1, code: 'USD', sign: '$', name: 'US Dollar', exchange_rate: 1, country: 'US', is_external: false, is_escrowcom_supported: true },
  GBP: { id: 4, code: 'GBP', sign: '£', name: 'British Pounds', exchange_rate: 1.27, country: 'GB', is_external: false, is_escrowcom_supported: true },
  EUR: { id: 8, code: 'EUR', sign: '€', name: 'Euro', exchange_rate: 1.08, country: 'EU', is_external: false, is_escrowcom_supported: true },
  CAD: { id: 9, code: 'CAD', sign: '$', name: 'Canadian Dollar', exchange_rate: 0.73, country: 'CA', is_external: false, is_escrowcom_supported: true },
  AUD: { id: 3, code: 'AUD', sign: '$', name: 'Australian Dollar', exchange_rate: 0.66, country: 'AU', is_external: false, is_escrowcom_supported: true },
  CHF: { id: 16, code: 'CHF', sign: 'CHF', name: 'Swiss Franc', exchange_rate: 1.13, country: 'CH', is_external: false, is_escrowcom_supported: false },
  MXN: { id: 22, code: 'MXN', sign: '$', name: 'Mexican Peso', exchange_rate: 0.054, country: 'MX', is_external: false, is_escrowcom_supported: false },
  PLN: { id: 20, code: 'PLN', sign: 'zł', name: 'Polish Zloty', exchange_rate: 0.25, country: 'PL', is_external: false, is_escrowcom_supported: false },
  SEK: { id: 19, code: 'SEK', sign: 'kr', name: 'Swedish Krona', exchange_rate: 0.094, country: 'SE', is_external: false, is_escrowcom_supported: false },
};

export const countryNames: Readonly<Record<string, string>> = {
  IT: 'Italy',
  DE: 'Germany',
  AT: 'Austria',
  CH: 'Switzerland',
  FR: 'France',
  BE: 'Belgium',
  ES: 'Spain',
  MX: 'Mexico',
  AR: 'Argentina',
  GB: 'United Kingdom',
  IE: 'Ireland',
  US: 'United States',
  CA: 'Canada',
  AU: 'Australia',
  NL: 'Netherlands',
  PT: 'Portugal',
  PL: 'Poland',
  SE: 'Sweden',
};

/** `{name, code}` as a user's `location.country`; the code in lower case, as the `countries[]` filter takes it. */
export const countryObject = (code: string): { name: string; code: string } => ({
  name: countryNames[code] ?? code,
  code: code.toLowerCase(),
});
