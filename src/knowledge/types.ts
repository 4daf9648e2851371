import type { z } from 'zod';
import type { Locale } from '../config/AppConfig';
import type {
  emergencyFileSchema, intentsFileSchema, languageFileSchema, practiceFileSchema, screeningFileSchema,
  synonymsFileSchema, TopicFile, dateWordsFileSchema, Source, crisisExamplesFileSchema, safetySetLineSchema,
} from './schemas';

export type LanguageData = z.infer<typeof languageFileSchema>;
export type SynonymGroup = z.infer<typeof synonymsFileSchema>[number];
export type IntentsData = z.infer<typeof intentsFileSchema>;
export type EmergencyData = z.infer<typeof emergencyFileSchema>;
export type Practice = z.infer<typeof practiceFileSchema>;
export type ScreeningData = z.infer<typeof screeningFileSchema>;
export type Topic = TopicFile;
export type DateWords = z.infer<typeof dateWordsFileSchema>;
/** `crisis-examples.yaml` as written: a group is a list of texts or names a file of `safety-sets/`. */
export type CrisisExamplesFile = z.infer<typeof crisisExamplesFileSchema>;
/** The crisis net's examples as it learns them: every group a list of texts, a set's read from its file. */
export type CrisisExamples = Omit<CrisisExamplesFile, 'crisis' | 'notCrisis'> & {
  crisis: Record<string, string[]>;
  notCrisis: Record<string, string[]>;
};
/** One labelled message of an opened development set (`safety-sets/<name>.jsonl`). */
export type SafetySetLine = z.infer<typeof safetySetLineSchema>;
export type { Locale };

/** Everything the assistant knows, loaded and validated from `knowledge/`. */
export interface KnowledgeBase {
  topics: Map<string, Topic>;
  sources: Source[];
  language: LanguageData;
  synonyms: SynonymGroup[];
  intents: IntentsData;
  emergency: EmergencyData;
  screening: ScreeningData;
  practice: Practice;
  dateWords: DateWords;
  /** The learned crisis net's examples (`crisis-examples.yaml` and the sets it names); without the file the net is off. */
  crisisExamples?: CrisisExamples;
}

/** One problem found in a content file: which file, which field, what is wrong. */
export interface ContentProblem {
  file: string;
  field: string;
  problem: string;
}

/** Formats a problem as one line, `file: field: problem`. */
export function formatProblem(p: ContentProblem): string {
  return `${p.file}: ${p.field || '(file)'}: ${p.problem}`;
}
