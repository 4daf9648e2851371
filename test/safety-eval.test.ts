import { existsSync } from 'node:fs';
import { parseConfig } from '../src/config';
import { loadValidatedKnowledge } from '../src/knowledge';
import { TIERS } from '../src/safety';
import { Router } from '../src/understanding/Router';
import { evaluateSafety, formatSafety, loadSafetyTable, safetyDetectorFor, SAFETY_TABLES, SAFETY_TARGETS } from './eval/safety-eval';

const config = parseConfig({});
const kb = loadValidatedKnowledge('knowledge');
const detector = safetyDetectorFor(kb, new Router(kb, { thresholds: config.router, maxChars: config.maxMessageChars }));
const [dev, frozen, other, ...more] = SAFETY_TABLES;

/*
 * The red-flag tables of issue 20. `redflags-test` was written by people who never saw the
 * rules and is frozen: it is run for the figures, and a failure there is fixed at its cause (a
 * missing concept, a negation scope), never by adding its sentence to the rules.
 */
describe('red-flag tables', () => {
  it('the frozen table has at least 120 red flags over every tier and both locales, and 100 ordinary messages', () => {
    const rows = loadSafetyTable(frozen.file);
    const flags = rows.filter((r) => r.tier !== 'none');
    expect(flags.length).toBeGreaterThanOrEqual(120);
    expect(rows.length - flags.length).toBeGreaterThanOrEqual(100);
    for (const tier of TIERS) {
      for (const locale of ['nl-NL', 'nl-BE']) expect(flags.some((r) => r.tier === tier && r.locale === locale)).toBe(true);
    }
  });

  // eval:safety leaves a missing table out; here a moved or renamed one fails instead of going unscored.
  it('finds every table at the place SAFETY_TABLES names', () => {
    expect(SAFETY_TABLES.filter((t) => !existsSync(t.file)).map((t) => t.name)).toEqual([]);
  });

  it.each([dev, frozen, other, ...more].filter((t) => existsSync(t.file)).map((t) => [t.name, t.file] as const))(
    '%s: every tier 100 %% recall, at most 1 %% false alarms',
    (name, file) => {
      const f = evaluateSafety(name, detector, loadSafetyTable(file));
      const report = formatSafety(f, true).join('\n');
      for (const row of Object.values(f.perTier)) expect({ report, recall: row.caught / row.total }).toEqual({ report, recall: SAFETY_TARGETS.recall });
      expect(f.falseAlarms / f.ordinary).toBeLessThanOrEqual(SAFETY_TARGETS.falseAlarmRate);
      // A table of red flags has them; one of ordinary questions only counts false alarms.
      if (name.includes('ordinary questions')) expect(f.ordinary).toBeGreaterThanOrEqual(100);
      else expect(Object.keys(f.perTier).length).toBeGreaterThan(0);
    },
  );
});
