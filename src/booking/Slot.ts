/** A bookable period at one location. */
export interface Slot {
  locationId: string;
  start: Date;
  end: Date;
}

/** Stable key of a slot: the unit the database keeps unique. */
export function slotKey(slot: Pick<Slot, 'locationId' | 'start'>): string {
  return `${slot.locationId}@${slot.start.toISOString()}`;
}
