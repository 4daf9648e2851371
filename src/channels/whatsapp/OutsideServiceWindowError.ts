/**
 * A proactive message (e.g. a receptionist's reply) was not sent because WhatsApp's 24-hour
 * customer service window is closed: the patient has not written in the last 24 hours (or not
 * since the bot started). Only an approved template could reach them now, so the caller should
 * tell the receptionist to call the patient instead.
 */
export class OutsideServiceWindowError extends Error {
  override readonly name = 'OutsideServiceWindowError';

  constructor(
    /** The (pseudonymous) WhatsApp conversation id. */
    readonly conversationId: string,
    /** When the window closed; undefined when the patient has not written since start-up. */
    readonly closedAt: Date | undefined,
  ) {
    super('the WhatsApp customer service window is closed for this conversation');
  }
}
