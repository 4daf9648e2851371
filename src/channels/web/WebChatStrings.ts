/** What {@link trimWebChatStrings} did with a bundle. */
export interface TrimmedBundle {
  /** The bundle with the other languages' strings emptied, or the bundle as it was. */
  code: string;
  /** Languages whose strings were emptied (0 when the bundle was left as it was). */
  emptied: number;
  /** Characters taken out. */
  removedChars: number;
  /** Why the bundle was left as it was, when it was. */
  untouched?: string;
}

// A key of a minified object literal, and a string value in any of JavaScript's three quotes
// (a template literal only without `${`).
const KEY = '(?:[A-Za-z_$][A-Za-z0-9_$]*|"(?:[^"\\\\]|\\\\.)*")';
const STRING = '(?:"(?:[^"\\\\]|\\\\.)*"|\'(?:[^\'\\\\]|\\\\.)*\'|`(?:[^`\\\\$]|\\\\.)*`)';
/** An object literal of only strings, or of maps of strings (Web Chat's plural forms). */
const STRING_MAP = new RegExp(`^\\{(?:${KEY}:(?:${STRING}|\\{(?:${KEY}:${STRING},?)+\\}),?)+\\}$`);
/** The string every language of Web Chat has, which tells the languages apart. */
const MARKER_KEY = 'TEXT_INPUT_PLACEHOLDER';
const MARKER = new RegExp(`[{,]${MARKER_KEY}:(${STRING})`);

/**
 * Empties, in Web Chat's bundle, the strings of every language but the ones kept: the bundle
 * carries Web Chat's own words (labels, screen-reader texts) in 48 languages, some 400 KB of its
 * 1.9 MB and 50 KB of what a phone downloads, while the page speaks one. Web Chat looks its
 * strings up by language and falls back to en-US, so an emptied language is never read.
 *
 * A language's strings are one object literal of strings that has `TEXT_INPUT_PLACEHOLDER`;
 * it is recognised by that string's value in Web Chat's own file for the language (`kept`:
 * language → that value). The bundle is left as it was, with the reason, unless each kept
 * language is found exactly once and at least one other language is found: a Web Chat release
 * laid out differently is served whole rather than broken.
 */
export function trimWebChatStrings(bundle: string, kept: Record<string, string>): TrimmedBundle {
  const untouched = (reason: string): TrimmedBundle => ({ code: bundle, emptied: 0, removedChars: 0, untouched: reason });
  const maps = stringMapsWithMarker(bundle);
  const keptValues = new Map(Object.entries(kept).map(([language, value]) => [value, language]));
  const found = new Map<string, number>();
  const others: { start: number; end: number }[] = [];
  for (const map of maps) {
    const language = keptValues.get(map.marker);
    if (language) found.set(language, (found.get(language) ?? 0) + 1);
    else others.push(map);
  }
  for (const language of Object.keys(kept)) {
    const n = found.get(language) ?? 0;
    if (n !== 1) return untouched(`the strings of ${language} were found ${n} times, expected once`);
  }
  if (!others.length) return untouched('no other language was found');
  let code = '';
  let from = 0;
  let removedChars = 0;
  for (const { start, end } of others) {
    code += `${bundle.slice(from, start)}{}`;
    removedChars += end + 1 - start - 2;
    from = end + 1;
  }
  code += bundle.slice(from);
  return { code, emptied: others.length, removedChars };
}

/** Every object literal of strings holding the marker key, with the marker's value, in order. */
function stringMapsWithMarker(bundle: string): { start: number; end: number; marker: string }[] {
  const maps: { start: number; end: number; marker: string }[] = [];
  let searchFrom = 0;
  for (;;) {
    const at = bundle.indexOf(`${MARKER_KEY}:`, searchFrom);
    if (at < 0) return maps;
    searchFrom = at + MARKER_KEY.length;
    const literal = enclosingLiteral(bundle, at);
    if (!literal || maps.some((m) => m.start === literal.start)) continue;
    const text = bundle.slice(literal.start, literal.end + 1);
    const marker = MARKER.exec(text);
    if (!marker || !STRING_MAP.test(text)) continue;
    maps.push({ ...literal, marker: decodeString(marker[1]) });
    searchFrom = literal.end + 1;
  }
}

/** The innermost `{…}` around `at` (strings skipped), or undefined. */
function enclosingLiteral(code: string, at: number): { start: number; end: number } | undefined {
  // Literals of strings are short next to the bundle: look back no further than 64 KB.
  for (let start = code.lastIndexOf('{', at); start >= 0 && at - start < 65536; start = code.lastIndexOf('{', start - 1)) {
    const end = closingBrace(code, start);
    if (end === undefined) return undefined;
    if (end > at) return { start, end };
  }
  return undefined;
}

/** The `}` that closes the `{` at `start`, skipping over strings; undefined when there is none. */
function closingBrace(code: string, start: number): number | undefined {
  let depth = 0;
  for (let i = start; i < code.length; i++) {
    const c = code[i];
    if (c === '"' || c === "'" || c === '`') {
      for (i++; i < code.length && code[i] !== c; i++) if (code[i] === '\\') i++;
    } else if (c === '{') {
      depth++;
    } else if (c === '}' && --depth === 0) {
      return i;
    }
  }
  return undefined;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', 0: '\0' };

/** The value of a JavaScript string literal without `${` (quotes included in `literal`). */
export function decodeString(literal: string): string {
  return literal.slice(1, -1).replace(/\\(x[0-9a-fA-F]{2}|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|\r\n|[\s\S])/g, (_, e: string) => {
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e.startsWith('u{')) return String.fromCodePoint(parseInt(e.slice(2, -1), 16));
    if (e[0] === 'u' && e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e === '\r\n' || e === '\n' || e === '\r' || e === '\u2028' || e === '\u2029') return '';
    return ESCAPES[e] ?? e;
  });
}
