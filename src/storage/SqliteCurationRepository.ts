import type { Locale } from '../config/AppConfig';
import type { AnswerFeedback, CurationRepository, Transcript, UnansweredQuestion } from '../curation/CurationRepository';
import type { SqliteDatabase } from './SqliteDatabase';

/** Content-curation data in SQLite. Every change is committed with an fsync ({@link SqliteDatabase.synced}). */
export class SqliteCurationRepository implements CurationRepository {
  constructor(private readonly sqlite: SqliteDatabase) {}

  async addUnanswered(q: UnansweredQuestion): Promise<void> {
    const insert = this.sqlite.stmt('INSERT INTO unanswered_questions (text, locale, created_at) VALUES (?, ?, ?)');
    this.sqlite.synced(() => insert.run(q.text, q.locale, q.at.getTime()));
  }

  async addFeedback(f: AnswerFeedback): Promise<void> {
    const insert = this.sqlite.stmt('INSERT INTO answer_feedback (topic, locale, helpful, created_at) VALUES (?, ?, ?, ?)');
    this.sqlite.synced(() => insert.run(f.topic, f.locale, f.helpful ? 1 : 0, f.at.getTime()));
  }

  async saveTranscript(t: Transcript): Promise<void> {
    const insert = this.sqlite.stmt('INSERT INTO transcripts (conversation_id, lines, created_at) VALUES (?, ?, ?)');
    this.sqlite.synced(() => insert.run(t.conversationId, JSON.stringify(t.lines), t.at.getTime()));
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
    const del = this.sqlite.stmt('DELETE FROM transcripts WHERE conversation_id = ?');
    return this.sqlite.synced(() => del.run(conversationId)).changes;
  }

  async deleteOlderThan(before: Date, unansweredBefore = before): Promise<number> {
    const cutoffs: [string, number][] = [
      ['unanswered_questions', unansweredBefore.getTime()], ['answer_feedback', unansweredBefore.getTime()], ['transcripts', before.getTime()],
    ];
    return this.sqlite.synced(() =>
      cutoffs.reduce((n, [table, t]) => n + this.sqlite.stmt(`DELETE FROM ${table} WHERE created_at < ?`).run(t).changes, 0),
    );
  }
}
