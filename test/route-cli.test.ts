import { execFileSync } from 'node:child_process';

describe('npm run route', () => {
  it('writes exactly one JSON decision per input line, in order, and nothing else', () => {
    const input = [
      { text: 'mag ik sporten met knieartrose?', locale: 'nl-NL' },
      { text: 'ik ben gevallen en kan niet meer staan', locale: 'nl-BE' },
      { text: 'afspraak maken', locale: 'nl-NL' },
      { text: 'heup', locale: 'nl-NL' },
      { text: 'hoe laat moest ik ook alweer komen morgen?', locale: 'nl-BE' },
    ].map((x) => JSON.stringify(x)).join('\n') + '\nnot json\n';
    const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli/route.ts'], { input, encoding: 'utf8' });
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatchObject({ intent: 'faq', topic: 'which-sport', candidates: [] });
    expect(lines[1]).toMatchObject({ intent: 'emergency', topic: null, tier: 'now' });
    expect(lines[0].tier).toBeNull();
    expect(lines[2]).toMatchObject({ intent: 'booking', topic: null });
    expect(lines[3].intent).toBe('clarify');
    expect((lines[3].candidates as unknown[]).length).toBeGreaterThan(0);
    // A question about one's own appointment is printed as itself, not as help.
    expect(lines[4]).toMatchObject({ intent: 'appointment-lookup', topic: null, candidates: [], tier: null });
    expect(lines[5]).toEqual({ error: 'not valid JSON' });
    for (const l of lines.slice(0, 5)) {
      expect(typeof l.score).toBe('number');
      expect(l.score as number).toBeGreaterThanOrEqual(0);
      expect(l.score as number).toBeLessThanOrEqual(1);
    }
  });
});
