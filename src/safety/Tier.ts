/** The urgency tiers of a red flag, most urgent first. */
export const TIERS = ['112', 'crisis', 'now', 'soon'] as const;

/**
 * What a red flag asks of the patient: `112` call 112 now; `crisis` a suicide prevention line
 * (with 112 in immediate danger); `now` a doctor today (GP, huisartsenpost, wachtpost); `soon`
 * the GP within a few days.
 */
export type Tier = (typeof TIERS)[number];

/** True when the value is a tier id. */
export function isTier(value: unknown): value is Tier {
  return typeof value === 'string' && (TIERS as readonly string[]).includes(value);
}

/** The more urgent of two tiers; either may be absent. */
export function moreUrgent(a: Tier | undefined, b: Tier | undefined): Tier | undefined {
  if (!a) return b;
  if (!b) return a;
  return TIERS.indexOf(a) <= TIERS.indexOf(b) ? a : b;
}

/** True when `tier` is at least as urgent as `than`. */
export function atLeastAsUrgent(tier: Tier, than: Tier): boolean {
  return TIERS.indexOf(tier) <= TIERS.indexOf(than);
}

/**
 * True when the instruction of `given` already says what `tier`'s would: its own, 112's (it
 * covers a doctor today and the GP, not the crisis line), or a doctor today's for the GP this week.
 */
export function instructionSays(given: Tier, tier: Tier): boolean {
  return given === tier || (given === '112' && tier !== 'crisis') || (given === 'now' && tier === 'soon');
}

/**
 * The tier whose one line follows `top`'s instruction in the same reply: the most urgent of
 * `others` that `top`'s instruction does not say ("I don't want to live any more, and my knee is
 * red, hot and I feel ill" is the crisis text and a doctor today). Undefined when it says them all.
 */
export function besideOf(top: Tier, others: Iterable<Tier | undefined>): Tier | undefined {
  let beside: Tier | undefined;
  for (const tier of others) if (tier && !instructionSays(top, tier)) beside = moreUrgent(beside, tier);
  return beside;
}
