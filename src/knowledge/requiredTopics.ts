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
  // Second edition: questions patients ask beyond the seed documents.
  'costs', 'supplements', 'hyaluronic-acid-prp', 'brace-insoles', 'prosthesis-rules', 'complaints', 'home-visits',
  'cancellation-fee', 'what-to-bring', 'alternative-treatments', 'work', 'other-joints', 'running', 'stairs',
  'weather', 'heredity', 'young-age', 'knee-vs-hip-replacement', 'second-opinion', 'waiting-time',
] as const;

/**
 * Topics whose facts differ between the Netherlands and Belgium (referral, reimbursement, the
 * insurer, complaint bodies, sick leave): their text is chosen by the practice's country.
 */
export const COUNTRY_SPECIFIC_TOPIC_IDS = ['referral', 'reimbursement', 'costs', 'complaints', 'work', 'what-to-bring'] as const;

/** The topic whose answer is rendered from the practice file. */
export const PRACTICE_INFO_TOPIC = 'practice-info';
