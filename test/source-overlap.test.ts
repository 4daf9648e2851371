import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSourceOverlap, FINGERPRINT_FILE, findCopiedRuns, fingerprintSources } from '../src/knowledge';

const SOURCE = 'Bij artrose van de knie helpt het vaak om elke dag een halfuur rustig te wandelen in je eigen tempo.';

describe('overlap check on source fingerprints', () => {
  const fingerprints = fingerprintSources({ 'leaflet.txt': SOURCE });

  it('stores hashes, never the source text', () => {
    const stored = JSON.stringify(fingerprints);
    expect(stored).not.toMatch(/wandelen|artrose/);
    expect(fingerprints.sources['leaflet.txt']!.length).toBe(13);
  });

  it.each([
    ['a copied stretch, whatever the case and punctuation', 'Tip: ELKE dag een halfuur rustig te wandelen, in je eigen tempo!', 'elke dag een halfuur rustig te wandelen in je eigen tempo'],
    ['exactly eight words', 'om elke dag een halfuur rustig te wandelen', 'om elke dag een halfuur rustig te wandelen'],
  ])('finds %s as one run', (_name, text, run) => {
    expect(findCopiedRuns('topic.yaml', text, fingerprints)).toEqual([{ file: 'topic.yaml', run, source: 'leaflet.txt' }]);
  });

  it.each([
    ['seven shared words', 'om elke dag een halfuur rustig te fietsen'],
    ['the same facts in our own words', 'Wandel dagelijks zo’n dertig minuten, op een tempo dat goed voelt voor je knie.'],
  ])('lets %s pass', (_name, text) => {
    expect(findCopiedRuns('topic.yaml', text, fingerprints)).toEqual([]);
  });

  describe('over folders', () => {
    let root: string;
    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'overlap-'));
      for (const d of ['knowledge', 'locales', 'seeds']) mkdirSync(join(root, d));
      writeFileSync(join(root, 'seeds', 'leaflet.txt'), SOURCE);
      writeFileSync(join(root, 'knowledge', FINGERPRINT_FILE), JSON.stringify(fingerprints));
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('reports a copied sentence in a locale file with its source', () => {
      writeFileSync(join(root, 'locales', 'nl.json'), JSON.stringify({ tip: 'Probeer elke dag een halfuur rustig te wandelen in je eigen tempo.' }));
      const report = checkSourceOverlap(join(root, 'knowledge'), [join(root, 'knowledge'), join(root, 'locales')], join(root, 'seeds'));
      expect(report.copied.map((c) => [c.run, c.source])).toEqual([['elke dag een halfuur rustig te wandelen in je eigen tempo', 'leaflet.txt']]);
      expect(report.problems).toEqual([]);
    });

    it('says the fingerprints are stale when a source document changed', () => {
      writeFileSync(join(root, 'seeds', 'leaflet.txt'), `${SOURCE} Ook fietsen op een hometrainer is een goede manier om te bewegen.`);
      const report = checkSourceOverlap(join(root, 'knowledge'), [join(root, 'knowledge')], join(root, 'seeds'));
      expect(report.problems.join('\n')).toMatch(/does not match the documents .*npm run kb:fingerprints/);
    });

    it('works without the source documents, from the fingerprints alone', () => {
      rmSync(join(root, 'seeds'), { recursive: true });
      writeFileSync(join(root, 'knowledge', 'topic.yaml'), 'answer: om elke dag een halfuur rustig te wandelen');
      const report = checkSourceOverlap(join(root, 'knowledge'), [join(root, 'knowledge')], join(root, 'seeds'));
      expect(report.problems).toEqual([]);
      expect(report.copied).toHaveLength(1);
    });

    it('says how to build missing fingerprints', () => {
      rmSync(join(root, 'knowledge', FINGERPRINT_FILE));
      expect(checkSourceOverlap(join(root, 'knowledge'), [join(root, 'knowledge')]).problems.join('')).toMatch(/missing; build it with "npm run kb:fingerprints"/);
    });
  });
});
