import type { Practice } from '../knowledge/types';
import { foldAndSplit } from '../understanding/TextNormalizer';

/**
 * Which of the practice's locations a message names ("at the east location", "on Proeflaan", "in
 * Ghent"): by a word of a location's name, street or city that no other location has, so the
 * words all locations share (the word for location, the city of both) name none. A practice with one
 * location has no words to tell apart. Words are read from practice.yaml, so a practice that
 * renames or adds a location needs no other change.
 */
export class LocationNames {
  private readonly byWord = new Map<string, string>();

  constructor(locations: Practice['locations']) {
    const wordsOf = (l: Practice['locations'][number]) => new Set(foldAndSplit(`${l.name} ${l.street} ${l.city}`).filter((w) => w.length >= 3 && !/\d/.test(w)));
    if (locations.length < 2) return;
    const sets = locations.map((l) => ({ id: l.id, words: wordsOf(l) }));
    for (const { id, words } of sets) {
      for (const w of words) if (!sets.some((o) => o.id !== id && o.words.has(w))) this.byWord.set(w, id);
    }
  }

  /** The id of the one location the text names; undefined when it names none or more than one. */
  in(text: string): string | undefined {
    const named = new Set(foldAndSplit(text).map((w) => this.byWord.get(w)).filter((id) => id !== undefined));
    return named.size === 1 ? [...named][0] : undefined;
  }
}
