import { pseudonym, type Logger } from '../../logging/Logger';
import type { OutboundWhatsAppMessage } from './OutboundWhatsAppMessage';
import { WhatsAppSendError } from './WhatsAppSendError';

/** What the Graph client needs from the WhatsApp configuration. */
export interface WhatsAppGraphSettings {
  /** e.g. `https://graph.facebook.com/v21.0` (`WHATSAPP_GRAPH_URL`), without a trailing slash. */
  graphUrl: string;
  phoneNumberId: string;
  accessToken: string;
}

interface GraphErrorBody {
  error?: { code?: unknown; error_subcode?: unknown; type?: unknown; fbtrace_id?: unknown };
}

/**
 * Sends messages through the Cloud API (`POST {graph}/{phone-number-id}/messages`, bearer
 * token). Failures are logged by status and Meta's error code only: Meta's error messages can
 * quote the recipient's number, so they are never logged.
 */
export class WhatsAppGraphClient {
  constructor(
    private readonly settings: WhatsAppGraphSettings,
    private readonly logger: Logger,
    private readonly timeoutMs = 10_000,
  ) {}

  /**
   * Sends one message to a WhatsApp user; resolves with WhatsApp's message id (`wamid…`).
   * Throws a {@link WhatsAppSendError} when the Graph API refuses or cannot be reached.
   * `conversationId` is only used (as a pseudonym) in the log.
   */
  async send(to: string, message: OutboundWhatsAppMessage, conversationId?: string): Promise<string> {
    const url = `${this.settings.graphUrl}/${encodeURIComponent(this.settings.phoneNumberId)}/messages`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.settings.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', to, ...message }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      this.logger.warn(
        { event: 'whatsapp_send_failed', status: 0, conversation: pseudonym(conversationId), err },
        'WhatsApp Graph API not reachable',
      );
      throw new WhatsAppSendError(0);
    }
    const body = (await response.json().catch(() => undefined)) as (GraphErrorBody & { messages?: { id?: unknown }[] }) | undefined;
    if (!response.ok) {
      const e = body?.error ?? {};
      const code = typeof e.code === 'number' ? e.code : undefined;
      this.logger.warn(
        {
          event: 'whatsapp_send_failed',
          status: response.status,
          code,
          subcode: typeof e.error_subcode === 'number' ? e.error_subcode : undefined,
          type: typeof e.type === 'string' ? e.type.slice(0, 60) : undefined,
          trace: typeof e.fbtrace_id === 'string' ? e.fbtrace_id.slice(0, 60) : undefined,
          conversation: pseudonym(conversationId),
        },
        'WhatsApp Graph API refused a message',
      );
      throw new WhatsAppSendError(response.status, code);
    }
    const id = body?.messages?.[0]?.id;
    return typeof id === 'string' ? id : '';
  }
}
