import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { pseudonym, type Logger } from '../../logging/Logger';
import type { DirectLineStore } from './DirectLineStore';
import type { DirectLineTokenIssuer } from './DirectLineTokenIssuer';
import { liveConversation } from './DirectLineRoutes';
import { normalizeOrigin } from './DirectLineTokenEndpoint';
import type { UpgradeHandler } from '../../server/BotServer';

/** What the stream needs. */
export interface DirectLineStreamDeps {
  store: DirectLineStore;
  issuer: DirectLineTokenIssuer;
  logger: Logger;
  /** Locale of a conversation opened again after it was dropped from memory. */
  locale: string;
  /** Streams open at once on this instance; more are refused with 503. */
  maxStreams?: number;
  /** Streams per conversation (a patient with the chat open in a few tabs). */
  maxStreamsPerConversation?: number;
  /** How often a ping checks that the other side is still there. */
  heartbeatMs?: number;
  /**
   * Web pages that may open a stream besides the bot's own (PUBLIC_URL's origin, the practice's
   * WEBSITE_ORIGINS). The page's own address (the request's Host) is always allowed.
   */
  origins?: readonly (string | undefined)[];
}

const STREAM_PATH = /^\/v3\/directline\/conversations\/([A-Za-z0-9_-]{1,64})\/stream$/;

/**
 * The Direct Line 3.0 WebSocket stream (`streamUrl`): the server pushes activity sets
 * (`{"activities": […], "watermark": "n"}`) as the conversation gets them, the client only
 * listens (it sends empty messages to keep the line open, and posts its own activities over
 * HTTP). The store wakes the stream when any instance adds an activity. The token is in the
 * URL's `t` (as Azure's is), or in an Authorization header. A browser always says which page
 * opens a WebSocket (`Origin`), and CORS does not guard WebSockets: a stream asked for by a page
 * of another site is refused (403). Clients that are not browsers send no Origin (the official
 * botframework-directlinejs client in Node) and are served on their token alone.
 */
export class DirectLineStream implements UpgradeHandler {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  private readonly perConversation = new Map<string, number>();
  private open = 0;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly origins: ReadonlySet<string>;

  constructor(private readonly deps: DirectLineStreamDeps) {
    this.origins = new Set((deps.origins ?? []).map((o) => (o ? normalizeOrigin(o) : undefined)).filter((o): o is string => o !== undefined));
    this.heartbeat = setInterval(() => {
      for (const socket of this.wss.clients) {
        const s = socket as WebSocket & { alive?: boolean };
        if (s.alive === false) s.terminate();
        else {
          s.alive = false;
          s.ping();
        }
      }
    }, deps.heartbeatMs ?? 30_000);
    this.heartbeat.unref();
  }

  /** Takes an upgrade request for a stream path (true), or leaves it to others (false). */
  handle(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      return false; // not an address: left to the server's own refusal
    }
    if (!STREAM_PATH.test(path)) return false;
    // Node takes its own error listener off an upgraded socket: without one, a client that
    // resets while the token is checked would end the process.
    socket.on('error', () => socket.destroy());
    void this.upgrade(req, socket, head).catch((err: unknown) => {
      this.deps.logger.warn({ event: 'webchat_stream_failed', err }, 'web chat stream not opened');
      refuse(socket, 500);
    });
    return true;
  }

  /** Closes every stream (the service stops). */
  close(): void {
    clearInterval(this.heartbeat);
    for (const socket of this.wss.clients) socket.close(1001);
    this.wss.close();
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) return refuse(socket, 404);
    if (!this.originAllowed(req)) {
      this.deps.logger.warn({ event: 'webchat_stream_origin_refused' }, 'web chat stream asked for by a page of another site');
      return refuse(socket, 403);
    }
    const header = typeof req.headers.authorization === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization)?.[1] : undefined;
    const token = url.searchParams.get('t') ?? header;
    const claims = token ? this.deps.issuer.verify(token) : undefined;
    if (!claims) return refuse(socket, 401);
    if (claims.conversationId !== match[1]) return refuse(socket, 403);
    const raw = url.searchParams.get('watermark');
    const watermark = raw && /^\d{1,15}$/.test(raw) ? Number(raw) : raw === null || raw === '' || raw === '-' ? 0 : undefined;
    if (watermark === undefined) return refuse(socket, 400);
    const conversationId = claims.conversationId;
    if ((this.perConversation.get(conversationId) ?? 0) >= (this.deps.maxStreamsPerConversation ?? 5) || this.open >= (this.deps.maxStreams ?? 2000)) {
      return refuse(socket, 503);
    }
    if (!(await liveConversation(this.deps.store, claims, this.deps.locale))) return refuse(socket, 404);
    this.wss.handleUpgrade(req, socket, head, (ws) => this.serve(ws, conversationId, watermark));
  }

  /** No Origin (not a browser), the page's own origin, or one of the configured ones. */
  private originAllowed(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    if (typeof origin !== 'string' || origin === 'null') return false;
    const given = origin.toLowerCase();
    if (this.origins.has(given)) return true;
    // The address the browser itself used: a page of another site cannot make the browser send
    // our Host with its own Origin.
    const host = req.headers.host?.toLowerCase();
    return Boolean(host) && (given === `http://${host}` || given === `https://${host}`);
  }

  private serve(ws: WebSocket & { alive?: boolean }, conversationId: string, from: number): void {
    this.open++;
    this.perConversation.set(conversationId, (this.perConversation.get(conversationId) ?? 0) + 1);
    ws.alive = true;
    ws.on('pong', () => (ws.alive = true));
    // The client's keep-alive messages are empty; anything else is ignored, as Azure does.
    ws.on('message', () => (ws.alive = true));
    let watermark = from;
    let sending = false;
    let again = false;
    // One read at a time: a wake-up during a read is served by one more read after it.
    const pump = async (): Promise<void> => {
      if (sending) {
        again = true;
        return;
      }
      sending = true;
      try {
        do {
          again = false;
          const set = await this.deps.store.since(conversationId, watermark);
          if (set.activities.length && ws.readyState === ws.OPEN) {
            watermark = set.watermark;
            ws.send(JSON.stringify({ activities: set.activities, watermark: String(set.watermark) }));
          }
        } while (again && ws.readyState === ws.OPEN);
      } catch (err) {
        this.deps.logger.warn({ event: 'webchat_stream_read_failed', err, conversation: pseudonym(conversationId) }, 'web chat stream missed a read');
      } finally {
        sending = false;
      }
    };
    const stop = this.deps.store.watch(conversationId, () => void pump());
    ws.on('close', () => {
      stop();
      this.open--;
      const n = (this.perConversation.get(conversationId) ?? 1) - 1;
      if (n) this.perConversation.set(conversationId, n);
      else this.perConversation.delete(conversationId);
    });
    ws.on('error', () => ws.terminate());
    void pump();
  }
}

function refuse(socket: Duplex, status: number): void {
  const reason: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error', 503: 'Service Unavailable' };
  if (socket.writable) socket.end(`HTTP/1.1 ${status} ${reason[status] ?? 'Error'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  else socket.destroy();
}
