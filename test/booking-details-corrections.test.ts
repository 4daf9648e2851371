import { bookingKit, no, screeningNo, type Locale } from './helpers/bookingScript';

// A patient who corrects a contact detail in their own words or asks why a detail is needed:
// typed as patients type, in nl-NL and nl-BE, with the tests' clock (Monday 23 November 2026,
// 10:00). Found by a patient-style test; the wordings here are our own.

const { talk, booked } = bookingKit();
const LOCALES: Locale[] = ['nl-NL', 'nl-BE'];
const privacyUrl = (locale: Locale) => (locale === 'nl-NL' ? 'https://beweegreden.example/privacy' : 'https://stapjeverder.example/privacy');
/** Typed answers up to the slot question, the hip on the right. */
const toSlots = (locale: Locale) => ['ik wil graag een afspraak', 'ja', 'heup', 'rechts', 'sinds de zomer', no(locale), ...screeningNo(locale)];
/** A patient with a name whose surname gets a typo, and details that are valid. */
const person = (locale: Locale) => (locale === 'nl-NL'
  ? { name: 'Anouk de Boor', fixedName: 'Anouk de Boer', birth: '3-9-1956', phone: '06 23456789', newPhone: '06 98765432', newPhoneKept: '+31698765432' }
  : { name: 'Wout Janssen', fixedName: 'Wout Janssens', birth: '3/9/1956', phone: '0486 11 22 33', newPhone: '0495 44 55 66', newPhoneKept: '+32495445566' });

describe('a contact detail corrected in the patient\'s own words is taken', () => {
  it.each<[Locale, string]>([
    ['nl-NL', 'oeps, mijn telefoonnummer is 06 98765432'],
    ['nl-BE', 'sorry, mijn gsm-nummer is 0495 44 55 66'],
  ])('%s: at the e-mail question, "%s" changes the number and asks the e-mail address again', async (locale, correction) => {
    const p = person(locale);
    const r = await talk(locale, [...toSlots(locale), '1', p.name, p.birth, p.phone, correction, 'geen', 'ja']);
    const at = toSlots(locale).length + 4;
    expect(r[at].text).toMatch(/^Aangepast: het telefoonnummer is nu /);
    expect(r[at].text).toContain(p.newPhone);
    expect(r[at].text).toMatch(/e-mailadres\?/);
    expect(r[at].text).not.toMatch(/geldig/);
    // The summary shows the new number, not the old one, as the patient dials it (kept as +31…).
    expect(r[at + 1].cards).toContain(p.newPhone);
    expect(r[at + 1].cards).not.toContain(p.newPhoneKept);
    expect((await booked(locale, r[r.length - 1].text)).phone).toBe(p.newPhoneKept);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'sorry, mijn achternaam is de Boer, niet de Boor'],
    ['nl-BE', 'oei, mijn familienaam is Janssens, niet Janssen'],
  ])('%s: at the date of birth, "%s" changes the surname and asks the date of birth again', async (locale, correction) => {
    const p = person(locale);
    const r = await talk(locale, [...toSlots(locale), '1', p.name, correction, p.birth, p.phone, 'geen', 'ja']);
    const at = toSlots(locale).length + 2;
    expect(r[at].text).toMatch(new RegExp(`^Aangepast: de naam is nu ${p.fixedName}\\.`));
    expect(r[at].text).toMatch(/geboortedatum\?/);
    expect(r[at].text).not.toMatch(/herken ik niet/);
    expect(r[at + 3].cards).toContain(p.fixedName);
    const booking = await booked(locale, r[r.length - 1].text);
    expect(booking.name).toBe(p.fixedName);
    expect(booking.birthDate).toBe('1956-09-03');
  });

  it.each<[Locale, string[]]>([
    ['nl-NL', ['bijna goed, mijn geboortedatum is 7 maart 1952', 'nee, de geboortedatum moet 08-03-1952 zijn']],
    ['nl-BE', ['bijna, mijn geboortedatum is 7 maart 1952', 'neen, de geboortedatum moet 8/3/1952 zijn']],
  ])('%s: at the summary, %j each change the date of birth and show the summary again', async (locale, corrections) => {
    const p = person(locale);
    const r = await talk(locale, [...toSlots(locale), '1', p.name, p.birth, p.phone, 'geen', ...corrections, 'ja']);
    const at = toSlots(locale).length + 5;
    expect(r[at].text).toMatch(/^Aangepast: de geboortedatum is nu 07-03-1952\.\s+Klopt dit\?/);
    expect(r[at].cards).toContain('07-03-1952');
    expect(r[at].cards).not.toContain('03-09-1956');
    expect(r[at + 1].text).toMatch(/^Aangepast: de geboortedatum is nu 08-03-1952\.\s+Klopt dit\?/);
    expect(r[at + 1].text).not.toMatch(/Typ "ja"/);
    expect(r[at + 1].cards).toContain('08-03-1952');
    expect((await booked(locale, r[r.length - 1].text)).birthDate).toBe('1952-03-08');
  });

  it.each(LOCALES)('%s: at the summary, an e-mail address and a phone number given in a sentence are taken', async (locale) => {
    const p = person(locale);
    const r = await talk(locale, [
      ...toSlots(locale), '1', p.name, p.birth, p.phone, 'geen',
      'ik wil toch een bevestiging, mijn mailadres is w.boer@voorbeeld.org', `het nummer moet ${p.newPhone} zijn, niet ${p.phone}`, 'ja',
    ]);
    const at = toSlots(locale).length + 5;
    expect(r[at].text).toMatch(/^Aangepast: het e-mailadres is nu w\.boer@voorbeeld\.org\./);
    expect(r[at + 1].text).toMatch(/^Aangepast: het telefoonnummer is nu/);
    const booking = await booked(locale, r[r.length - 1].text);
    expect(booking.email).toBe('w.boer@voorbeeld.org');
    expect(booking.phone).toBe(p.newPhoneKept);
  });

  it.each<[Locale, string]>([
    ['nl-NL', 'oeps, mijn telefoonnummer klopt niet'],
    ['nl-BE', 'sorry, ik heb een verkeerd nummer gegeven'],
  ])('%s: "%s" (no new value) at the e-mail question asks the number, then the e-mail address', async (locale, correction) => {
    const p = person(locale);
    const r = await talk(locale, [...toSlots(locale), '1', p.name, p.birth, p.phone, correction, p.newPhone, 'geen', 'ja']);
    const at = toSlots(locale).length + 4;
    expect(r[at].text).toMatch(/telefoon/);
    expect(r[at].text).not.toMatch(/geldig|Aangepast/);
    expect(r[at + 1].text).toMatch(/e-mailadres\?/);
    const booking = await booked(locale, r[r.length - 1].text);
    expect(booking.phone).toBe(p.newPhoneKept);
    expect(booking.name).toBe(p.name);
  });

  it.each<[Locale, string, string, string]>([
    ['nl-NL', 'mijn naam is Anouk de Boer', 'name', 'Anouk de Boer'],
    ['nl-BE', 'mijn gsm is 0486 11 22 33', 'phone', '+32486112233'],
  ])('%s: at its own question, "%s" is the answer', async (locale, answer, field, kept) => {
    const p = person(locale);
    const typed = field === 'name' ? [answer, p.birth, p.phone] : [p.name, p.birth, answer];
    const r = await talk(locale, [...toSlots(locale), '1', ...typed, 'geen', 'ja']);
    expect(r[toSlots(locale).length + 3].text).toMatch(/e-mailadres\?/);
    expect((await booked(locale, r[r.length - 1].text))[field as 'name' | 'phone']).toBe(kept);
  });
});

describe('asked why a detail is needed: the reason, and the question again', () => {
  it.each<[Locale, number, string, RegExp]>([
    ['nl-NL', 3, 'waarom willen jullie dat weten?', /telefoonnummer/],
    ['nl-BE', 3, 'waarvoor hebben jullie mijn nummer nodig', /gsm-nummer/],
    ['nl-NL', 2, 'is dat echt nodig?', /geboortedatum\?/],
    ['nl-BE', 2, 'waarom vragen jullie dat', /geboortedatum\?/],
    ['nl-NL', 4, 'waar is dat voor?', /e-mailadres\?/],
  ])('%s: at detail %i, "%s"', async (locale, step, question, asked) => {
    const p = person(locale);
    const answers = [p.name, p.birth, p.phone, 'geen'];
    const r = await talk(locale, [...toSlots(locale), '1', ...answers.slice(0, step - 1), question, ...answers.slice(step - 1), 'ja']);
    const reply = r[toSlots(locale).length + step];
    expect(reply.text).not.toMatch(/geldig|herken ik niet/);
    expect(reply.text).toContain(privacyUrl(locale));
    expect(reply.text.split('\n\n')[0]).toMatch(/alleen|enkel|zeker wie/);
    expect(reply.text.split('\n\n').pop()).toMatch(asked);
    // The question is still open: the answer after it goes on.
    expect(r[r.length - 1].text).toMatch(/referentie is/);
  });
});
