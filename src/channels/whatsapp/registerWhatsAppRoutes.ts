import type { Request, Response, Server } from 'restify';
import { WhatsAppWebhook, type WhatsAppWebhookDeps } from './WhatsAppWebhook';

/** The path Meta's webhook configuration points at: `https://<host>/api/whatsapp`. */
export const WHATSAPP_WEBHOOK_PATH = '/api/whatsapp';

/**
 * Mounts `GET /api/whatsapp` (verification handshake) and `POST /api/whatsapp` (signed event
 * notifications) on the restify server. The server must parse bodies with restify's
 * bodyParser, which keeps the raw body the signature is computed over. Returns the webhook,
 * whose `settled()` waits for messages still being handled.
 */
export function registerWhatsAppRoutes(server: Server, deps: WhatsAppWebhookDeps): WhatsAppWebhook {
  const webhook = new WhatsAppWebhook(deps);
  server.get(WHATSAPP_WEBHOOK_PATH, async (req: Request, res: Response) => webhook.verify(req, res));
  server.post(WHATSAPP_WEBHOOK_PATH, async (req: Request, res: Response) => webhook.notify(req, res));
  return webhook;
}
