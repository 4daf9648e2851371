import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { decodeString, trimWebChatStrings } from '../src/channels/web/WebChatStrings';

// Web Chat's bundle carries its own words in 48 languages; the page is served with only the
// ones it shows. What is emptied must be exactly those languages' string tables, and anything
// the trimming does not recognise must leave the bundle as it was.

const KEPT = { 'en-US': 'Type your message', 'nl-NL': 'Typ uw bericht' };

/** A minified bundle in the shape of Web Chat's: string tables among code that must not be touched. */
const BUNDLE = [
  '!function(){',
  'var a={_comment:"locked {x}",TEXT_INPUT_PLACEHOLDER:"Type your message",X:`two\\nlines`,"_X.comment":"k"},',
  'b={TEXT_INPUT_PLACEHOLDER:"Typ uw bericht",P:{one:"1 bericht",other:"$1 berichten"}},',
  'c={TEXT_INPUT_PLACEHOLDER:"Nachricht eingeben",Q:\'it\\\'s {0}\',R:"caf\\xe9 }"},',
  'd={A:"\\u0627",TEXT_INPUT_PLACEHOLDER:"\\u0627\\u0643\\u062a\\u0628"};',
  'function f(){return{TEXT_INPUT_PLACEHOLDER:"code",g:function(){return 1}}}',
  'window.L={"en-US":a,"nl-NL":b,"de-DE":c,"ar-SA":d,code:f()}}();',
].join('');

function run(code: string): Record<string, Record<string, unknown>> {
  const window: { L?: Record<string, Record<string, unknown>> } = {};
  runInNewContext(code, { window });
  return window.L!;
}

describe('trimming Web Chat\'s strings to the page\'s languages', () => {
  it('empties the other languages\' tables and leaves the kept ones and all code as they were', () => {
    const result = trimWebChatStrings(BUNDLE, KEPT);
    expect(result.untouched).toBeUndefined();
    expect(result.emptied).toBe(2);
    expect(result.code.length).toBe(BUNDLE.length - result.removedChars);
    const before = run(BUNDLE);
    const after = run(result.code);
    expect(after['en-US']).toEqual(before['en-US']);
    expect(after['nl-NL']).toEqual({ TEXT_INPUT_PLACEHOLDER: 'Typ uw bericht', P: { one: '1 bericht', other: '$1 berichten' } });
    expect(after['de-DE']).toEqual({});
    expect(after['ar-SA']).toEqual({});
    // A literal with code in it is not a string table, whatever keys it has.
    expect(after.code.TEXT_INPUT_PLACEHOLDER).toBe('code');
    expect(typeof after.code.g).toBe('function');
  });

  it.each([
    ['a kept language is missing', { ...KEPT, 'fr-FR': 'Tapez votre message' }, /fr-FR were found 0 times/],
    ['a kept language is there twice', { 'en-US': 'Type your message', 'nl-NL': 'Typ uw bericht' }, /en-US were found 2 times/, BUNDLE.replace('"Nachricht eingeben"', '"Type your message"')],
    ['there is no other language', { 'en-US': 'Type your message', 'nl-NL': 'Typ uw bericht', 'de-DE': 'Nachricht eingeben', 'ar-SA': '\u0627\u0643\u062a\u0628' }, /no other language/],
  ])('leaves the bundle as it was when %s', (_case, kept, reason, bundle = BUNDLE) => {
    const result = trimWebChatStrings(bundle, kept);
    expect(result.code).toBe(bundle);
    expect(result.emptied).toBe(0);
    expect(result.untouched).toMatch(reason);
  });

  it('leaves a file that is no Web Chat bundle as it was', () => {
    const other = 'window.WebChat = { renderWebChat: function () { return "{TEXT_INPUT_PLACEHOLDER:}"; } };';
    expect(trimWebChatStrings(other, KEPT)).toMatchObject({ code: other, emptied: 0 });
  });

  it.each([
    ['"caf\\xe9"', 'café'],
    ['"\\u0627\\u{1F600}"', '\u0627\u{1F600}'],
    ["'it\\'s'", "it's"],
    ['`a\\nb\\\\`', 'a\nb\\'],
    ['"line\\\ncontinued"', 'linecontinued'],
  ])('reads the string literal %s', (literal, value) => {
    expect(decodeString(literal)).toBe(value);
  });

  it('finds each of the installed Web Chat\'s 48 languages once and keeps the page\'s two', () => {
    const bundle = readFileSync(join('node_modules', 'botframework-webchat', 'dist', 'webchat-minimal.js'), 'utf8');
    const strings = (language: string) => JSON.parse(readFileSync(join('node_modules', 'botframework-webchat-api', 'lib', 'localization', `${language}.json`), 'utf8')) as Record<string, string>;
    const kept = { 'en-US': strings('en-US').TEXT_INPUT_PLACEHOLDER, 'nl-NL': strings('nl-NL').TEXT_INPUT_PLACEHOLDER };
    const result = trimWebChatStrings(bundle, kept);
    expect(result.untouched).toBeUndefined();
    expect(result.emptied).toBe(46);
    expect(result.removedChars).toBeGreaterThan(300_000);
    for (const key of ['TEXT_INPUT_ALT', 'CONNECTIVITY_STATUS_ALT_CONNECTED']) {
      expect(result.code).toContain(JSON.stringify(strings('nl-NL')[key]).slice(1, -1));
    }
    expect(result.code).not.toContain(strings('de-DE').TEXT_INPUT_PLACEHOLDER);
  });
});
