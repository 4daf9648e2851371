import type { Locale } from '../config/AppConfig';

/** A question the bot could not answer, kept (scrubbed) so the content can grow where it matters. */
export interface UnansweredQuestion {
  text: string;
  locale: Locale;
  at: Date;
}

/** Whether an answer helped, as the patient's next move suggests. */
export interface AnswerFeedback {
  topic: string;
  locale: Locale;
  helpful: boolean;
  at: Date;
}

/** A conversation transcript the patient asked to keep. */
export interface Transcript {
  conversationId: string;
  lines: { from: string; text: string; at: string }[];
  at: Date;
}

/**
 * What content curation needs, framework-free: unanswered questions and answer feedback carry no
 * conversation id; transcripts are stored only when the patient opts in.
 */
export interface CurationRepository {
  addUnanswered(q: UnansweredQuestion): Promise<void>;
  addFeedback(f: AnswerFeedback): Promise<void>;
  saveTranscript(t: Transcript): Promise<void>;
  unanswered(limit: number): Promise<UnansweredQuestion[]>;
  /** Helpful and not-helpful counts per topic. */
  feedbackSummary(): Promise<{ topic: string; helpful: number; notHelpful: number }[]>;
  deleteTranscripts(conversationId: string): Promise<number>;
  /**
   * Retention: deletes transcripts older than `before`, and unanswered questions and answer
   * feedback older than `unansweredBefore` (`before` when not given).
   */
  deleteOlderThan(before: Date, unansweredBefore?: Date): Promise<number>;
}
