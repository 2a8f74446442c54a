// The numbers of an exercise's variant: a small seeded generator (mulberry32), so that the same
// seed gives every student and the teacher's answer key the same numbers, and the draws a person
// can still work by hand (tenths in a range, small integers).

/** The largest variant seed a link or the page accepts (0 is the seed's own numbers). */
export const MAX_VARIANT = 999999;

/** A generator of numbers in [0, 1) from `seed` (mulberry32: 32-bit state, full period). */
export function generator(seed) {
  let state = (seed >>> 0) ^ 0x9e3779b9;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    /** One of `list`. */
    pick: (list) => list[Math.floor(next() * list.length)],
    /** An integer in [low, high]. */
    int: (low, high) => low + Math.floor(next() * (high - low + 1)),
    /** A multiple of 0.1 in [low, high], never 0 unless `zero` (a weight of 0 hides a term). */
    tenth(low, high, { zero = false } = {}) {
      for (;;) {
        const v = Math.round(10 * low + next() * (10 * (high - low) + 1) - 0.5) / 10;
        const clamped = Math.min(high, Math.max(low, v));
        if (zero || clamped !== 0) return Number(clamped.toFixed(1));
      }
    },
    /** `n` tenths in [low, high]. */
    tenths(n, low, high, options) { return Array.from({ length: n }, () => this.tenth(low, high, options)); },
  };
}
