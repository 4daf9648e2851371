import { fold, type AnswerWords } from './AnswerWords';

/** What reading a name needs of the router's normalizer: its words, typos corrected, and what the knowledge base knows. */
export interface NameVocabulary {
  baseWords(text: string): string[];
  correctedWords(text: string): readonly string[];
  /** The knowledge base's texts use the word, or it is a stop word. */
  isKnown(word: string): boolean;
  isStopword(word: string): boolean;
}

/**
 * Tells a name typed in lower case ("jan de vries", "els peeters") at the name question from a
 * few words of despair or of not caring ("everything is pointless", "let it be", "who would
 * notice"), which have the same shape. A name's first word is no word the knowledge base uses,
 * also with a typo corrected (first names are not in it; every such sentence opens with a common
 * word); no word of it is a sentence word (a pronoun, a verb of wanting: `booking.words.sentence`),
 * a yes or a no, or a word the crisis examples use beside the stop words; later words may be
 * known ("de wit", "de groot"). Only read where the name is asked and after the crisis question,
 * so a miss costs the crisis text it had before, never the other way round.
 */
export class TypedNames {
  private readonly crisisWords: ReadonlySet<string>;

  /** @param crisisTexts the crisis examples' texts (`crisis-examples.yaml`, its crisis groups) */
  constructor(private readonly vocabulary: NameVocabulary, private readonly answers: AnswerWords, crisisTexts: readonly string[]) {
    this.crisisWords = new Set(crisisTexts.flatMap((t) => fold(t).split(' ')).filter((w) => w && !vocabulary.isStopword(w)));
  }

  /** Whether the message is a name in lower case, as above: two to five words of letters, no digit, no question. */
  isLowercaseName(text: string): boolean {
    const tokens = text.trim().split(/\s+/);
    if (tokens.length < 2 || tokens.length > 5 || /[\d?]/.test(text)) return false;
    if (!tokens.every((w) => /^[\p{L}'’-]+[.,]?$/u.test(w))) return false;
    const words = this.vocabulary.baseWords(text);
    const corrected = this.vocabulary.correctedWords(text);
    if (!words.length || this.vocabulary.isKnown(words[0]) || (corrected[0] !== undefined && this.vocabulary.isKnown(corrected[0]))) return false;
    const { answers } = this;
    return [...words, ...corrected].every((w) => !this.crisisWords.has(w) && !answers.isSentenceWord(w) && !answers.yesNo(w));
  }
}
