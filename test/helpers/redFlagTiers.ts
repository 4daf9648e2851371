import { parseConfig } from '../../src/config';
import { loadValidatedKnowledge } from '../../src/knowledge';
import { RedFlagDetector, type Tier } from '../../src/safety';
import { Router } from '../../src/understanding/Router';

let detectors: { rules: RedFlagDetector; withNet: RedFlagDetector } | undefined;

/**
 * The red-flag detector of the practice's knowledge base, built once per test file (training the
 * crisis net takes seconds): with `net`, the router's own (the rules, then the learned crisis net);
 * without, the rules alone, so a test of a rule does not pass by the net.
 */
export function redFlagDetector(net = false): RedFlagDetector {
  if (!detectors) {
    const config = parseConfig({});
    const kb = loadValidatedKnowledge('knowledge');
    const router = new Router(kb, { thresholds: config.router, maxChars: config.maxMessageChars });
    detectors = { rules: new RedFlagDetector(kb.emergency, kb.language, router.normalizer), withNet: router.redFlags };
  }
  return net ? detectors.withNet : detectors.rules;
}

/** One test per message: the tier the patient gets (null: no alarm), by the rules or, with `net`, as the bot reads it. */
export function expectTiers(rows: [string, Tier | null][], net = false): void {
  it.each(rows)('"%s" → %s', (text, tier) => {
    expect(redFlagDetector(net).detect(text)?.tier ?? null).toBe(tier);
  });
}
