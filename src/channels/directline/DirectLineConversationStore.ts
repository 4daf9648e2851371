import type { Activity } from 'botbuilder';
import type { Clock } from '../../util/Clock';
import type { ActivitySet, DirectLineStore, StoredActivity } from './DirectLineStore';

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
 * number, in activities per conversation and in idle time. The embedded default (one process);
 * several instances share theirs through `PostgresDirectLineStore` instead.
 */
export class DirectLineConversationStore implements DirectLineStore {
  /** Map order is least recently used first: `touch` re-inserts. */
  private readonly conversations = new Map<string, DirectLineConversation>();
  /** Ids dropped to make room (not expired), oldest first, bounded: their tokens may still be valid. */
  private readonly dropped = new Set<string>();
  private readonly watchers = new Map<string, Set<() => void>>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: ConversationStoreLimits,
  ) {}

  get size(): number {
    return this.conversations.size;
  }

  async open(id: string, userId: string, locale: string): Promise<{ conversation: DirectLineConversation; created: boolean }> {
    return this.openNow(id, userId, locale);
  }

  /** {@link open} without the promise, for this class's own callers and tests. */
  openNow(id: string, userId: string, locale: string): { conversation: DirectLineConversation; created: boolean } {
    const existing = this.getNow(id);
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

  async wasDropped(id: string): Promise<boolean> {
    return this.dropped.has(id);
  }

  async get(id: string): Promise<DirectLineConversation | undefined> {
    return this.getNow(id);
  }

  /** {@link get} without the promise. */
  getNow(id: string): DirectLineConversation | undefined {
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

  async append(conversationId: string, activity: Partial<Activity>): Promise<StoredActivity | undefined> {
    return this.appendNow(conversationId, activity);
  }

  /** {@link append} without the promise. */
  appendNow(conversationId: string, activity: Partial<Activity>): StoredActivity | undefined {
    const conversation = this.getNow(conversationId);
    if (!conversation) return undefined;
    const seq = conversation.nextSeq++;
    // A JSON copy: what the client reads must not change when the bot later mutates its object.
    const copy = JSON.parse(JSON.stringify({ ...activity, id: `${conversationId}|${String(seq).padStart(7, '0')}` })) as StoredActivity['activity'];
    const stored = { seq, activity: copy };
    conversation.activities.push(stored);
    const excess = conversation.activities.length - this.limits.maxActivitiesPerConversation;
    if (excess > 0) conversation.activities.splice(0, excess);
    this.wake(conversationId);
    return stored;
  }

  async replace(conversationId: string, activity: Partial<Activity> & { id: string }): Promise<boolean> {
    const conversation = this.getNow(conversationId);
    const stored = conversation?.activities.find((a) => a.activity.id === activity.id);
    if (!stored) return false;
    stored.activity = JSON.parse(JSON.stringify(activity)) as StoredActivity['activity'];
    this.wake(conversationId);
    return true;
  }

  async remove(conversationId: string, activityId: string): Promise<void> {
    const conversation = this.getNow(conversationId);
    if (!conversation) return;
    conversation.activities = conversation.activities.filter((a) => a.activity.id !== activityId);
  }

  async clear(conversationId: string): Promise<void> {
    const conversation = this.getNow(conversationId);
    if (conversation) conversation.activities = [];
  }

  async since(conversationId: string, watermark: number): Promise<ActivitySet> {
    const conversation = this.conversations.get(conversationId);
    return conversation ? this.sinceNow(conversation, watermark) : { activities: [], watermark };
  }

  /** Activities after the watermark, and the new watermark (unchanged when there are none). */
  sinceNow(conversation: DirectLineConversation, watermark: number): ActivitySet {
    const newer = conversation.activities.filter((a) => a.seq > watermark);
    return {
      activities: newer.map((a) => a.activity),
      watermark: newer.length ? newer[newer.length - 1].seq : Math.min(watermark, conversation.nextSeq - 1),
    };
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

  private wake(conversationId: string): void {
    for (const listener of this.watchers.get(conversationId) ?? []) listener();
  }

  /** Drops expired conversations; the map is in last-use order, so it stops at the first live one. */
  sweep(): number {
    let n = 0;
    for (const [id, conversation] of this.conversations) {
      if (!this.expired(conversation)) break;
      this.conversations.delete(id);
      n += 1;
    }
    return n;
  }

  async sweepExpired(): Promise<number> {
    return this.sweep();
  }

  private expired(conversation: DirectLineConversation): boolean {
    return this.now() - conversation.lastSeen > this.limits.idleSeconds * 1000;
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}
