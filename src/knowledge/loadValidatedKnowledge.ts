import { ConfigError } from '../config/ConfigError';
import { lintKnowledge } from './KnowledgeLinter';
import { loadKnowledge } from './KnowledgeLoader';
import { formatProblem, type KnowledgeBase } from './types';

/**
 * Loads the knowledge folder and refuses it when any file breaks a schema or a content rule,
 * so a practice never runs with half-valid content. The error lists every problem.
 */
export function loadValidatedKnowledge(dir: string, practiceFile = 'practice.yaml'): KnowledgeBase {
  const { knowledge, problems } = loadKnowledge(dir, practiceFile);
  const all = knowledge ? [...problems, ...lintKnowledge(knowledge)] : problems;
  if (all.length || !knowledge) {
    throw new ConfigError([`knowledge in "${dir}" has ${all.length} problem(s):`, ...all.map((p) => '  ' + formatProblem(p))]);
  }
  return knowledge;
}
