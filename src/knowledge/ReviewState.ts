import type { ContentProblem, KnowledgeBase } from './types';

/** Who reviewed a content file and when; null where it never was. */
export interface ReviewState {
  file: string;
  reviewedBy: string | null;
  reviewedOn: string | null;
  nextReview: string | null;
  /** True when the file still uses the earlier `review:` block. */
  legacy: boolean;
}

/** The review metadata of the red-flag list, the crisis examples (when present) and every topic, by file. */
export function reviewStates(kb: KnowledgeBase): ReviewState[] {
  const topics = [...kb.topics.values()]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((t) => ({
      file: `topics/${t.id}.yaml`,
      reviewedBy: t.reviewedBy ?? t.review?.reviewedBy ?? null,
      reviewedOn: t.reviewedOn ?? t.review?.lastReviewed ?? null,
      nextReview: t.nextReview,
      legacy: t.review !== undefined,
    }));
  const e = kb.emergency;
  const c = kb.crisisExamples;
  return [
    { file: 'emergency.yaml', reviewedBy: e.reviewedBy, reviewedOn: e.reviewedOn, nextReview: e.nextReview, legacy: false },
    ...(c ? [{ file: 'crisis-examples.yaml', reviewedBy: c.reviewedBy, reviewedOn: c.reviewedOn, nextReview: c.nextReview, legacy: false }] : []),
    ...topics,
  ];
}

/** A reviewer entry that marks a draft awaiting a clinician rather than a clinician's review. */
export function isDraftReviewer(reviewedBy: string): boolean {
  return /draft|awaits|concept/i.test(reviewedBy);
}

/** What the review rules found: warnings are printed; errors fail `npm run kb:lint`. */
export interface ReviewFindings {
  warnings: ContentProblem[];
  errors: ContentProblem[];
}

/**
 * The review rules: content never reviewed by a clinician is a warning, and an error in a
 * production build (NODE_ENV=production); a review that is due, a review without a next date,
 * and dates that contradict each other are warnings.
 *
 * @param today the date to compare with, as YYYY-MM-DD
 */
export function lintReviews(kb: KnowledgeBase, today: string, production: boolean): ReviewFindings {
  const warnings: ContentProblem[] = [];
  const errors: ContentProblem[] = [];
  for (const r of reviewStates(kb)) {
    const warn = (field: string, problem: string) => warnings.push({ file: r.file, field, problem });
    if (r.legacy) warn('review', 'move `review:` to the top-level keys reviewedBy, reviewedOn and nextReview');
    // A draft by the content team (it says it awaits a clinician) is not a clinician's review.
    if (!r.reviewedBy || !r.reviewedOn || isDraftReviewer(r.reviewedBy)) {
      const problem = 'never reviewed by a clinician (set reviewedBy and reviewedOn)';
      if (production) errors.push({ file: r.file, field: 'reviewedBy', problem: `${problem}; a production build needs every review` });
      else warn('reviewedBy', problem);
      continue;
    }
    if (r.reviewedOn > today) warn('reviewedOn', `${r.reviewedOn} is in the future`);
    if (!r.nextReview) warn('nextReview', 'no date for the next review');
    else if (r.nextReview <= r.reviewedOn) warn('nextReview', `${r.nextReview} is not after reviewedOn ${r.reviewedOn}`);
    else if (r.nextReview <= today) warn('nextReview', `review due since ${r.nextReview}`);
  }
  return { warnings, errors };
}
