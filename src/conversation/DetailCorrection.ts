import { fold, type AnswerWords, type DetailField } from './AnswerWords';

/** A detail's check: the value as kept when it is valid, or why it is not. */
export type DetailCheck = (text: string) => { ok: true; value: string } | { ok: false; problem: string };

/** What a message corrects of the patient's details: the detail it names, and its new value when it carries a valid one. */
export interface DetailCorrection {
  field: DetailField;
  /** The new value, checked and as kept (a phone number in international form, a date as yyyy-mm-dd). */
  value?: string;
}

/** A piece of the message as typed, and whether it is said under a negation ("not 06 1234", the old value). */
interface Piece {
  tokens: string[];
  negated: boolean;
}

/**
 * Reads a message that corrects one of the patient's details in their own words ("oops, my number
 * is ...", "my surname is X, not Y", "the date of birth should be ..."). The detail is the one the
 * message names; its value is looked for outside what is negated (the old value). A phone number,
 * a date or an e-mail address is found wherever it stands; a name only after a word that says
 * the value follows ("is", a colon), since a name has no shape of its own. A first name or surname
 * alone is put in the name given before (`given.name`). Undefined when no detail is named; without
 * a valid value, only the detail.
 */
export function readDetailCorrection(
  text: string, words: AnswerWords, checks: Record<DetailField, DetailCheck>, given: Partial<Record<DetailField, string>> = {},
): DetailCorrection | undefined {
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  const named = words.detailNamed(tokens);
  if (!named) return undefined;
  const { field } = named;
  const pieces = piecesOf(text, words);
  const value = field === 'name' ? nameValue(text, named, words, checks.name, given.name)
    : field === 'email' ? lastValid(emailCandidates(tokens, words), checks.email)
      : field === 'phone' ? lastValid(pieces.filter((p) => !p.negated).flatMap((p) => phoneCandidates(p.tokens.join(' '))), checks.phone)
        : lastValid(pieces.filter((p) => !p.negated).flatMap((p) => windows(p.tokens, 4)), checks.birthDate);
  return { field, ...(value ? { value } : {}) };
}

/** The last candidate the check accepts, as the check keeps it ("was X, should be Y": the new one comes last). */
function lastValid(candidates: string[], check: DetailCheck): string | undefined {
  let found: string | undefined;
  for (const c of candidates) {
    const r = check(c);
    if (r.ok) found = r.value;
  }
  return found;
}

/**
 * The message in pieces: its clauses (split at punctuation and at "but"), each cut at its first
 * negation into what is said and what is denied ("X, not Y"; "not Y but X").
 */
function piecesOf(text: string, words: AnswerWords): Piece[] {
  const out: Piece[] = [];
  for (const clause of words.clauses(text)) {
    const tokens = clause.split(/\s+/).filter(Boolean);
    const cut = tokens.findIndex((t) => words.isNegation(t));
    if (cut < 0) out.push({ tokens, negated: false });
    else out.push({ tokens: tokens.slice(0, cut), negated: false }, { tokens: tokens.slice(cut + 1), negated: true });
  }
  return out.filter((p) => p.tokens.length);
}

/** Every run of up to `max` tokens, the longest first, without the punctuation around them. */
function windows(tokens: string[], max: number): string[] {
  const clean = tokens.map((t) => t.replace(/^[("']+|[)"'.,;:!?]+$/g, '')).filter(Boolean);
  const out: string[] = [];
  for (let n = Math.min(max, clean.length); n >= 1; n--) for (let i = 0; i + n <= clean.length; i++) out.push(clean.slice(i, i + n).join(' '));
  return out.reverse();
}

/** What looks like a phone number: digits with spaces, dashes, dots or brackets between them, perhaps a plus first. */
function phoneCandidates(text: string): string[] {
  return [...text.matchAll(/\+?\d[\d\s\-./()]{6,}\d/g)].map((m) => m[0]);
}

/** The words with an @, without the punctuation after them, unless a negation stands right before. */
function emailCandidates(tokens: string[], words: AnswerWords): string[] {
  return tokens.flatMap((t, i) => (t.includes('@') && !(i > 0 && words.isNegation(tokens[i - 1])) ? [t.replace(/[),;:!?.]+$/, '')] : []));
}

/**
 * The name after the word that introduces it ("my surname is X", "name: X"), up to the end of
 * its piece; a first name or surname alone replaces that part of the name given before, or
 * the part the message denies ("X, not Y") where the name has it.
 */
function nameValue(text: string, named: { part?: 'first' | 'last'; next: number; colon: boolean }, words: AnswerWords, check: DetailCheck, before?: string): string | undefined {
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  // The tokens after the detail's word, with where each piece (clause, negation) begins.
  const rest = tokens.slice(named.next);
  const pieces = piecesOf(rest.join(' '), words);
  let value: string[] | undefined;
  let denied: string[] | undefined;
  let intro = named.colon;
  for (const p of pieces) {
    if (p.negated) {
      denied ??= p.tokens;
      continue;
    }
    if (value) continue;
    const at = intro ? 0 : p.tokens.findIndex((t) => words.isValueIntro(t)) + 1;
    if (!intro && at === 0) continue;
    intro = false;
    const v = p.tokens.slice(at).map((t) => t.replace(/[.,;:!?]+$/, '')).filter((t) => t && t !== ':' && t !== '=');
    while (v.length && words.isValueEnd(v[v.length - 1])) v.pop();
    // "the name is fine as it is", "my surname is spelled right": a verdict, not a name. A later
    // piece may still give it ("my name is spelled wrong, it should be X").
    if (v.length && !v.some((t) => words.isVerdict(t))) value = v;
  }
  if (!value) return undefined;
  const said = value.join(' ');
  if (!named.part) return check(said).ok ? said : undefined;
  if (!before) return undefined;
  const parts = before.split(' ');
  const deniedText = denied?.map((t) => t.replace(/[.,;:!?]+$/, '')).join(' ');
  // Where the surname begins: the part denied ("Dijk, not Dam"), else its first
  // lowercase word (a lowercase prefix before the surname), else the last word.
  let at = deniedText && fold(before).endsWith(` ${fold(deniedText)}`) ? parts.length - deniedText.split(' ').length : -1;
  if (at < 1) at = parts.findIndex((p, i) => i > 0 && /^\p{Ll}/u.test(p));
  if (at < 1) at = parts.length - 1;
  if (at < 1) return undefined;
  const name = named.part === 'last' ? [...parts.slice(0, at), said] : [said, ...parts.slice(at)];
  const r = check(name.join(' '));
  return r.ok ? r.value : undefined;
}
