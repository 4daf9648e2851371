import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { safetySetLineSchema } from './schemas';
import type { ContentProblem, CrisisExamples, CrisisExamplesFile, SafetySetLine } from './types';

const EXAMPLES_FILE = 'crisis-examples.yaml';

/** A message of a safety set with the line it stands on (1-based, as an editor shows it). */
export interface NumberedSetLine extends SafetySetLine {
  line: number;
}

/**
 * Reads an opened development set of the knowledge folder (`safety-sets/<name>.jsonl`, one JSON
 * object a line) and checks every line against {@link safetySetLineSchema}. Each problem names the
 * file and the line; undefined when the file is missing or any line is wrong. Blank lines are
 * skipped but counted, so line numbers are the editor's.
 */
export function readSafetySet(dir: string, file: string, problems: ContentProblem[]): NumberedSetLine[] | undefined {
  const path = join(dir, file);
  if (!existsSync(path)) {
    problems.push({ file, field: '', problem: `file is missing (${EXAMPLES_FILE} names it)` });
    return undefined;
  }
  const before = problems.length;
  const rows: NumberedSetLine[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      if (!text.trim()) return;
      const line = i + 1;
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (err) {
        problems.push({ file, field: `line ${line}`, problem: `not valid JSON: ${(err as Error).message}` });
        return;
      }
      const parsed = safetySetLineSchema.safeParse(data);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) problems.push({ file, field: [`line ${line}`, ...issue.path].join(' '), problem: issue.message });
        return;
      }
      rows.push({ ...parsed.data, line });
    });
  return problems.length > before ? undefined : rows;
}

/**
 * The examples as the net learns them: `crisis-examples.yaml` with every group that names a set
 * read from its file (under `crisis` the set's `tier: crisis` messages, under `notCrisis` all its
 * others, in the file's order, without the lines `leftOut` and with the `reworded` lines in our
 * own words in their place). Then the checks over the whole, as when the sets were copied into the
 * file: at least 20 texts in each list, no text in both. Undefined, with the problems, when
 * anything is wrong.
 */
export function resolveCrisisExamples(dir: string, file: CrisisExamplesFile, problems: ContentProblem[]): CrisisExamples | undefined {
  const before = problems.length;
  const sets = new Map<string, NumberedSetLine[] | undefined>();
  const resolved: Pick<CrisisExamples, 'crisis' | 'notCrisis'> = { crisis: {}, notCrisis: {} };
  // Where each text came from, to name it when it stands in both lists.
  const origins: { list: 'crisis' | 'notCrisis'; text: string; field: string }[] = [];
  for (const list of ['crisis', 'notCrisis'] as const) {
    for (const [group, value] of Object.entries(file[list])) {
      if (Array.isArray(value)) {
        resolved[list][group] = value;
        value.forEach((text, i) => origins.push({ list, text, field: `${list}.${group}.${i}` }));
        continue;
      }
      const field = `${list}.${group}`;
      // eval:crisis-net leaves a set out by its group's name: the two must be the same.
      const name = value.set.replace(/^safety-sets\//, '').replace(/\.jsonl$/, '');
      if (name !== group) problems.push({ file: EXAMPLES_FILE, field: `${field}.set`, problem: `a set's group is named after its file: "${name}", not "${group}"` });
      if (!sets.has(value.set)) sets.set(value.set, readSafetySet(dir, value.set, problems));
      const rows = sets.get(value.set);
      if (!rows) continue;
      const belongs = (row: SafetySetLine) => (row.tier === 'crisis') === (list === 'crisis');
      const kind = list === 'crisis' ? 'a crisis message' : 'a message that is no crisis';
      const byLine = new Map(rows.map((r) => [r.line, r]));
      const leftOut = new Set(value.leftOut);
      const reworded = new Map(Object.entries(value.reworded).map(([line, text]) => [Number(line), text]));
      const mustBeOurs = (line: number, key: string) => {
        const row = byLine.get(line);
        if (!row || !belongs(row)) problems.push({ file: EXAMPLES_FILE, field: `${field}.${key}`, problem: `line ${line} of ${value.set} is not ${kind}` });
      };
      for (const line of leftOut) mustBeOurs(line, 'leftOut');
      for (const line of reworded.keys()) {
        mustBeOurs(line, 'reworded');
        if (leftOut.has(line)) problems.push({ file: EXAMPLES_FILE, field: `${field}.reworded`, problem: `line ${line} is left out and reworded: choose one` });
      }
      const texts: string[] = [];
      for (const row of rows) {
        if (!belongs(row) || leftOut.has(row.line)) continue;
        const own = reworded.get(row.line);
        texts.push(own ?? row.text);
        origins.push({ list, text: own ?? row.text, field: own ? `${field}.reworded.${row.line}` : `${field} (${value.set} line ${row.line})` });
      }
      resolved[list][group] = texts;
    }
  }
  if (problems.length > before) return undefined;
  const count = (list: 'crisis' | 'notCrisis') => Object.values(resolved[list]).flat().length;
  if (count('crisis') < 20) problems.push({ file: EXAMPLES_FILE, field: 'crisis', problem: 'needs at least 20 crisis examples' });
  if (count('notCrisis') < 20) problems.push({ file: EXAMPLES_FILE, field: 'notCrisis', problem: 'needs at least 20 examples that are not a crisis' });
  // Case, accents and punctuation aside: "I want to die!" under notCrisis contradicts "i want to die".
  const fold = (t: string) => t.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
  const seen = new Map<string, string>();
  for (const { list, text, field } of origins) {
    const key = fold(text);
    const earlier = seen.get(key);
    if (earlier && earlier !== list) problems.push({ file: EXAMPLES_FILE, field, problem: `"${text}" is also listed under ${earlier}: one text cannot be both` });
    seen.set(key, list);
  }
  return problems.length > before ? undefined : { ...file, ...resolved };
}
