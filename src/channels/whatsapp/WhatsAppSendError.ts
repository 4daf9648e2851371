/**
 * The Graph API refused or failed a message. Carries only what is safe to log and to show a
 * receptionist: the HTTP status and Meta's numeric error code, never the recipient or the text.
 */
export class WhatsAppSendError extends Error {
  override readonly name = 'WhatsAppSendError';

  constructor(
    /** HTTP status from the Graph API; 0 when the request never got an answer. */
    readonly status: number,
    /** Meta's error code (e.g. 131047 re-engagement required), when the answer had one. */
    readonly code?: number,
  ) {
    super(`WhatsApp Graph API send failed (status ${status}${code === undefined ? '' : `, code ${code}`})`);
  }
}
