/** A button the patient can press; `value` is what comes back as their message. */
export interface Choice {
  label: string;
  value: string;
}

/**
 * One message of the bot, independent of any channel: text plus optional choices. The channel
 * renderer decides how choices look (suggested actions, WhatsApp buttons, numbered text).
 */
export interface Reply {
  text: string;
  choices?: Choice[];
  /** Label/value pairs (a booking summary); shown as a card where the channel has cards. */
  facts?: { label: string; value: string }[];
  /** A file for the patient, e.g. the appointment as an .ics calendar file. */
  file?: { name: string; contentType: string; content: string };
}
