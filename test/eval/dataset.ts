import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '../../src/config';

/** One labelled message. */
export interface Example {
  text: string;
  locale: Locale;
  intent: string;
  topic?: string;
  /** How it is written (short, keyword, story, typo, …); absent in the older development files. */
  style?: string;
  /** The file it comes from, without its part: `dev-faq-a`, `topics`, `intents`, `redflags`. */
  set?: string;
}

/**
 * The opened red-flag development sets (`redflags-dev`, the first three audits): kept once, with
 * their labels, in the knowledge folder, where `crisis-examples.yaml` names them for the crisis net.
 */
export const SAFETY_SETS_DIR = join(__dirname, '..', '..', 'knowledge', 'safety-sets');

/**
 * The development part: every `dev*.jsonl` in this folder (or `dir`), every `*-dev.jsonl` of
 * `heldout/` and of the knowledge's `safety-sets/` (`sets`), and the first blind audit's routing
 * set (`audit/routing-audit.jsonl`, made development data once it had been measured). Rules,
 * synonyms, phrasings and thresholds may be tuned on these. So may a tenth writer's routing set
 * (`audit13/routing-audit8.jsonl`, 7 December 2026), scored blind once on 3f2342c and then opened,
 * a thirteenth's (`audit15/routing-audit10.jsonl`), scored blind on e461d08 and 4b89258 (top-1
 * 66.4 %) and opened in round 18, and a fourteenth's (`audit16/routing-audit11.jsonl`), scored
 * blind on 895fb60 and e8cd36f (top-1 72.1 %) and opened in round 19, and a fifteenth's
 * (`audit17/routing-audit12.jsonl`), scored blind on ad05cc6 and 9a0ae48 (top-1 68.6 %, then
 * 68.9 %) and opened in round 20.
 */
export function loadDevSet(dir = __dirname, sets = SAFETY_SETS_DIR): Example[] {
  return [...readJsonl(dir, /^dev.*\.jsonl$/), ...readJsonlOf([join(dir, 'heldout'), sets], /-dev\.jsonl$/), ...readJsonl(join(dir, 'audit'), /^routing-audit\.jsonl$/), ...readJsonl(join(dir, 'audit13'), /^routing-audit8\.jsonl$/), ...readJsonl(join(dir, 'audit15'), /^routing-audit10\.jsonl$/), ...readJsonl(join(dir, 'audit16'), /^routing-audit11\.jsonl$/), ...readJsonl(join(dir, 'audit17'), /^routing-audit12\.jsonl$/)];
}

/**
 * The frozen test part: every `heldout/*-test.jsonl`, written by people who never saw the
 * knowledge base. Only ever scored: nothing is tuned on it, and its sentences are not read
 * while writing rules or phrasings.
 */
export function loadTestSet(dir = __dirname): Example[] {
  return readJsonl(join(dir, 'heldout'), /-test\.jsonl$/);
}

/**
 * The blind routing sets: questions written beside the red-flag audits by writers who never saw
 * the knowledge base, never tuned on (routing-audit2 is frozen; 3 to 7, 9 and 13 are blind).
 * Scored by `npm run eval` with the test part, aggregates only (routing-audit7, in audit12, is the
 * eighth writer's; routing-audit9, in audit14, the twelfth's; routing-audit13, in audit18, the
 * sixteenth's). routing-audit10 (audit15),
 * routing-audit11 (audit16) and routing-audit12 (audit17), the thirteenth to fifteenth writers',
 * were opened in rounds 18 to 20 and are development data since.
 */
export function loadBlindRoutingSets(dir = __dirname): Example[] {
  const files = [['audit2', 'routing-audit2'], ['audit6', 'routing-audit3'], ['audit7', 'routing-audit4'], ['audit8', 'routing-audit5'], ['audit11', 'routing-audit6'], ['audit12', 'routing-audit7'], ['audit14', 'routing-audit9'], ['audit18', 'routing-audit13']];
  return files.flatMap(([folder, name]) => readJsonl(join(dir, folder), new RegExp(`^${name}\\.jsonl$`))).filter((e) => e.intent !== 'emergency');
}

function readJsonl(dir: string, name: RegExp): Example[] {
  return readJsonlOf([dir], name);
}

/** The matching files of several folders, in the order of their names (as when they shared one folder). */
function readJsonlOf(dirs: string[], name: RegExp): Example[] {
  const files = dirs.filter((d) => existsSync(d)).flatMap((d) => readdirSync(d).filter((f) => name.test(f)).map((file) => ({ dir: d, file })));
  files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const out: Example[] = [];
  for (const { dir, file } of files) {
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!line.trim()) return;
        let ex: Example;
        try {
          ex = JSON.parse(line) as Example;
        } catch {
          throw new Error(`${file}:${i + 1}: not valid JSON`);
        }
        if (typeof ex.text !== 'string' || typeof ex.intent !== 'string') throw new Error(`${file}:${i + 1}: needs "text" and "intent"`);
        out.push({ ...ex, set: file.replace(/(-dev|-test)?\.jsonl$/, '') });
      });
  }
  return out;
}
