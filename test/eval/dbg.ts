import { loadValidatedKnowledge } from '../../src/knowledge';
import { Router } from '../../src/understanding/Router';
import { RedFlagDetector } from '../../src/safety/RedFlagDetector';
import { parseConfig } from '../../src/config';
const config = parseConfig({});
const kb = loadValidatedKnowledge('knowledge');
const router = new Router(kb, { thresholds: config.router, maxChars: config.maxMessageChars });
const d = new RedFlagDetector(kb.emergency, kb.language, router.normalizer);
for (const t of process.argv.slice(2)) {
  console.log(JSON.stringify(t), d.detect(t), [...d.conceptsIn(t)], router.normalizer.corrected(router.normalizer.baseWords(t)).join(' '));
}
