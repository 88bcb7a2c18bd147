import type { PortfolioItemView } from '../../../shared/contract/portfolio';

/** A real PNG header followed by distinct bytes: enough for the type check, a different hash per seed. */
export const png = (seed: number, size = 64): Buffer => {
  const bytes = Buffer.alloc(size, seed);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  return bytes;
};

/** The item as the editor saves it, with some texts replaced per language. */
export const asInput = (item: PortfolioItemView, texts: Record<string, Partial<Record<'title' | 'role' | 'description' | 'goal' | 'solution', string>>> = {}) => ({
  id: item.id,
  defaultLocale: item.defaultLocale,
  skills: item.skills,
  links: item.links,
  imageHashes: item.imageHashes,
  visibility: item.visibility,
  completedOn: item.completedOn,
  variants: item.variants.map(({ locale, title, role, description, goal, solution, sourceLocale }) => ({
    locale,
    title,
    role,
    description,
    goal,
    solution,
    sourceLocale,
    ...texts[locale],
  })),
});
