export const levels = 5;

/** Shading step of a count: 0 for none, then 1..5 relative to the largest. */
export const levelOf = (count: number, max: number): number => (count <= 0 || max <= 0 ? 0 : Math.max(1, Math.ceil((count / max) * levels)));
