import type { Pool } from 'pg';
import type { Locale } from '../config/AppConfig';
import type { AnswerFeedback, CurationRepository, Transcript, UnansweredQuestion } from '../curation/CurationRepository';

/** Content-curation data in PostgreSQL. */
export class PostgresCurationRepository implements CurationRepository {
  constructor(private readonly pool: Pool) {}

  async addUnanswered(q: UnansweredQuestion): Promise<void> {
    await this.pool.query('INSERT INTO unanswered_questions (text, locale, created_at) VALUES ($1, $2, $3)', [q.text, q.locale, q.at.getTime()]);
  }

  async addFeedback(f: AnswerFeedback): Promise<void> {
    await this.pool.query('INSERT INTO answer_feedback (topic, locale, helpful, created_at) VALUES ($1, $2, $3, $4)', [f.topic, f.locale, f.helpful, f.at.getTime()]);
  }

  async saveTranscript(t: Transcript): Promise<void> {
    await this.pool.query('INSERT INTO transcripts (conversation_id, lines, created_at) VALUES ($1, $2, $3)', [t.conversationId, JSON.stringify(t.lines), t.at.getTime()]);
  }

  async unanswered(limit: number): Promise<UnansweredQuestion[]> {
    const { rows } = await this.pool.query<{ text: string; locale: string; created_at: string }>(
      'SELECT text, locale, created_at FROM unanswered_questions ORDER BY created_at DESC LIMIT $1',
      [limit],
    );
    return rows.map((r) => ({ text: r.text, locale: r.locale as Locale, at: new Date(Number(r.created_at)) }));
  }

  async feedbackSummary(): Promise<{ topic: string; helpful: number; notHelpful: number }[]> {
    const { rows } = await this.pool.query<{ topic: string; helpful: string; not_helpful: string }>(
      'SELECT topic, COUNT(*) FILTER (WHERE helpful) AS helpful, COUNT(*) FILTER (WHERE NOT helpful) AS not_helpful FROM answer_feedback GROUP BY topic ORDER BY topic',
    );
    return rows.map((r) => ({ topic: r.topic, helpful: Number(r.helpful), notHelpful: Number(r.not_helpful) }));
  }

  async deleteTranscripts(conversationId: string): Promise<number> {
    return (await this.pool.query('DELETE FROM transcripts WHERE conversation_id = $1', [conversationId])).rowCount ?? 0;
  }

  async deleteOlderThan(before: Date, unansweredBefore = before): Promise<number> {
    let n = 0;
    for (const [table, cutoff] of [['unanswered_questions', unansweredBefore], ['answer_feedback', unansweredBefore], ['transcripts', before]] as const) {
      n += (await this.pool.query(`DELETE FROM ${table} WHERE created_at < $1`, [cutoff.getTime()])).rowCount ?? 0;
    }
    return n;
  }
}
