import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startFlags } from '../bench/lib/ServerSpecs';

describe('npm start', () => {
  // --heap-growing-percent is a V8 flag, not a documented Node.js option: should a Node.js
  // upgrade drop it, `npm start` would refuse to run ("bad option"). This says so first.
  it('gives Node.js only flags this Node.js accepts', () => {
    const flags = startFlags(join(__dirname, '..'));
    expect(flags).toEqual(expect.arrayContaining(['--max-semi-space-size=16']));
    const run = spawnSync(process.execPath, [...flags, '-e', 'process.exit(0)'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
