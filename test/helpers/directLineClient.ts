import { DirectLine, ConnectionStatus, type Activity } from 'botframework-directlinejs';
import XMLHttpRequest from 'xhr2';

// The official client runs on the browser's XMLHttpRequest; Node's WebSocket is built in.
(globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest ??= XMLHttpRequest;

/** The official Direct Line client (`botframework-directlinejs`, as Web Chat uses it) on a bot's own endpoint. */
export class OfficialClient {
  readonly received: Activity[] = [];
  readonly line: DirectLine;
  private readonly subscription: { unsubscribe(): void };

  constructor(base: string, token: string, webSocket: boolean) {
    this.line = new DirectLine({ token, domain: `${base}/v3/directline`, webSocket, pollingInterval: 300 });
    this.subscription = this.line.activity$.subscribe((a) => this.received.push(a));
  }

  /** Resolves once the client is online (it has started the conversation). */
  async online(timeoutMs = 15000): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the client did not come online')), timeoutMs);
      const s = this.line.connectionStatus$.subscribe((status) => {
        if (status === ConnectionStatus.Online) {
          clearTimeout(timer);
          setTimeout(() => s.unsubscribe());
          resolve();
        }
      });
    });
  }

  get conversationId(): string {
    return (this.line as unknown as { conversationId: string }).conversationId;
  }

  /** Posts a message as the user and resolves with its id. */
  async say(text: string): Promise<string> {
    return new Promise((resolve, reject) => {
      this.line.postActivity({ type: 'message', text, from: { id: 'user' }, locale: 'nl-NL' } as Activity).subscribe({ next: resolve, error: reject });
    });
  }

  /** The bot's messages received so far. */
  botTexts(): string[] {
    return this.received.filter((a) => a.type === 'message' && a.from.role === 'bot').map((a) => ('text' in a ? String(a.text ?? '') : ''));
  }

  /** Waits until some bot message matches. */
  async botSays(pattern: RegExp, timeoutMs = 15000): Promise<string> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.botTexts().find((t) => pattern.test(t));
      if (hit !== undefined) return hit;
      if (Date.now() > until) throw new Error(`no bot message matched ${pattern}; got: ${this.botTexts().join(' | ').slice(0, 500)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  end(): void {
    this.subscription.unsubscribe();
    this.line.end();
  }
}
