/**
 * Topic ids every knowledge base must have (../shared/knowledge-topics.md). They are stable:
 * tests, analytics, evaluation sets and follow-up links refer to them.
 */
export const REQUIRED_TOPIC_IDS = [
  'what-is-osteoarthritis', 'causes', 'symptoms', 'morning-stiffness', 'knee-pain-from-hip', 'course',
  'cure', 'xray-needed', 'pain-and-damage', 'diagnosis', 'exercise-safe', 'which-sport',
  'activity-guideline', 'exercise-therapy', 'self-care', 'weight-loss', 'lifestyle', 'pain-medication',
  'injection', 'hip-replacement', 'surgery-rehab', 'treatment-options', 'physio-treatment',
  'when-to-see-physio', 'first-visit', 'treatment-duration', 'not-recommended', 'aids-adaptations',
  'flare-up', 'heat-cold', 'sleep', 'digital-programs', 'care-team', 'referral', 'reimbursement',
  'practice-info',
] as const;

/** The topic whose answer is rendered from the practice file. */
export const PRACTICE_INFO_TOPIC = 'practice-info';
