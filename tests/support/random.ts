/** A small deterministic generator (LCG): same seed, same sequence, so a run can be repeated as it happened. */
export const createRandom = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
};
