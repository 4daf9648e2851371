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
