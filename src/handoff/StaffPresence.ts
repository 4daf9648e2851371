/**
 * Whether a receptionist has the console's live queue open: only then may the bot promise a
 * person in the chat. One process counts its open queues; several instances share it in
 * PostgreSQL, so that a patient on one instance hears of a receptionist watching on another.
 */
export interface StaffPresence {
  /** A console opens the live queue; the returned function closes it. */
  arrive(): () => void;
  /** True while any console has the live queue open. */
  any(): Promise<boolean>;
}

/** One process: a count of the open live queues. */
export class LocalStaffPresence implements StaffPresence {
  private watchers = 0;

  arrive(): () => void {
    this.watchers += 1;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.watchers -= 1;
    };
  }

  async any(): Promise<boolean> {
    return this.watchers > 0;
  }
}
