import { DateExpressionParser } from '../src/booking/DateExpressionParser';
import { loadValidatedKnowledge } from '../src/knowledge';
import { FixedClock } from '../src/util/Clock';

// Monday 23 November 2026, 10:00 in Amsterdam.
const parser = new DateExpressionParser(loadValidatedKnowledge('knowledge').dateWords, new FixedClock(new Date('2026-11-23T09:00:00Z')), 'Europe/Amsterdam');

describe('Dutch and Flemish date expressions', () => {
  it.each<[string, object | undefined]>([
    ['morgen', { date: '2026-11-24' }],
    ['overmorgen', { date: '2026-11-25' }],
    ['vandaag', { date: '2026-11-23' }],
    ['dinsdag', { date: '2026-11-24' }],
    ['volgende week dinsdag', { date: '2026-12-01' }],
    ['dinsdag 3 maart', { date: '2027-03-03' }],
    ['3 december', { date: '2026-12-03' }],
    ['3-12', { date: '2026-12-03' }],
    ['na vier uur', { afterMinutes: 960 }],
    ['na 16:30', { afterMinutes: 990 }],
    ['voor 12 uur', { beforeMinutes: 720 }],
    ["'s ochtends", { partOfDay: 'morning' }],
    ["morgen 's middags", { date: '2026-11-24', partOfDay: 'afternoon' }],
    ['in de voormiddag', { partOfDay: 'morning' }],
    ['vrijdag in de namiddag', { date: '2026-11-27', partOfDay: 'afternoon' }],
    ['volgende week', { fromDate: '2026-11-30' }],
    // Times as patients type them.
    ['14:45', { atMinutes: 885 }],
    ['dinsdag 14:45', { date: '2026-11-24', atMinutes: 885 }],
    ['donderdag om 14u30', { date: '2026-11-26', atMinutes: 870 }],
    ['kwart voor drie', { atMinutes: 885 }],
    ['kwart over twee', { atMinutes: 855 }],
    ['half vier', { atMinutes: 930 }],
    ['morgen om half 10', { date: '2026-11-24', atMinutes: 570 }],
    ['om 3 uur', { atMinutes: 900 }],
    // Minutes after the hour word; a length of time or a date's day after it is none.
    ['graag om 11 uur 45', { atMinutes: 705 }],
    ['vrijdag elf uur twintig', { date: '2026-11-27', atMinutes: 680 }],
    ['na 3 uur 15', { afterMinutes: 915 }],
    ['om 10 uur 4 december', { date: '2026-12-04', atMinutes: 600 }],
    ['het duurt 1 uur 15 minuten', undefined],
    ['na vieren', { afterMinutes: 960 }],
    ['na drieën', { afterMinutes: 900 }],
    ['liefst na half vier', { afterMinutes: 930 }],
    ['vanaf 14u', { afterMinutes: 840 }],
    ['smiddags', { partOfDay: 'afternoon' }],
    ["woensdag 's middags", { date: '2026-11-25', partOfDay: 'afternoon' }],
    ['vanmiddag', { date: '2026-11-23', partOfDay: 'afternoon' }],
    ['morgenochtend', { date: '2026-11-24', partOfDay: 'morning' }],
    // A weekday and its part written together, also after other words.
    ['vrijdagochtend', { date: '2026-11-27', partOfDay: 'morning' }],
    ['nee toch liever donderdagmiddag', { date: '2026-11-26', partOfDay: 'afternoon' }],
    ['woensdagvoormiddag', { date: '2026-11-25', partOfDay: 'morning' }],
    ['overmorgen in de voormiddag', { date: '2026-11-25', partOfDay: 'morning' }],
  ])('reads "%s"', (text, expected) => {
    expect(parser.parse(text)).toEqual(expected);
  });

  it('says nothing about text without a date or time', () => {
    expect(parser.parse('maakt niet uit')).toBeUndefined();
  });
});

describe('a weekday read in what the patient sees', () => {
  it.each<[string, { shown?: string[]; from?: string }, object]>([
    // Today's weekday, with today's times on screen: today.
    ['maandag 10:15', { shown: ['2026-11-23'] }, { date: '2026-11-23', atMinutes: 615 }],
    ['de dinsdag', { shown: ['2026-11-23', '2026-11-24'] }, { date: '2026-11-24' }],
    // After "next week": that week's.
    ['doe maar de donderdag', { from: '2026-11-30' }, { date: '2026-12-03' }],
    ['maandag', { from: '2026-11-30', shown: ['2026-11-30'] }, { date: '2026-11-30' }],
    // A week said with it, a date, or a weekday not in view: read as without a view.
    ['volgende week donderdag', { from: '2026-12-07' }, { date: '2026-12-03' }],
    ['donderdag 3 december', { from: '2026-12-07' }, { date: '2026-12-03' }],
    ['donderdag', { shown: ['2026-11-23'] }, { date: '2026-11-26' }],
    ['maandag', { shown: ['2026-11-24'], from: '2026-11-23' }, { date: '2026-11-30' }],
  ])('reads "%s" in %j', (text, view, expected) => {
    expect(parser.parse(text, view)).toEqual(expected);
  });
});

describe('public holidays by name', () => {
  const words = loadValidatedKnowledge('knowledge').dateWords;
  const clock = new FixedClock(new Date('2026-11-23T09:00:00Z'));
  const holidays = (iso: string) => [{ iso: '2026-12-25', name: 'Kerstmis' }, { iso: '2026-12-26', name: 'Tweede kerstdag' }, { iso: '2027-04-27', name: 'Koningsdag' }].filter((h) => h.iso >= iso);
  const named = new DateExpressionParser(words, clock, 'Europe/Amsterdam', holidays);

  it.each<[string, string | undefined]>([
    ['2e kerstdag', '2026-12-26'],
    ['op tweede kerstdag na 2 uur', '2026-12-26'],
    ['eerste kerstdag', '2026-12-25'],
    ['met kerst', '2026-12-25'],
    ['Koningsdag', '2027-04-27'],
    // A holiday the practice's country does not have is no date.
    ['paasmaandag', undefined],
    ['kerstboom', undefined],
  ])('reads "%s"', (text, date) => {
    expect(named.parse(text)?.date).toBe(date);
  });

  it('reads no holiday names without the practice\'s calendar', () => {
    expect(parser.parse('2e kerstdag')).toBeUndefined();
  });
});
