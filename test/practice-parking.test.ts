import { bookingKit, type Locale } from './helpers/bookingScript';

// Tester 19 asked "is er parkeerplek?" and got the address and opening hours, nothing about
// parking. A location's `parking` in practice.yaml is shown with its address, at both practices.

const { talkAt } = bookingKit();

describe('a question about parking gets what the practice wrote about parking', () => {
  it.each<['NL' | 'BE', Locale, string, RegExp]>([
    ['NL', 'nl-NL', 'is er parkeerplek?', /Parkeren: gratis op het eigen terrein/],
    ['NL', 'nl-NL', 'waar kan ik de auto parkeren bij locatie oost?', /Parkeren: betaald parkeren langs de straat/],
    ['NL', 'nl-BE', 'is er parking aan de praktijk?', /Parking: gratis op het eigen terrein/],
    ['BE', 'nl-BE', 'is er parking in de buurt?', /Parking: in de straat \(blauwe zone/],
    ['BE', 'nl-NL', 'waar kan ik parkeren?', /Parkeren: in de straat \(blauwe zone/],
  ])('%s practice, %s: "%s"', async (country, locale, asked, parking) => {
    const [r] = await talkAt(country, locale, [asked]);
    expect(r.text).toMatch(parking);
  });
});
