import type { Locale } from '../config/AppConfig';
import type { AnswerFeedback, CurationRepository, Transcript, UnansweredQuestion } from '../curation/CurationRepository';
import type { SqlClient } from './SqlClient';

/**
 * Content-curation data in SQLite or PostgreSQL. Unanswered questions and feedback counts go through
 * `notes`, committed as conversation state is (SqliteDatabase): an fsync each held up the event loop.
 */
export class SqlCurationRepository implements CurationRepository {
  constructor(private readonly sql: SqlClient, private readonly notes: SqlClient = sql) {}

  async addUnanswered(q: UnansweredQuestion): Promise<void> {
    await this.notes.run('INSERT INTO unanswered_questions (text, locale, created_at) VALUES ($1, $2, $3)', [q.text, q.locale, q.at.getTime()]);
  }

  async addFeedback(f: AnswerFeedback): Promise<void> {
    await this.notes.run('INSERT INTO answer_feedback (topic, locale, helpful, created_at) VALUES ($1, $2, $3, $4)', [f.topic, f.locale, f.helpful, f.at.getTime()]);
  }

  async saveTranscript(t: Transcript): Promise<void> {
    await this.sql.run('INSERT INTO transcripts (conversation_id, lines, created_at) VALUES ($1, $2, $3)', [t.conversationId, JSON.stringify(t.lines), t.at.getTime()]);
  }

  async unanswered(limit: number): Promise<UnansweredQuestion[]> {
    const rows = await this.sql.rows<{ text: string; locale: Locale; created_at: number }>('SELECT text, locale, created_at FROM unanswered_questions ORDER BY created_at DESC LIMIT $1', [limit]);
    return rows.map((r) => ({ text: r.text, locale: r.locale, at: new Date(r.created_at) }));
  }

  async feedbackSummary(): Promise<{ topic: string; helpful: number; notHelpful: number }[]> {
    // `helpful` is a BOOLEAN in PostgreSQL and 1 or 0 in SQLite; both read it as a condition.
    const rows = await this.sql.rows<{ topic: string; helpful: number; not_helpful: number }>(
      'SELECT topic, COUNT(*) FILTER (WHERE helpful) AS helpful, COUNT(*) FILTER (WHERE NOT helpful) AS not_helpful FROM answer_feedback GROUP BY topic ORDER BY topic',
    );
    return rows.map((r) => ({ topic: r.topic, helpful: r.helpful, notHelpful: r.not_helpful }));
  }

  async deleteTranscripts(conversationId: string): Promise<number> {
    return this.sql.run('DELETE FROM transcripts WHERE conversation_id = $1', [conversationId]);
  }

  async deleteOlderThan(before: Date, unansweredBefore = before): Promise<number> {
    const older = (table: string, cutoff: Date) => this.sql.run(`DELETE FROM ${table} WHERE created_at < $1`, [cutoff.getTime()]);
    return (await older('unanswered_questions', unansweredBefore)) + (await older('answer_feedback', unansweredBefore)) + (await older('transcripts', before));
  }
}
