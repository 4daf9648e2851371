import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/storage/openDatabase';
import { FixedClock } from '../src/util/Clock';

const report = (env: Record<string, string> = {}, args: string[] = []) =>
  execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli/kb-report.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', ...env },
  });

describe('kb:report', () => {
  it('lists every topic with locales, phrasings, sources and review state, and reports follow-up gaps', () => {
    const out = report({ DATA_DIR: mkdtempSync(join(tmpdir(), 'kbr-')) });
    expect(out).toMatch(/Review state \(56 topics\)/);
    expect(out).toMatch(/not yet reviewed by a clinician: \d+/);
    expect(out).toMatch(/drafts awaiting a clinician: 20/);
    expect(out).toMatch(/no curation data found/);
    expect(out).toMatch(/morning-stiffness +nl-NL nl-BE +\d+\/\d+ +– +– /);
    expect(out).toMatch(/costs .* 2027-06-05 +draft 2026-12-05, awaits a clinician +practice; NL: zin-fysio-oefentherapie; BE: riziv-kinesitherapie/);
    expect(out).toMatch(/topics with missing or unknown follow-ups: 0/);
  });

  it('counts how often a topic was asked and missed from the curation data', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kbr-'));
    const db = await openDatabase({ dataDir }, new FixedClock(new Date('2026-12-01T10:00:00Z')));
    const at = new Date('2026-12-01T10:00:00Z');
    for (const helpful of [true, true, false]) await db.curation.addFeedback({ topic: 'weather', locale: 'nl-NL', helpful, at });
    // A question the bot missed before this edition that the weather topic now answers.
    await db.curation.addUnanswered({ text: 'doet mijn knie meer pijn als het vriest en regent?', locale: 'nl-NL', at });
    await db.curation.addUnanswered({ text: 'asdf qwerty', locale: 'nl-NL', at });
    await db.close();

    const out = report({ DATA_DIR: dataDir });
    expect(out).toMatch(/asked \/ missed: from this installation's curation data/);
    expect(out).toMatch(/\n {2}weather +nl-NL nl-BE +\d+\/\d+ +3 +2 /);
    expect(out).toMatch(/\n {2}stairs +nl-NL nl-BE +\d+\/\d+ +0 +0 /);
  });

  it('keeps the topic table in knowledge/README.md as the report generates it', () => {
    const table = report({}, ['--markdown']);
    expect(table).toMatch(/^\| topic \| locales \|/);
    expect(readFileSync('knowledge/README.md', 'utf8')).toContain(table);
  });
});
