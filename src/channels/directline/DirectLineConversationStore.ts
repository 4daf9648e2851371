import type { Activity } from 'botbuilder';
import type { Clock } from '../../util/Clock';

/** One activity as the Direct Line client will see it, numbered in its conversation. */
export interface StoredActivity {
  seq: number;
  activity: Partial<Activity> & { id: string };
}

/** A web chat conversation held in memory. */
export interface DirectLineConversation {
  id: string;
  userId: string;
  locale: string;
  /** Milliseconds since the epoch of the last request that touched it. */
  lastSeen: number;
  /** The number the next activity gets; watermarks count these. */
  nextSeq: number;
  activities: StoredActivity[];
}

/** Limits of the store; every one bounds memory. */
export interface ConversationStoreLimits {
  /** Conversations kept at once; the least recently used is dropped to make room. */
  maxConversations: number;
  /** Activities kept per conversation; the oldest are dropped (watermarks stay valid). */
  maxActivitiesPerConversation: number;
  /** A conversation nobody touched for this long is gone. */
  idleSeconds: number;
}

/**
 * The conversations of the bot's own Direct Line, in this process's memory only: bounded in
 * number, in activities per conversation and in idle time. Several instances behind one address
 * would each see only their own conversations; they would need shared storage (or sticky
 * sessions) instead of this class.
 */
export class DirectLineConversationStore {
  /** Map order is least recently used first: `touch` re-inserts. */
  private readonly conversations = new Map<string, DirectLineConversation>();
  /** Ids dropped to make room (not expired), oldest first, bounded: their tokens may still be valid. */
  private readonly dropped = new Set<string>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: ConversationStoreLimits,
  ) {}

  get size(): number {
    return this.conversations.size;
  }

  /** Creates the conversation, or returns it when it already exists; `created` tells which. */
  open(id: string, userId: string, locale: string): { conversation: DirectLineConversation; created: boolean } {
    const existing = this.get(id);
    if (existing) return { conversation: existing, created: false };
    this.sweep();
    while (this.conversations.size >= this.limits.maxConversations) {
      const oldest = this.conversations.keys().next().value;
      if (oldest === undefined) break;
      this.conversations.delete(oldest);
      this.dropped.add(oldest);
      if (this.dropped.size > this.limits.maxConversations * 10) this.dropped.delete(this.dropped.values().next().value as string);
    }
    this.dropped.delete(id);
    const conversation: DirectLineConversation = { id, userId, locale, lastSeen: this.now(), nextSeq: 1, activities: [] };
    this.conversations.set(id, conversation);
    return { conversation, created: true };
  }

  /**
   * True when the conversation was dropped to make room for newer ones (not because it went
   * idle): its dialog state is still in storage and a valid token may open it again.
   */
  wasDropped(id: string): boolean {
    return this.dropped.has(id);
  }

  /** The live conversation (and marks it used), or undefined when unknown or expired. */
  get(id: string): DirectLineConversation | undefined {
    const conversation = this.conversations.get(id);
    if (!conversation) return undefined;
    if (this.expired(conversation)) {
      this.conversations.delete(id);
      return undefined;
    }
    conversation.lastSeen = this.now();
    this.conversations.delete(id);
    this.conversations.set(id, conversation);
    return conversation;
  }

  /**
   * Adds an activity with the next id (`conversation|0000001`, as Azure numbers them) and
   * returns the stored copy; undefined when the conversation is gone.
   */
  append(conversationId: string, activity: Partial<Activity>): StoredActivity | undefined {
    const conversation = this.get(conversationId);
    if (!conversation) return undefined;
    const seq = conversation.nextSeq++;
    // A JSON copy: what the client reads must not change when the bot later mutates its object.
    const copy = JSON.parse(JSON.stringify({ ...activity, id: `${conversationId}|${String(seq).padStart(7, '0')}` })) as StoredActivity['activity'];
    const stored = { seq, activity: copy };
    conversation.activities.push(stored);
    const excess = conversation.activities.length - this.limits.maxActivitiesPerConversation;
    if (excess > 0) conversation.activities.splice(0, excess);
    return stored;
  }

  /** Replaces a stored activity by id (the bot's updateActivity); false when not found. */
  replace(conversationId: string, activity: Partial<Activity> & { id: string }): boolean {
    const conversation = this.get(conversationId);
    const stored = conversation?.activities.find((a) => a.activity.id === activity.id);
    if (!stored) return false;
    stored.activity = JSON.parse(JSON.stringify(activity)) as StoredActivity['activity'];
    return true;
  }

  /** Removes a stored activity by id (the bot's deleteActivity). */
  remove(conversationId: string, activityId: string): void {
    const conversation = this.get(conversationId);
    if (!conversation) return;
    conversation.activities = conversation.activities.filter((a) => a.activity.id !== activityId);
  }

  /** Activities after the watermark, and the new watermark (unchanged when there are none). */
  since(conversation: DirectLineConversation, watermark: number): { activities: StoredActivity['activity'][]; watermark: number } {
    const newer = conversation.activities.filter((a) => a.seq > watermark);
    return {
      activities: newer.map((a) => a.activity),
      watermark: newer.length ? newer[newer.length - 1].seq : Math.min(watermark, conversation.nextSeq - 1),
    };
  }

  /** Drops expired conversations; the map is in last-use order, so it stops at the first live one. */
  sweep(): void {
    for (const [id, conversation] of this.conversations) {
      if (!this.expired(conversation)) break;
      this.conversations.delete(id);
    }
  }

  private expired(conversation: DirectLineConversation): boolean {
    return this.now() - conversation.lastSeen > this.limits.idleSeconds * 1000;
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}
