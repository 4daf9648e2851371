import type { Activity } from 'botbuilder';
import type { Pool } from 'pg';
import type { PostgresNotifications } from '../../storage/PostgresNotifications';
import type { Clock } from '../../util/Clock';
import type { ConversationStoreLimits } from './DirectLineConversationStore';
import type { ActivitySet, DirectLineConversationInfo, DirectLineStore, StoredActivity } from './DirectLineStore';

/** The notification channel; its payload is the conversation id. */
const CHANNEL = 'directline';

/**
 * The web chat's conversations and activities in PostgreSQL, shared by every instance on the
 * database: a conversation started through one instance is read, written and streamed through
 * any other, and survives the loss of the instance that started it. A new activity is announced
 * with NOTIFY, which wakes the WebSocket streams of that conversation on every instance.
 *
 * A conversation is gone once idle for the token's lifetime; expired ones (and their messages,
 * which are health data) are deleted by the retention job's sweep ({@link sweepExpired}), also
 * when no new chat starts.
 */
export class PostgresDirectLineStore implements DirectLineStore {
  private readonly watchers = new Map<string, Set<() => void>>();

  constructor(
    private readonly pool: Pool,
    notifications: PostgresNotifications,
    private readonly clock: Clock,
    private readonly limits: Pick<ConversationStoreLimits, 'maxActivitiesPerConversation' | 'idleSeconds'>,
  ) {
    notifications.listen(CHANNEL, (id) => this.wake(id), () => {
      for (const id of this.watchers.keys()) this.wake(id);
    });
  }

  async open(id: string, userId: string, locale: string): Promise<{ conversation: DirectLineConversationInfo; created: boolean }> {
    const existing = await this.get(id);
    if (existing) return { conversation: existing, created: false };
    // An expired conversation under this id goes, with its activities, so the new one numbers from 1.
    await this.pool.query('DELETE FROM directline_conversations WHERE id = $1 AND last_seen < $2', [id, this.cutoff()]);
    const { rows } = await this.pool.query<{ user_id: string; locale: string; inserted: boolean }>(
      `INSERT INTO directline_conversations (id, user_id, locale, next_seq, last_seen) VALUES ($1, $2, $3, 1, $4)
       ON CONFLICT (id) DO UPDATE SET last_seen = EXCLUDED.last_seen
       RETURNING user_id, locale, (xmax = 0) AS inserted`,
      [id, userId, locale, this.now()],
    );
    // Another instance may have opened it a moment before: then it is theirs, not new.
    return { conversation: { id, userId: rows[0].user_id, locale: rows[0].locale }, created: rows[0].inserted };
  }

  async get(id: string): Promise<DirectLineConversationInfo | undefined> {
    const { rows } = await this.pool.query<{ user_id: string; locale: string }>(
      'UPDATE directline_conversations SET last_seen = $2 WHERE id = $1 AND last_seen >= $3 RETURNING user_id, locale',
      [id, this.now(), this.cutoff()],
    );
    return rows[0] && { id, userId: rows[0].user_id, locale: rows[0].locale };
  }

  /** Nothing is dropped to make room here: a conversation ends only when it expires. */
  async wasDropped(): Promise<boolean> {
    return false;
  }

  async append(conversationId: string, activity: Partial<Activity>): Promise<StoredActivity | undefined> {
    // The conversation's row lock numbers activities in order, whichever instance adds them.
    const { rows } = await this.pool.query<{ seq: string; activity: StoredActivity['activity'] }>(
      `WITH c AS (
         UPDATE directline_conversations SET next_seq = next_seq + 1, last_seen = $3
         WHERE id = $1 AND last_seen >= $4 RETURNING next_seq - 1 AS seq
       )
       INSERT INTO directline_activities (conversation_id, seq, activity)
       SELECT $1, seq, jsonb_set($2::jsonb, '{id}', to_jsonb($1 || '|' || lpad(seq::text, 7, '0'))) FROM c
       RETURNING seq, activity`,
      [conversationId, JSON.stringify(activity), this.now(), this.cutoff()],
    );
    if (!rows[0]) return undefined;
    const seq = Number(rows[0].seq);
    const keep = this.limits.maxActivitiesPerConversation;
    if (seq > keep && seq % 20 === 0) {
      await this.pool.query('DELETE FROM directline_activities WHERE conversation_id = $1 AND seq <= $2', [conversationId, seq - keep]);
    }
    await this.announce(conversationId);
    return { seq, activity: rows[0].activity };
  }

  async replace(conversationId: string, activity: Partial<Activity> & { id: string }): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      "UPDATE directline_activities SET activity = $3::jsonb WHERE conversation_id = $1 AND activity->>'id' = $2",
      [conversationId, activity.id, JSON.stringify(activity)],
    );
    if (rowCount) await this.announce(conversationId);
    return rowCount === 1;
  }

  async remove(conversationId: string, activityId: string): Promise<void> {
    await this.pool.query("DELETE FROM directline_activities WHERE conversation_id = $1 AND activity->>'id' = $2", [conversationId, activityId]);
  }

  async clear(conversationId: string): Promise<void> {
    await this.pool.query('DELETE FROM directline_activities WHERE conversation_id = $1', [conversationId]);
  }

  async since(conversationId: string, watermark: number): Promise<ActivitySet> {
    const keep = this.limits.maxActivitiesPerConversation;
    const { rows } = await this.pool.query<{ seq: string; activity: StoredActivity['activity'] }>(
      `SELECT seq, activity FROM (
         SELECT seq, activity FROM directline_activities WHERE conversation_id = $1 AND seq > $2 ORDER BY seq DESC LIMIT $3
       ) newest ORDER BY seq`,
      [conversationId, watermark, keep],
    );
    return rows.length
      ? { activities: rows.map((r) => r.activity), watermark: Number(rows[rows.length - 1].seq) }
      : { activities: [], watermark };
  }

  watch(conversationId: string, listener: () => void): () => void {
    let set = this.watchers.get(conversationId);
    if (!set) this.watchers.set(conversationId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (!set.size) this.watchers.delete(conversationId);
    };
  }

  async sweepExpired(): Promise<number> {
    // The activities go with their conversation (ON DELETE CASCADE); the delete uses last_seen's index.
    return (await this.pool.query('DELETE FROM directline_conversations WHERE last_seen < $1', [this.cutoff()])).rowCount ?? 0;
  }

  private async announce(conversationId: string): Promise<void> {
    await this.pool.query('SELECT pg_notify($1, $2)', [CHANNEL, conversationId]);
  }

  private wake(conversationId: string): void {
    for (const listener of this.watchers.get(conversationId) ?? []) listener();
  }

  private now(): number {
    return this.clock.now().getTime();
  }

  private cutoff(): number {
    return this.now() - this.limits.idleSeconds * 1000;
  }
}
