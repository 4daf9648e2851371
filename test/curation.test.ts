import { MemoryStorage } from 'botbuilder';
import type { CurationRepository } from '../src/curation/CurationRepository';
import { PostgresDatabase, SqlCurationRepository, SqliteDatabase } from '../src/storage';
import { FixedClock } from '../src/util/Clock';
import { freshPostgresUrl } from './helpers/postgres';
import { buildTestApp, converse, testAdapterFor } from './helpers/testApp';

describe('content curation in conversations', () => {
  it('keeps unanswered questions without digits or e-mail addresses, and feedback per topic', async () => {
    const { app } = await buildTestApp({}, new MemoryStorage());
    const a = testAdapterFor(app);
    await converse(a, ['qwerty zxcv bel me op 0612345678 of jan@example.nl']);
    await converse(a, ['helpt afvallen bij knieartrose?', 'dank je wel']);
    await converse(a, ['mag ik sporten met knieartrose?', 'Anders vragen']);
    const unanswered = await app.database.curation.unanswered(10);
    expect(unanswered.map((q) => q.text).join('\n')).toMatch(/qwerty zxcv/);
    expect(unanswered.map((q) => q.text).join('\n')).not.toMatch(/0612345678|jan@example/);
    const summary = await app.database.curation.feedbackSummary();
    expect(summary).toEqual(expect.arrayContaining([
      { topic: 'weight-loss', helpful: 1, notHelpful: 0 },
      { topic: 'which-sport', helpful: 0, notHelpful: 1 },
    ]));
    await app.close();
  });

  it('stores a transcript only when the patient opts in, and deletes it on request', async () => {
    const { app } = await buildTestApp({}, new MemoryStorage());
    const db = app.database as unknown as SqliteDatabase;
    const count = () => (db.db.prepare('SELECT COUNT(*) AS n FROM transcripts').get() as { n: number }).n;
    const a = testAdapterFor(app);
    const no = await converse(a, ['helpt afvallen bij knieartrose?', 'bewaar dit gesprek', 'nee']);
    expect(no[2].text).toMatch(/niet bewaard/);
    expect(count()).toBe(0);
    const yes = await converse(a, ['bewaar dit gesprek', 'ja']);
    expect(yes[1].text).toMatch(/bewaard/);
    expect(count()).toBe(1);
    await converse(a, ['verwijder mijn gegevens', 'ja']);
    expect(count()).toBe(0);
    await app.close();
  });
});

const clock = new FixedClock(new Date('2026-11-23T09:00:00Z'));
describe.each<[string, () => Promise<{ repo: CurationRepository; close(): Promise<void> }>]>([
  ['SQLite', async () => {
    const db = new SqliteDatabase(':memory:', clock);
    db.migrate();
    return { repo: new SqlCurationRepository(db.client), close: () => db.close() };
  }],
  ['PostgreSQL', async () => {
    const db = new PostgresDatabase(await freshPostgresUrl(), clock);
    await db.migrate();
    return { repo: new SqlCurationRepository(db.client), close: () => db.close() };
  }],
])('curation repository (%s)', (_name, open) => {
  it('stores, summarises and forgets by age', async () => {
    const { repo, close } = await open();
    await repo.addUnanswered({ text: 'iets', locale: 'nl-NL', at: new Date('2026-01-01') });
    await repo.addFeedback({ topic: 'cure', locale: 'nl-BE', helpful: true, at: new Date('2026-11-01') });
    await repo.addFeedback({ topic: 'cure', locale: 'nl-BE', helpful: false, at: new Date('2026-11-01') });
    expect(await repo.feedbackSummary()).toEqual([{ topic: 'cure', helpful: 1, notHelpful: 1 }]);
    expect(await repo.deleteOlderThan(new Date('2026-06-01'))).toBe(1);
    expect(await repo.unanswered(5)).toEqual([]);
    await close();
  });
});
