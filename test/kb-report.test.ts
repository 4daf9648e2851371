import { execFileSync } from 'node:child_process';

describe('kb:report', () => {
  it('lists every topic by review state and reports follow-up gaps', () => {
    const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli/kb-report.ts'], { encoding: 'utf8' });
    expect(out).toMatch(/Review state \(\d+ topics and the red-flag list/);
    expect(out).toMatch(/not yet reviewed by a clinician: \d+/);
    expect(out).toMatch(/morning-stiffness/);
    expect(out).toMatch(/topics with missing or unknown follow-ups: 0/);
  });
});
