import { readFileSync } from 'node:fs';
import { flattenKeys, I18nextTranslator, resolveLocale } from '../src/i18n/Translator';

const load = (l: string) => JSON.parse(readFileSync(`locales/${l}/translation.json`, 'utf8')) as Record<string, unknown>;

describe('locales', () => {
  it('has every key in both nl-NL and nl-BE', () => {
    expect(flattenKeys(load('nl-BE')).sort()).toEqual(flattenKeys(load('nl-NL')).sort());
  });

  it('speaks Flemish in nl-BE, not a copy of the Dutch text', () => {
    const t = new I18nextTranslator('locales');
    expect(t.t('nl-BE', 'emergency.now.BE', { afterHours: 'wachtpost' })).toMatch(/dokter.*kine/);
    expect(t.t('nl-NL', 'emergency.now.NL', { afterHours: 'huisartsenpost' })).toMatch(/fysiotherapeut/);
    expect(t.t('nl-BE', 'welcome.text')).not.toEqual(t.t('nl-NL', 'welcome.text'));
    expect(t.t('nl-BE', 'welcome.text')).toMatch(/kine/);
  });

  it("fills the practice's name and phone into every sentence that uses them, and lets a sentence's own values win", () => {
    const t = new I18nextTranslator('locales', { practiceName: 'Fysio Noord', phone: '050 123 45 67' });
    expect(t.t('nl-NL', 'error.turn')).toContain('050 123 45 67');
    // Asked twice: the same sentence (cached) both times.
    expect(t.t('nl-NL', 'error.turn')).toBe(t.t('nl-NL', 'error.turn'));
    expect(t.t('nl-NL', 'handoff.callbackPlanned', { phone: '06 12345678' })).toContain('06 12345678');
    expect(t.t('nl-NL', 'handoff.callbackPlanned', { phone: '06 12345678' })).not.toContain('050 123 45 67');
  });

  it.each([
    ['nl-BE', 'nl-BE'],
    ['nl_be', 'nl-BE'],
    ['nl', 'nl-NL'],
    ['nl-NL', 'nl-NL'],
    ['en-US', 'nl-NL'],
    [undefined, 'nl-NL'],
  ])('reads channel locale %s as %s', (hint, expected) => {
    expect(resolveLocale(hint, 'nl-NL')).toBe(expected);
  });
});
