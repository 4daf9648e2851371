import { isDraftReviewer } from './ReviewState';
import type { Topic } from './types';

/** A topic's review state as a clinician working through the content needs it (kb:report). */
export interface TopicReview {
  /** `reviewed` by a clinician, a `draft` by the content team, or `not reviewed` at all. */
  state: 'reviewed' | 'draft' | 'not reviewed';
  reviewedBy?: string;
  reviewedOn?: string;
  nextReview?: string;
  /** True when the next review date has passed. */
  overdue: boolean;
}

/**
 * Reads the review metadata of a topic: the top-level `reviewedBy` / `reviewedOn` /
 * `nextReview`, else the older `review` block. A reviewer named as a draft (the content team,
 * awaiting a clinician) does not count as reviewed.
 */
export function reviewStateOf(topic: Topic, today: string): TopicReview {
  const reviewedBy = topic.reviewedBy ?? topic.review?.reviewedBy ?? undefined;
  const reviewedOn = topic.reviewedOn ?? topic.review?.lastReviewed ?? undefined;
  const nextReview = topic.nextReview ?? undefined;
  const state = !reviewedBy || !reviewedOn ? 'not reviewed' : isDraftReviewer(reviewedBy) ? 'draft' : 'reviewed';
  return { state, reviewedBy, reviewedOn, nextReview, overdue: nextReview !== undefined && nextReview < today };
}
