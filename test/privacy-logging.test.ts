import { MemoryStorage } from 'botbuilder';
import { buildTestApp, converse, testAdapterFor } from './helpers/testApp';

const PERSONAL = {
  name: 'Jolanda Verbeek',
  phone: '0612345678',
  phoneIntl: '+31612345678',
  callback: '0687654321',
  email: 'jolanda@example.nl',
  birth: '14-03-1961',
  birthIso: '1961-03-14',
  text: 'mijn heup doet zeer sinds de verhuizing',
  callbackReason: 'over de pijnstillers na mijn operatie',
};

describe('logs', () => {
  it('never contain message text, names, phone numbers, e-mail addresses or dates of birth, even at trace level', async () => {
    const { app, sink } = await buildTestApp({ LOG_LEVEL: 'trace' }, new MemoryStorage());
    await app.consoleSessions.create('anna');
    // Her console's live queue is open: only then is waiting in the chat offered.
    app.handoff.watch(() => undefined);
    const patient = testAdapterFor(app);
    await converse(patient, [
      `Ik ben ${PERSONAL.name}, geboren ${PERSONAL.birth}`,
      `bel me op ${PERSONAL.phone} of mail ${PERSONAL.email}`,
      PERSONAL.text,
      'ik ben gevallen en kan niet meer staan',
      // A full booking with every detail.
      'Afspraak maken', 'ja', 'Heup', 'Links', PERSONAL.text, 'nee', ...Array(7).fill('nee'), '1',
      PERSONAL.name, PERSONAL.birth, PERSONAL.phone, PERSONAL.email, 'Bevestigen',
      // A handoff with a callback number, then messages while a person holds the conversation.
      'ik wil een medewerker spreken', 'Terugbellen', PERSONAL.callback, PERSONAL.callbackReason,
    ]);
    const other = testAdapterFor(app);
    await converse(other, ['ik wil een medewerker spreken', 'In de chat wachten', `ik ben ${PERSONAL.name}`, 'terug naar de assistent']);
    const ticket = (await app.handoff.queue()).find((t) => t.status === 'callback');
    expect(ticket?.callbackPhone).toBe('+31687654321');
    // Something was logged at all, so the scan below means something.
    expect(sink.lines.length).toBeGreaterThan(5);
    const all = sink.lines.join('\n');
    for (const value of [...Object.values(PERSONAL), 'Jolanda', '612345678', '687654321', 'gevallen', 'verhuizing']) {
      expect(all).not.toContain(value);
    }
    await app.close();
  });
});
