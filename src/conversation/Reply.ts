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
}
