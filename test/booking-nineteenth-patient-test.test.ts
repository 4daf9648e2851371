import { bookingKit, no, person, screeningNo, type Locale } from './helpers/bookingScript';

// Bookings a nineteenth patient-style test found storing the wrong data, losing a yes or stuck:
// a second joint named with its own side at the side question turning the first joint's side
// into "both"; a child's booking with the age in brackets made for the writer; a yes to the
// bot's own offer lost; a yes or no with a question read as doubt. Typed as patients type,
// the tester's wordings and our own, nl-NL and nl-BE, with the tests' clock.

const { talk } = bookingKit();

/** The rest of a booking after the side, up to its summary card. */
const afterSide = (locale: Locale): string[] => {
  const p = person(locale);
  return ['een paar weken', no(locale), ...screeningNo(locale), '1', p.name, p.birth, p.phone, 'geen'];
};

describe('another joint named with its own side keeps the side of the joint asked for', () => {
  it.each<[Locale, string, string, RegExp]>([
    ['nl-NL', 'heup', 'links, en trouwens mijn rechterknie ook een beetje', /heup, links/],
    ['nl-NL', 'heup', 'rechts. mijn linker knie doet ook wel eens pijn', /heup, rechts/],
    ['nl-NL', 'knie', 'links, maar mijn rechterheup speelt ook op', /knie, links/],
    ['nl-BE', 'heup', 'links, en mijne rechtse knie ook een beetje', /heup, links/],
    ['nl-BE', 'knie', 'rechts, en de linkerheup doet ook wat pijn', /knie, rechts/],
  ])('%s: %s, then "%s"', async (locale, joint, side, kept) => {
    const r = await talk(locale, ['afspraak maken', 'ja', joint, side, ...afterSide(locale)]);
    expect(r[3].text).toMatch(/Sinds wanneer/);
    expect(r[3].text).toMatch(new RegExp(`Over je ${joint === 'heup' ? 'knie' : 'heup'} vertel je`));
    const card = r[r.length - 1].cards;
    expect(card).toMatch(kept);
    expect(card).not.toMatch(/beide kanten/);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'links en rechts'],
    ['nl-BE', 'allebei'],
  ])('%s: "%s" for one joint is still both sides', async (locale, side) => {
    const r = await talk(locale, ['afspraak maken', 'ja', 'heup', side, ...afterSide(locale)]);
    expect(r[3].text).not.toMatch(/Over je/);
    expect(r[r.length - 1].cards).toMatch(/heup, beide kanten/);
  });
});
