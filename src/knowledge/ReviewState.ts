import type { Topic } from './types';

/** A topic's review state as a clinician working through the content needs it. */
export interface ReviewState {
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
export function reviewStateOf(topic: Topic, today: string): ReviewState {
  const reviewedBy = topic.reviewedBy ?? topic.review.reviewedBy ?? undefined;
  const reviewedOn = topic.reviewedOn ?? topic.review.lastReviewed ?? undefined;
  const nextReview = topic.nextReview;
  const state = !reviewedBy || !reviewedOn ? 'not reviewed' : /draft|awaits|concept/i.test(reviewedBy) ? 'draft' : 'reviewed';
  return { state, reviewedBy, reviewedOn, nextReview, overdue: nextReview !== undefined && nextReview < today };
}
