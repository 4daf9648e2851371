import { MemoryStorage } from 'botbuilder';
import { buildTestApp, testAdapterFor } from './helpers/testApp';

const PERSONAL = {
  name: 'Jolanda Verbeek',
  phone: '0612345678',
  email: 'jolanda@example.nl',
  birth: '14-03-1961',
  text: 'mijn heup doet zeer sinds de verhuizing',
};

describe('logs', () => {
  it('never contain message text, names, phone numbers, e-mail addresses or dates of birth, even at trace level', async () => {
    const { app, sink } = await buildTestApp({ LOG_LEVEL: 'trace' }, new MemoryStorage());
    const adapter = testAdapterFor(app);
    for (const msg of [
      `Ik ben ${PERSONAL.name}, geboren ${PERSONAL.birth}`,
      `bel me op ${PERSONAL.phone} of mail ${PERSONAL.email}`,
      PERSONAL.text,
      'ik ben gevallen en kan niet meer staan',
    ]) {
      await adapter.send(msg).startTest();
    }
    expect(sink.lines.length).toBeGreaterThan(0);
    const all = sink.lines.join('\n');
    for (const value of [...Object.values(PERSONAL), 'Jolanda', '612345678', 'gevallen']) expect(all).not.toContain(value);
    await app.close();
  });
});
