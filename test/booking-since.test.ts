import { bookingKit, no, screeningNo, type Locale } from './helpers/bookingScript';

// "Since when?" answered with a question back, a no or not knowing: typed as patients type, in
// nl-NL and nl-BE, with the tests' clock (Monday 23 November 2026, 10:00). Found by a
// patient-style test; the wordings here are our own.

const { talk, booked } = bookingKit();
/** A patient's details, valid. */
const person = (locale: Locale) => (locale === 'nl-NL'
  ? { name: 'Anouk de Boer', birth: '3-9-1956', phone: '06 23456789' }
  : { name: 'Wout Janssens', birth: '3/9/1956', phone: '0486 11 22 33' });
const detailsOf = (p: ReturnType<typeof person>) => [p.name, p.birth, p.phone];

describe('"since when?" takes only an answer', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'hoe bedoel je?'], ['nl-BE', 'wablieft'], ['nl-NL', 'ja'], ['nl-BE', 'wat bedoel je daarmee'],
  ])('%s: "%s" gets an explanation with examples and the question again, and is not kept', async (locale, asked) => {
    const r = await talk(locale, ['afspraak maken', 'ja', 'knie', 'links', asked, 'een maand of drie', no(locale), ...screeningNo(locale), '1', ...detailsOf(person(locale)), 'geen', 'ja']);
    expect(r[4].text).toMatch(/schatting/);
    expect(r[4].text).toMatch(/bijvoorbeeld/);
    expect(r[4].text.split('\n\n').pop()).toMatch(/^Sinds wanneer/);
    expect(r[5].text).toMatch(/verwijzing|voorschrift/);
    expect((await booked(locale, r[r.length - 1].text)).complaint).toEqual({ joint: 'knee', side: 'left', since: 'een maand of drie' });
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'nee'], ['nl-BE', 'neen'], ['nl-NL', 'weet ik niet'], ['nl-BE', 'geen idee'], ['nl-NL', 'geen flauw benul'],
  ])('%s: "%s" is kept as unknown, never on the summary', async (locale, answer) => {
    const p = person(locale);
    const r = await talk(locale, ['afspraak maken', 'ja', 'knie', 'links', answer, no(locale), ...screeningNo(locale), '1', p.name, p.birth, p.phone, 'geen', 'ja']);
    expect(r[4].text).toMatch(/^Geen probleem/);
    expect(r[4].text).toMatch(/verwijzing|voorschrift/);
    const summary = r[r.length - 2];
    expect(summary.cards).toMatch(/knie, links"/);
    expect(summary.cards).not.toMatch(/links, (nee|neen|weet|geen)/);
    expect((await booked(locale, r[r.length - 1].text)).complaint.since ?? '').toBe('');
  });

  it.each<[Locale, string]>([['nl-NL', 'een jaar denk ik, maar ik weet het niet zeker'], ['nl-BE', 'al een tijdje, weet niet precies sinds wanneer']])(
    '%s: "%s" is an answer, kept as typed', async (locale, since) => {
      const r = await talk(locale, ['afspraak maken', 'ja', 'knie', 'links', since, no(locale), ...screeningNo(locale), '1', ...detailsOf(person(locale)), 'geen', 'ja']);
      expect(r[4].text).not.toMatch(/Geen probleem|schatting/);
      expect((await booked(locale, r[r.length - 1].text)).complaint.since).toBe(since);
    },
  );

  // A review: an empty message, emoji or punctuation alone was kept as the answer (and shown on the summary).
  it.each<[Locale, string]>([
    ['nl-NL', ''], ['nl-BE', '   '], ['nl-NL', '👍'], ['nl-BE', '🙈🙈'], ['nl-NL', '...'], ['nl-BE', '?!'], ['nl-NL', '-'], ['nl-BE', '😬 !'],
  ])('%s: %j is no answer: the question again, and the next answer is kept', async (locale, typed) => {
    const r = await talk(locale, ['afspraak maken', 'ja', 'knie', 'links', typed, 'sinds een half jaar', no(locale), ...screeningNo(locale), '1', ...detailsOf(person(locale)), 'geen', 'ja']);
    expect(r[4].text).not.toMatch(/verwijzing|voorschrift/);
    expect(r[4].text.split('\n\n').pop()).toMatch(/^Sinds wanneer/);
    expect(r[5].text).toMatch(/verwijzing|voorschrift/);
    expect((await booked(locale, r[r.length - 1].text)).complaint.since).toBe('sinds een half jaar');
  });

  it.each<[Locale, string]>([['nl-NL', '3 maanden 😩'], ['nl-BE', '2 jaar!!']])('%s: "%s", with words or a number, is kept', async (locale, since) => {
    const r = await talk(locale, ['afspraak maken', 'ja', 'knie', 'links', since, no(locale), ...screeningNo(locale), '1', ...detailsOf(person(locale)), 'geen', 'ja']);
    expect(r[4].text).toMatch(/verwijzing|voorschrift/);
    expect((await booked(locale, r[r.length - 1].text)).complaint.since).toBe(since);
  });
});
