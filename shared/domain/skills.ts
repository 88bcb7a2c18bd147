import deSkills from '../locales/de/skills.json' with { type: 'json' };
import enSkills from '../locales/en/skills.json' with { type: 'json' };
import esSkills from '../locales/es/skills.json' with { type: 'json' };
import frSkills from '../locales/fr/skills.json' with { type: 'json' };
import itSkills from '../locales/it/skills.json' with { type: 'json' };

/**
 * The skills Bottega can name in the UI's language. A platform sends a skill as its own token: the reference
 * platform a slug (`de-it-translation`), Freelancer.com a job name in English ("German Translator"). Each
 * entry lists every token that means the same skill; the key names its translation in the `skills`
 * namespace (shared/locales/<locale>/skills.json). A token not listed here is shown as the platform wrote it,
 * never as a slug turned into words.
 */
export const skillCatalogue = {
  wordpress: ['wordpress', 'WordPress'],
  php: ['php', 'PHP'],
  react: ['react', 'React.js'],
  javascript: ['javascript', 'JavaScript'],
  typescript: ['typescript', 'TypeScript'],
  nodejs: ['node.js', 'Node.js'],
  laravel: ['laravel', 'Laravel'],
  woocommerce: ['woocommerce', 'WooCommerce'],
  shopify: ['shopify', 'Shopify'],
  html: ['html', 'HTML'],
  css: ['css', 'CSS'],
  vue: ['vue', 'Vue.js'],
  logoDesign: ['logo-design', 'Logo Design'],
  graphicDesign: ['graphic-design', 'Graphic Design'],
  figma: ['figma', 'Figma'],
  uiDesign: ['ui-design', 'User Interface / IA'],
  illustrator: ['illustrator', 'Illustrator'],
  photoshop: ['photoshop', 'Photoshop'],
  branding: ['branding', 'Branding'],
  translation: ['translation', 'Translation'],
  proofreading: ['proofreading', 'Proofreading'],
  localization: ['localization', 'Localization'],
  itEnTranslation: ['it-en-translation'],
  enItTranslation: ['en-it-translation'],
  deItTranslation: ['de-it-translation'],
  frItTranslation: ['fr-it-translation'],
  esItTranslation: ['es-it-translation'],
  italianTranslator: ['Italian Translator'],
  englishTranslator: ['English (UK) Translator', 'English (US) Translator'],
  germanTranslator: ['German Translator'],
  frenchTranslator: ['French Translator'],
  spanishTranslator: ['Spanish Translator'],
  copywriting: ['copywriting', 'Copywriting'],
  contentWriting: ['content-writing', 'Content Writing'],
  blogWriting: ['blog-writing', 'Blog Writing'],
  productDescriptions: ['product-descriptions', 'Product Descriptions'],
  ghostwriting: ['ghostwriting', 'Ghostwriting'],
  seo: ['seo', 'Search Engine Optimization'],
  googleAds: ['google-ads', 'Google Adwords', 'Google Ads'],
  keywordResearch: ['keyword-research', 'Keyword Research'],
  linkBuilding: ['link-building', 'Link Building'],
  googleAnalytics: ['google-analytics', 'Google Analytics'],
  localSeo: ['local-seo', 'Local SEO'],
  flutter: ['flutter', 'Flutter'],
  reactNative: ['react-native', 'React Native'],
  ios: ['ios', 'iPhone'],
  android: ['android', 'Android'],
  swift: ['swift', 'Swift'],
  kotlin: ['kotlin', 'Kotlin'],
  dataEntry: ['data-entry', 'Data Entry'],
  excel: ['excel', 'Excel'],
  videoEditing: ['video-editing', 'Video Editing'],
  premierePro: ['premiere-pro', 'Adobe Premiere Pro', 'Premiere Pro'],
  afterEffects: ['after-effects', 'After Effects'],
  motionGraphics: ['motion-graphics', 'Motion Graphics'],
  bookkeeping: ['bookkeeping', 'Bookkeeping'],
  accounting: ['accounting', 'Accounting'],
  tax: ['tax', 'Taxation'],
} as const satisfies Record<string, readonly string[]>;

export type SkillKey = keyof typeof skillCatalogue;

export const skillKeys = Object.keys(skillCatalogue) as SkillKey[];

/**
 * A skill token as compared: without case, accents or extra spaces ("  Übersetzung " and "ubersetzung"; a
 * profile's skills are kept lower-case, "seo" for "SEO").
 */
export const foldSkillToken = (token: string): string =>
  token.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim().replace(/\s+/g, ' ');

const skillNames: readonly Readonly<Record<SkillKey, string>>[] = [enSkills, itSkills, deSkills, frSkills, esSkills];

/**
 * Every folded token that names a catalogue skill: the platforms' tokens, then the skill's name in each of the UI's
 * languages (a user types "Suchmaschinenoptimierung" for SEO). A name two skills share in some language is left
 * out (it could mean either), and a name never takes over a platform's token.
 */
const buildTokenKeys = (): Map<string, SkillKey> => {
  const keys = new Map<string, SkillKey>();
  for (const key of skillKeys) for (const token of skillCatalogue[key]) keys.set(foldSkillToken(token), key);
  const named = new Map<string, SkillKey | null>();
  for (const names of skillNames) {
    for (const key of skillKeys) {
      const token = foldSkillToken(names[key]);
      named.set(token, named.has(token) && named.get(token) !== key ? null : key);
    }
  }
  for (const [token, key] of named) if (key !== null && !keys.has(token)) keys.set(token, key);
  return keys;
};

/** What `findSkillKey` knows, token by token: the catalogue fingerprint hashes it (a new alias rescores matches). */
export const skillTokenKeys: ReadonlyMap<string, SkillKey> = buildTokenKeys();

/** The catalogue entry a platform's skill token stands for, or null for a skill Bottega has no name for. */
export const findSkillKey = (token: string): SkillKey | null => skillTokenKeys.get(foldSkillToken(token)) ?? null;

/**
 * What two skill tokens are compared by (the match score, in TypeScript and in SQL as `skill_id`): the catalogue
 * entry for every token it lists ("seo" and "Search Engine Optimization" are one skill), else the folded token
 * behind a '~' (never a catalogue key), so unknown skills still match themselves across case and accents.
 */
export const readSkillId = (token: string): string => findSkillKey(token) ?? `~${foldSkillToken(token)}`;

/** The token Bottega stores for a catalogue skill: the reference platform's slug, which every entry starts with. */
export const storedSkillToken = (key: SkillKey): string => skillCatalogue[key][0];
