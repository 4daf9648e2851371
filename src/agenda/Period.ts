/** A stretch of time, end exclusive. */
export interface Period {
  start: Date;
  end: Date;
}

/** True when the two periods share any moment (touching ends do not overlap). */
export function overlaps(a: Period, b: Period): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}
