import { parseConfig } from '../../src/config';
import { loadValidatedKnowledge } from '../../src/knowledge';
import { Router } from '../../src/understanding';
const config = parseConfig({});
const r = new Router(loadValidatedKnowledge('knowledge'), { thresholds: config.router, maxChars: 2000 });
for (const t of process.argv.slice(2)) {
  const w = r.normalizer.correctedWords(t);
  console.log(t, '→', w.join(' '), '| stems', r.normalizer.stemsOf(w).join(' '));
  console.log('  ', r.explain(t, 3).map((x) => `${x.owner} ${x.score.toFixed(2)}`).join(', '));
}
