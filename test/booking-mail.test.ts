import type { AddressInfo } from 'node:net';
import { MemoryStorage } from 'botbuilder';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import type { App } from '../src/app/createApp';
import { loadValidatedKnowledge } from '../src/knowledge';
import { buildTestApp, converse, LogSink, testAdapterFor } from './helpers/testApp';

// The booking confirmation by e-mail, received by a real SMTP server on 127.0.0.1 (smtp-server)
// from the real service (nodemailer), after a booking typed the way patients type it.

const SCREENING = {
  'nl-NL': loadValidatedKnowledge('knowledge').screening['nl-NL'].questions.map(() => 'nee'),
  'nl-BE': loadValidatedKnowledge('knowledge', 'examples/practice-be.yaml').screening['nl-BE'].questions.map(() => 'neen'),
};

/** A booking as typed, up to and including the e-mail answer; then "ja" at the summary. */
function typedBooking(locale: 'nl-NL' | 'nl-BE', email: string): string[] {
  return locale === 'nl-NL'
    ? ['ik wil een afspraak maken', 'ja', 'mijn knie', 'links', 'een paar maanden', 'nee', ...SCREENING['nl-NL'], 'de eerste', 'Jolanda Verbeek', '14 maart 1961', '06 12345678', email, 'ja']
    : ['kan ik een afspraak maken', 'ja', 'mijn heup', 'rechts', 'sinds vorig jaar', 'neen', ...SCREENING['nl-BE'], 'de eerste', 'Marc Peeters', '2 februari 1958', '0470 12 34 56', email, 'ja'];
}

/** Words about the patient's health (and other details) that must never be in the e-mail. */
const NOT_IN_MAIL = {
  'nl-NL': [/artrose/i, /knie/i, /\bheup/i, /paar maanden/i, /verwijzing/i, /klacht/i, /intake/i, /1961/, /12345678/, /Jolanda/],
  'nl-BE': [/artrose/i, /\bknie/i, /heup/i, /vorig jaar/i, /voorschrift/i, /klacht/i, /intake/i, /1958/, /12 34 56/, /Marc/],
};

interface Received { envelopeTo: string[]; mail: ParsedMail }

let smtp: SMTPServer;
let port: number;
const received: Received[] = [];
/** RCPT TO commands the server refuses (451, "try again later") before it accepts again. */
let refuseNext = 0;
/** Refuse every RCPT TO for good (550). */
let refuseAll = false;
/** Refuse every RCPT TO with 451 ("try again later") while set, counting the refusals. */
let busyUntilOpened = false;
let busyRefusals = 0;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      if (busyUntilOpened) {
        busyRefusals += 1;
        callback(Object.assign(new Error('mailbox busy, try later'), { responseCode: 451 }));
        return;
      }
      if (refuseAll || refuseNext > 0) {
        const temporary = !refuseAll;
        if (temporary) refuseNext -= 1;
        const err = Object.assign(new Error(temporary ? 'mailbox busy, try later' : 'no such user'), { responseCode: temporary ? 451 : 550 });
        callback(err);
        return;
      }
      void address;
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function practice(locale: 'nl-NL' | 'nl-BE', env: Record<string, string> = {}): Promise<{ app: App; sink: LogSink }> {
  const sink = new LogSink();
  const { app } = await buildTestApp(
    {
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      SMTP_FROM: 'Fysiotherapie De Beweegreden <afspraken@beweegreden.example>',
      ...(locale === 'nl-BE' ? { PRACTICE_FILE: 'examples/practice-be.yaml' } : {}),
      ...env,
    },
    new MemoryStorage(),
    sink,
    undefined,
    { mailRetryDelaysMs: [50, 50] },
  );
  return { app, sink };
}

describe('booking confirmation by e-mail', () => {
  beforeEach(() => {
    received.length = 0;
    refuseNext = 0;
    refuseAll = false;
    busyUntilOpened = false;
    busyRefusals = 0;
  });

  it.each([
    ['nl-NL', 'jolanda.verbeek@example.nl', /Bevestiging van je afspraak bij Fysiotherapie De Beweegreden op \w+dag \d+ \w+ om \d\d:\d\d/, /Voorbeeldstraat 12/, /ook per e-mail/],
    ['nl-BE', 'marc.peeters@example.be', /Bevestiging van je afspraak bij .+ op \w+dag \d+ \w+ om \d\d:\d\d/, /identiteitskaart/, /ook via e-mail/],
  ] as const)('in %s: the patient who gave %s gets the e-mail with the .ics, the address and how to cancel, without health details', async (locale, email, subject, inText, promise) => {
    const { app, sink } = await practice(locale);
    try {
      const r = await converse(testAdapterFor(app, locale), typedBooking(locale, email));
      const done = r[r.length - 1].text;
      expect(done).toMatch(/bevestigd/);
      expect(done).toMatch(promise);
      const reference = /referentie is ([A-Z0-9]{3}-[A-Z0-9]{3})/.exec(done)![1];
      await app.mail!.settled();

      expect(received).toHaveLength(1);
      const { mail, envelopeTo } = received[0];
      expect(envelopeTo).toEqual([email]);
      expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe(email);
      expect(mail.from?.text).toContain('afspraken@beweegreden.example');
      expect(mail.subject).toMatch(subject);
      const text = mail.text ?? '';
      expect(text).toContain(`Referentie: ${reference}`);
      expect(text).toMatch(inText);
      expect(text).toMatch(/afspraak annuleren/);
      expect(text).toMatch(/24 uur/);
      expect(mail.attachments).toHaveLength(1);
      const ics = mail.attachments[0];
      expect(ics.filename).toBe('afspraak.ics');
      expect(ics.contentType).toBe('text/calendar');
      const calendar = ics.content.toString('utf8');
      expect(calendar).toMatch(/BEGIN:VEVENT[\s\S]*DTSTART:\d{8}T\d{6}Z[\s\S]*END:VEVENT/);
      expect(calendar).toContain(reference);
      for (const word of NOT_IN_MAIL[locale]) {
        expect(`${mail.subject}\n${text}\n${calendar}`).not.toMatch(word);
      }
      // The log tells that a mail went out, never to whom.
      expect(sink.lines.some((l) => l.includes('"mail_sent"'))).toBe(true);
      expect(sink.lines.join('\n')).not.toContain(email.split('@')[0]);
    } finally {
      await app.close();
    }
  });

  it('sends nothing and promises nothing to a patient who gave no address', async () => {
    const { app } = await practice('nl-NL');
    try {
      const r = await converse(testAdapterFor(app), typedBooking('nl-NL', 'liever niet'));
      const done = r[r.length - 1].text;
      expect(done).toMatch(/bevestigd/);
      expect(done).not.toMatch(/e-mail/);
      await app.mail!.settled();
      expect(received).toHaveLength(0);
    } finally {
      await app.close();
    }
  });

  it('without SMTP settings the bot does not promise an e-mail, even to a patient who gave an address', async () => {
    const { app } = await buildTestApp({}, new MemoryStorage());
    try {
      expect(app.mail).toBeUndefined();
      const r = await converse(testAdapterFor(app), typedBooking('nl-NL', 'jolanda.verbeek@example.nl'));
      expect(r[r.length - 1].text).toMatch(/bevestigd/);
      expect(r[r.length - 1].text).not.toMatch(/e-mail/);
      expect(received).toHaveLength(0);
    } finally {
      await app.close();
    }
  });

  it('tries again when the mail server asks to, and the booking never waits for it', async () => {
    refuseNext = 1;
    const { app, sink } = await practice('nl-NL');
    try {
      const r = await converse(testAdapterFor(app), typedBooking('nl-NL', 'jolanda.verbeek@example.nl'));
      expect(r[r.length - 1].text).toMatch(/bevestigd/);
      await app.mail!.settled();
      expect(received).toHaveLength(1);
      const retry = sink.lines.find((l) => l.includes('"mail_retry"'));
      expect(retry).toMatch(/"responseCode":451/);
      expect(sink.lines.join('\n')).not.toMatch(/jolanda|verbeek|example\.nl/i);
    } finally {
      await app.close();
    }
  });

  // The mail server says "later" until the patient has deleted their data or cancelled; the
  // retry that follows finds the booking gone and sends nothing.
  it.each([
    ['deleted their data', 'nl-NL', (_ref: string) => ['verwijder mijn gegevens', 'ja']],
    ['cancelled the booking', 'nl-NL', (ref: string) => ['afspraak annuleren', ref, '14-03-1961', 'Annuleren']],
    ['had their data deleted (Flemish)', 'nl-BE', (_ref: string) => ['verwijder mijn gegevens', 'ja']],
  ] as const)('sends no confirmation still waiting for a retry once the patient %s', async (_what, locale, after) => {
    busyUntilOpened = true;
    // Retries every 25 ms for seconds: the mail is still waiting whatever the machine's speed.
    const sink = new LogSink();
    const { app } = await buildTestApp(
      {
        SMTP_URL: `smtp://127.0.0.1:${port}`, SMTP_FROM: 'Fysiotherapie De Beweegreden <afspraken@beweegreden.example>',
        ...(locale === 'nl-BE' ? { PRACTICE_FILE: 'examples/practice-be.yaml' } : {}),
      },
      new MemoryStorage(), sink, undefined, { mailRetryDelaysMs: Array(2000).fill(25) },
    );
    try {
      const adapter = testAdapterFor(app, locale);
      const r = await converse(adapter, typedBooking(locale, locale === 'nl-NL' ? 'jolanda.verbeek@example.nl' : 'marc.peeters@example.be'));
      const reference = /referentie is ([A-Z0-9]{3}-[A-Z0-9]{3})/.exec(r[r.length - 1].text)![1];
      while (busyRefusals === 0) await new Promise((done) => setTimeout(done, 10));
      const done = await converse(adapter, [...after(reference)]);
      expect(done[done.length - 1].text).toMatch(/verwijderd|geannuleerd/);
      busyUntilOpened = false;
      await app.mail!.settled();
      expect(received).toHaveLength(0);
      expect(sink.lines.some((l) => l.includes('"mail_withdrawn"'))).toBe(true);
    } finally {
      await app.close();
    }
  }, 60000);

  it('keeps the booking when the mail server refuses for good, and logs that without the address', async () => {
    refuseAll = true;
    const { app, sink } = await practice('nl-NL');
    try {
      const r = await converse(testAdapterFor(app), typedBooking('nl-NL', 'jolanda.verbeek@example.nl'));
      expect(r[r.length - 1].text).toMatch(/bevestigd/);
      expect((await app.database.bookings.listChanged(new Date(0), 10)).filter((b) => b.status === 'confirmed')).toHaveLength(1);
      await app.mail!.settled();
      expect(received).toHaveLength(0);
      const failed = sink.lines.find((l) => l.includes('"mail_failed"'));
      expect(failed).toMatch(/"attempts":3/);
      expect(sink.lines.join('\n')).not.toMatch(/jolanda|verbeek|example\.nl/i);
    } finally {
      await app.close();
    }
  });
});
