/** Most distinct words the router looks at in one message (issue 21: bounded work per message). */
export const MAX_DISTINCT_WORDS = 300;
/**
 * Longest run of non-space characters the router looks at: the knowledge base's longest word has
 * 25 letters; a longer run is junk (or a URL), and stemming and splitting it costs its length.
 */
export const MAX_WORD_CHARS = 40;

/**
 * The part of a message the router works on: at most `maxChars` characters, each run of
 * non-space characters cut to {@link MAX_WORD_CHARS}, and cut before the word that would be the
 * {@link MAX_DISTINCT_WORDS}+1-th distinct one. A patient's message of 2,000 characters has far
 * fewer; a message made to be expensive (one 2,000-letter word, thousands of distinct junk
 * words) stops costing more beyond that point.
 */
export function boundForRouting(text: string | undefined, maxChars: number): string {
  const long = new RegExp(`\\S{${MAX_WORD_CHARS + 1},}`, 'g');
  const cut = (text ?? '').slice(0, maxChars).replace(long, (w) => w.slice(0, MAX_WORD_CHARS));
  const seen = new Set<string>();
  const word = /\S+/g;
  for (let m = word.exec(cut); m; m = word.exec(cut)) {
    seen.add(m[0].toLowerCase());
    if (seen.size > MAX_DISTINCT_WORDS) return cut.slice(0, m.index);
  }
  return cut;
}
