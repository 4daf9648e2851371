import { fold, hasPhrase } from './AnswerWords';

/** A sentence with its end mark ("Would you like an appointment?"), and whether it asks something. */
interface Sentence {
  text: string;
  asks: boolean;
}

function sentencesOf(line: string): Sentence[] {
  return (line.match(/[^.!?]+[.!?]*\s*/g) ?? []).map((text) => ({ text, asks: text.trimEnd().endsWith('?') }));
}

/**
 * An answer's text without its invitation to book ("Would you like an appointment? You can make
 * one here in the chat."), for a conversation whose red flag rules booking out: the buttons were
 * taken off, but answers written in `knowledge/` end with the offer in words (a `now` tier's
 * patient then read "make an appointment here" under the reminder to see a doctor today).
 * An invitation is a sentence holding one of `phrases` (locale content); the rest of its line goes
 * with it, and so does a question right before it that only leads up to it ("Want to work on
 * it? Book with the physio, ..."). Lines without an invitation are kept as written.
 */
export function withoutBookingInvitation(text: string, phrases: readonly string[]): string {
  const folded = phrases.map(fold).filter(Boolean);
  if (!folded.length) return text;
  const invites = (s: Sentence) => hasPhrase(fold(s.text), folded);
  const kept: string[] = [];
  for (const line of text.split('\n')) {
    const sentences = sentencesOf(line);
    const first = sentences.findIndex(invites);
    if (first < 0) {
      kept.push(line);
      continue;
    }
    const upTo = first > 0 && sentences[first - 1].asks ? first - 1 : first;
    const left = sentences.slice(0, upTo).map((s) => s.text).join('').trimEnd();
    if (left) kept.push(left);
  }
  return kept.join('\n').trim();
}
