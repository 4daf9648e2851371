import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '../../src/config';

/** One labelled message of the development set. */
export interface Example {
  text: string;
  locale: Locale;
  intent: string;
  topic?: string;
}

/** Reads every `dev*.jsonl` file in this folder (or `dir`), failing loudly on a bad line. */
export function loadDevSet(dir = __dirname): Example[] {
  const out: Example[] = [];
  for (const file of readdirSync(dir).filter((f) => /^dev.*\.jsonl$/.test(f)).sort()) {
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!line.trim()) return;
        try {
          out.push(JSON.parse(line) as Example);
        } catch {
          throw new Error(`${file}:${i + 1}: not valid JSON`);
        }
      });
  }
  return out;
}
