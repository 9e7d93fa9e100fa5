/**
 * Caching for pure functions of a string. A form repeats the same few hundred texts (header words,
 * "≥90%", "100%", section labels, each cell read by detection and again by the rules), so text
 * normalisation and parsing would otherwise redo the same work many times per sheet: the seed form
 * normalises 742 strings of which 129 differ.
 */

/** Longer texts (goals, deviation notes) are rarely seen twice and would make the cache heavy. */
const MAX_KEY_LENGTH = 200;

/**
 * `fn` with its results cached by argument. Bounded: when `limit` entries are held the cache is
 * emptied and starts again, so memory stays flat on huge or hostile sheets. Only for functions
 * whose results are never mutated by callers (strings, numbers, frozen objects).
 */
export function memoizeString<T>(
  fn: (text: string) => T,
  limit = 5000,
  maxKeyLength = MAX_KEY_LENGTH
): (text: string) => T {
  const cache = new Map<string, T>();
  return (text: string): T => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const result = fn(text);
    if (text.length <= maxKeyLength) {
      if (cache.size >= limit) cache.clear();
      cache.set(text, result);
    }
    return result;
  };
}

/**
 * `fn` with its results cached by numeric argument, bounded as memoizeString's cache is. For the
 * numbers that repeat across rows and sheets: weights, scores, a profile's thresholds.
 */
export function memoizeNumber<T>(fn: (value: number) => T, limit = 5000): (value: number) => T {
  const cache = new Map<number, T>();
  return (value: number): T => {
    const hit = cache.get(value);
    if (hit !== undefined) return hit;
    const result = fn(value);
    if (cache.size >= limit) cache.clear();
    cache.set(value, result);
    return result;
  };
}
