import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { load as parseYaml, YAMLException } from 'js-yaml';
import type { z } from 'zod';
import { resolveCrisisExamples } from './CrisisExamples';
import {
  crisisExamplesFileSchema, dateWordsFileSchema, emergencyFileSchema, intentsFileSchema, languageFileSchema, practiceFileSchema, screeningFileSchema,
  sourcesFileSchema, synonymsFileSchema, topicFileSchema,
} from './schemas';
import type { ContentProblem, KnowledgeBase, Topic } from './types';

/** Result of loading: the knowledge base when every file parsed, and every problem found. */
export interface LoadResult {
  knowledge?: KnowledgeBase;
  problems: ContentProblem[];
}

/**
 * Reads and schema-checks every file in a knowledge folder. Never throws for bad content: each
 * problem is reported with its file and field so a physiotherapist can fix it.
 */
export function loadKnowledge(dir: string, practiceFile = 'practice.yaml'): LoadResult {
  const problems: ContentProblem[] = [];
  const read = <S extends z.ZodTypeAny>(file: string, schema: S): z.infer<S> | undefined => {
    const path = join(dir, file);
    if (!existsSync(path)) {
      problems.push({ file, field: '', problem: 'file is missing' });
      return undefined;
    }
    return validate(file, readFileSync(path, 'utf8'), schema, problems);
  };

  const topics = new Map<string, Topic>();
  const topicDir = join(dir, 'topics');
  if (!existsSync(topicDir)) {
    problems.push({ file: 'topics/', field: '', problem: 'folder is missing' });
  } else {
    for (const name of readdirSync(topicDir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
      const file = `topics/${name}`;
      const topic = validate(file, readFileSync(join(topicDir, name), 'utf8'), topicFileSchema, problems);
      if (!topic) continue;
      const expected = basename(name).replace(/\.ya?ml$/, '');
      if (topic.id !== expected) problems.push({ file, field: 'id', problem: `id "${topic.id}" must match the file name "${expected}"` });
      if (topics.has(topic.id)) problems.push({ file, field: 'id', problem: `topic "${topic.id}" is defined twice` });
      topics.set(topic.id, topic);
    }
  }

  const sources = read('sources.yaml', sourcesFileSchema);
  const language = read('language.yaml', languageFileSchema);
  const synonyms = read('synonyms.yaml', synonymsFileSchema);
  const intents = read('intents.yaml', intentsFileSchema);
  const emergency = read('emergency.yaml', emergencyFileSchema);
  const screening = read('screening.yaml', screeningFileSchema);
  const practice = read(practiceFile, practiceFileSchema);
  const dateWords = read('date-words.yaml', dateWordsFileSchema);
  // Optional: a practice without it runs on the rules alone; a file that is there must be valid.
  const crisisFile = join(dir, 'crisis-examples.yaml');
  const crisisExamplesFile = existsSync(crisisFile) ? validate('crisis-examples.yaml', readFileSync(crisisFile, 'utf8'), crisisExamplesFileSchema, problems) : undefined;
  // The groups that name an opened development set (safety-sets/) are read from it here.
  const crisisExamples = crisisExamplesFile && resolveCrisisExamples(dir, crisisExamplesFile, problems);
  if (!sources || !language || !synonyms || !intents || !emergency || !screening || !practice || !dateWords) return { problems };
  if (existsSync(crisisFile) && !crisisExamples) return { problems };
  return { knowledge: { topics, sources, language, synonyms, intents, emergency, screening, practice, dateWords, crisisExamples }, problems };
}

/** Parses one YAML document and checks it against its schema, collecting problems. */
export function validate<S extends z.ZodTypeAny>(
  file: string,
  text: string,
  schema: S,
  problems: ContentProblem[],
): z.infer<S> | undefined {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (err) {
    // js-yaml counts lines from 0; its reason is the message without the code excerpt.
    const where = err instanceof YAMLException && err.mark ? `line ${err.mark.line + 1}` : '';
    const reason = err instanceof YAMLException ? err.reason : (err as Error).message.split('\n')[0];
    problems.push({ file, field: where, problem: `not valid YAML: ${reason}` });
    return undefined;
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ file, field: issue.path.join('.'), problem: issue.message });
    }
    return undefined;
  }
  return parsed.data;
}
