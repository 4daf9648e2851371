/** Most distinct words the router looks at in one message (issue 21: bounded work per message). */
export const MAX_DISTINCT_WORDS = 300;

/**
 * The part of a message the router works on: at most `maxChars` characters, cut before the
 * word that would be the {@link MAX_DISTINCT_WORDS}+1-th distinct one. A patient's message
 * of 2,000 characters has far fewer; a message made to be expensive (thousands of distinct
 * junk words) stops costing more beyond that point.
 */
export function boundForRouting(text: string | undefined, maxChars: number): string {
  const cut = (text ?? '').slice(0, maxChars);
  const seen = new Set<string>();
  const word = /\S+/g;
  for (let m = word.exec(cut); m; m = word.exec(cut)) {
    seen.add(m[0].toLowerCase());
    if (seen.size > MAX_DISTINCT_WORDS) return cut.slice(0, m.index);
  }
  return cut;
}
