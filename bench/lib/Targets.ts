/** The targets of the "Benchmarks" issue; bench/README.md explains each. */
export const TARGETS = {
  /** Our FAQ turns/s ÷ the echo bot's, 10 connections: at least. */
  faqToEchoRatio: 0.7,
  /** Our booking turns/s ÷ the echo bot's FAQ turns/s, 10 connections: at least. */
  bookingToEchoRatio: 0.5,
  /** Errors + non-2xx + replies without an activity over the whole run: at most. */
  errors: 0,
  /** Router decision p99 on our knowledge base (fresh router), ms: at most. */
  routingP99Ms: 1,
  /** Router decision p99 with 5,000 topics, ms: at most. */
  routingP99Ms5000: 5,
  /** Router constructor with 5,000 topics, ms: at most. */
  indexBuildMs5000: 1000,
  /** Our RSS after load ÷ the echo bot's: at most. */
  rssToEchoRatio: 1.2,
  /** Process start to /readyz 200, compiled start, ms: at most. */
  readyMs: 2000,
  /** Chat page, first visit on a throttled phone (CPU ×4, 1.6 Mbit/s, 150 ms): navigation to the first bot message shown (the page's own or Web Chat's), ms: at most. */
  webChatFirstMessageMs: 3000,
  /** Chat page, first visit: bytes transferred until Web Chat shows its first bot message, KB (compressed): at most. */
  webChatTransferKb: 400,
} as const;

export type TargetName = keyof typeof TARGETS;

/** Targets that are a minimum; the others are a maximum. */
const AT_LEAST: ReadonlySet<TargetName> = new Set(['faqToEchoRatio', 'bookingToEchoRatio']);

/** True when the value meets the target; undefined when it was not measured. */
export function meets(name: TargetName, value: number | undefined): boolean | undefined {
  if (value === undefined || !Number.isFinite(value)) return undefined;
  return AT_LEAST.has(name) ? value >= TARGETS[name] : value <= TARGETS[name];
}

/** The target as people read it: "≥ 0.7", "≤ 1 ms". */
export function describeTarget(name: TargetName, unit = ''): string {
  return `${AT_LEAST.has(name) ? '≥' : '≤'} ${TARGETS[name]}${unit ? ' ' + unit : ''}`;
}
