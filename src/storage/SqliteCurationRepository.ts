import type { Locale } from '../config/AppConfig';
import type { AnswerFeedback, CurationRepository, Transcript, UnansweredQuestion } from '../curation/CurationRepository';
import type { SqliteDatabase } from './SqliteDatabase';

/** Content-curation data in SQLite. Every change resolves only once it is on disk. */
export class SqliteCurationRepository implements CurationRepository {
  constructor(private readonly sqlite: SqliteDatabase) {}

  async addUnanswered(q: UnansweredQuestion): Promise<void> {
    this.sqlite.stmt('INSERT INTO unanswered_questions (text, locale, created_at) VALUES (?, ?, ?)').run(q.text, q.locale, q.at.getTime());
    await this.sqlite.durable();
  }

  async addFeedback(f: AnswerFeedback): Promise<void> {
    this.sqlite.stmt('INSERT INTO answer_feedback (topic, locale, helpful, created_at) VALUES (?, ?, ?, ?)').run(f.topic, f.locale, f.helpful ? 1 : 0, f.at.getTime());
    await this.sqlite.durable();
  }

  async saveTranscript(t: Transcript): Promise<void> {
    this.sqlite.stmt('INSERT INTO transcripts (conversation_id, lines, created_at) VALUES (?, ?, ?)').run(t.conversationId, JSON.stringify(t.lines), t.at.getTime());
    await this.sqlite.durable();
  }

  async unanswered(limit: number): Promise<UnansweredQuestion[]> {
    const rows = this.sqlite.stmt('SELECT text, locale, created_at FROM unanswered_questions ORDER BY created_at DESC LIMIT ?').all(limit) as { text: string; locale: string; created_at: number }[];
    return rows.map((r) => ({ text: r.text, locale: r.locale as Locale, at: new Date(r.created_at) }));
  }

  async feedbackSummary(): Promise<{ topic: string; helpful: number; notHelpful: number }[]> {
    return this.sqlite
      .stmt('SELECT topic, SUM(helpful) AS helpful, SUM(1 - helpful) AS notHelpful FROM answer_feedback GROUP BY topic ORDER BY topic')
      .all() as { topic: string; helpful: number; notHelpful: number }[];
  }

  async deleteTranscripts(conversationId: string): Promise<number> {
    const deleted = this.sqlite.stmt('DELETE FROM transcripts WHERE conversation_id = ?').run(conversationId).changes;
    await this.sqlite.durable();
    return deleted;
  }

  async deleteOlderThan(before: Date, unansweredBefore = before): Promise<number> {
    const cutoffs: [string, number][] = [
      ['unanswered_questions', unansweredBefore.getTime()], ['answer_feedback', unansweredBefore.getTime()], ['transcripts', before.getTime()],
    ];
    const deleted = this.sqlite.db.transaction(() =>
      cutoffs.reduce((n, [table, t]) => n + this.sqlite.stmt(`DELETE FROM ${table} WHERE created_at < ?`).run(t).changes, 0),
    )();
    await this.sqlite.durable();
    return deleted;
  }
}
