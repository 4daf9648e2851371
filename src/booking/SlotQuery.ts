/** Part of the day a patient prefers. */
export type PartOfDay = 'morning' | 'afternoon' | 'evening';

/** What the patient said about when they can come; every field optional. */
export interface SlotQuery {
  /** Only this calendar date (YYYY-MM-DD, practice time zone). */
  date?: string;
  /** Not before this calendar date. */
  fromDate?: string;
  /** Only on this weekday (0 = Monday). */
  weekday?: number;
  partOfDay?: PartOfDay;
  /** Around this time ("dinsdag 14:45", "kwart voor drie"), minutes after midnight: the nearest slots first. */
  atMinutes?: number;
  /** Start at or after this many minutes after midnight ("na vier uur" = 960). */
  afterMinutes?: number;
  /** Start before this many minutes after midnight. */
  beforeMinutes?: number;
  /** Only at this location (its id in practice.yaml): the patient named it ("Friday morning at the east location"). */
  locationId?: string;
  /** With therapists in practice.yaml: only those who do this type (default: the first, the intake). */
  appointmentTypeId?: string;
}
