import type { Activity } from 'botbuilder';

/** One activity as the Direct Line client will see it, numbered in its conversation. */
export interface StoredActivity {
  seq: number;
  activity: Partial<Activity> & { id: string };
}

/** What the routes need to know of a live web chat conversation. */
export interface DirectLineConversationInfo {
  id: string;
  userId: string;
  locale: string;
}

/** Activities after a watermark and the new watermark (unchanged when there are none). */
export interface ActivitySet {
  activities: StoredActivity['activity'][];
  watermark: number;
}

/**
 * Where the bot's own Direct Line keeps its conversations and their activities: in this
 * process's memory for the embedded default, in PostgreSQL when several instances share one
 * database. Every method may touch the network; none throws for an unknown conversation.
 */
export interface DirectLineStore {
  /** Creates the conversation, or returns it when it already exists; `created` tells which. */
  open(id: string, userId: string, locale: string): Promise<{ conversation: DirectLineConversationInfo; created: boolean }>;
  /** The live conversation (and marks it used), or undefined when unknown or expired. */
  get(id: string): Promise<DirectLineConversationInfo | undefined>;
  /**
   * True when the conversation was dropped to make room for newer ones (not because it went
   * idle): its dialog state is still in storage and a valid token may open it again.
   */
  wasDropped(id: string): Promise<boolean>;
  /**
   * Adds an activity with the next id (`conversation|0000001`, as Azure numbers them) and
   * returns the stored copy; undefined when the conversation is gone.
   */
  append(conversationId: string, activity: Partial<Activity>): Promise<StoredActivity | undefined>;
  /** Replaces a stored activity by id (the bot's updateActivity); false when not found. */
  replace(conversationId: string, activity: Partial<Activity> & { id: string }): Promise<boolean>;
  /** Removes a stored activity by id (the bot's deleteActivity). */
  remove(conversationId: string, activityId: string): Promise<void>;
  /**
   * Removes every activity stored so far (the patient's "verwijder mijn gegevens"): a reload
   * then shows nothing of what was said. The conversation stays open and numbering goes on.
   */
  clear(conversationId: string): Promise<void>;
  /** Activities after the watermark. */
  since(conversationId: string, watermark: number): Promise<ActivitySet>;
  /**
   * Calls `listener` after the conversation got a new or changed activity, whichever instance
   * added it (and after a lost notification channel is back, when some may have been missed).
   * Returns the function that stops it.
   */
  watch(conversationId: string, listener: () => void): () => void;
  /**
   * Deletes every conversation idle past its lifetime, with its activities (health data); the
   * retention job calls it every few minutes. Returns how many conversations it deleted.
   */
  sweepExpired(): Promise<number>;
}
