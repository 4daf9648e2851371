/** What Azure's Direct Line answers to a token request, as the page needs it. */
export interface AzureDirectLineToken {
  token: string;
  conversationId: string;
  expiresIn: number;
  /** Base URL of the Direct Line API for Web Chat's `domain` option. */
  domain: string;
}

/** Thrown when Azure does not hand out a token; `status` is Azure's HTTP status, when it answered. */
export class AzureDirectLineError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
    this.name = 'AzureDirectLineError';
  }
}

/** The default Azure Direct Line endpoint (global); regional ones can be passed in instead. */
export const AZURE_DIRECT_LINE_URL = 'https://directline.botframework.com';

/**
 * Exchanges the Direct Line secret for a short-lived conversation token, so the secret never
 * reaches a browser. The base URL is injectable: tests point it at a fake server on 127.0.0.1.
 */
export class AzureDirectLineTokenClient {
  private readonly baseUrl: string;

  constructor(
    private readonly secret: string,
    baseUrl: string = AZURE_DIRECT_LINE_URL,
    private readonly timeoutMs = 10000,
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /** The origin Web Chat will talk to, for the page's Content-Security-Policy. */
  get origin(): string {
    return new URL(this.baseUrl).origin;
  }

  /** A token for a new conversation with the given user id (Azure wants it to start with `dl_`). */
  async generate(userId: string): Promise<AzureDirectLineToken> {
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}/v3/directline/tokens/generate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ user: { id: userId } }),
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'error',
      });
    } catch (err) {
      throw new AzureDirectLineError(`Direct Line token request failed: ${(err as Error).name}`);
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw new AzureDirectLineError(`Direct Line token request refused`, res.status);
    }
    const body = (await res.json().catch(() => undefined)) as Record<string, unknown> | undefined;
    const token = body?.token;
    const conversationId = body?.conversationId;
    const expiresIn = body?.expires_in;
    if (typeof token !== 'string' || typeof conversationId !== 'string' || typeof expiresIn !== 'number') {
      throw new AzureDirectLineError('Direct Line token response is not understood', res.status);
    }
    return { token, conversationId, expiresIn, domain: `${this.baseUrl}/v3/directline` };
  }
}
