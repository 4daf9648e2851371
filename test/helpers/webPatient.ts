/** Where requests go: an instance, or the proxy in front of several. */
export interface Endpoint { base: string }

/** The password of the console user 'anna' in the shared-instance tests. */
export const CONSOLE_PASSWORD = 'correct horse battery';

/** A web chat patient over raw Direct Line; each request goes where its `on` says. */
export class WebPatient {
  conversationId = '';
  token = '';
  private seen = 0;

  static async start(on: Endpoint): Promise<WebPatient> {
    const p = new WebPatient();
    const t = (await (await fetch(`${on.base}/api/directline/token`, { method: 'POST' })).json()) as { token: string };
    const res = await fetch(`${on.base}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${t.token}` } });
    const c = (await res.json()) as { conversationId: string; token: string };
    Object.assign(p, { conversationId: c.conversationId, token: c.token });
    return p;
  }

  async say(on: Endpoint, text: string): Promise<void> {
    const res = await fetch(`${on.base}/v3/directline/conversations/${this.conversationId}/activities`, {
      method: 'POST', headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text, locale: 'nl-NL', from: { id: 'patient' } }),
    });
    expect(res.status).toBe(200);
  }

  /** The bot's messages since the last call, read through `on`. */
  async news(on: Endpoint): Promise<{ text: string; actions: string[] }[]> {
    const res = await fetch(`${on.base}/v3/directline/conversations/${this.conversationId}/activities`, { headers: { authorization: `Bearer ${this.token}` } });
    const all = ((await res.json()) as { activities: { text?: string; from: { role?: string }; type: string; suggestedActions?: { actions: { title?: string }[] } }[] }).activities;
    const fresh = all.slice(this.seen);
    this.seen = all.length;
    return fresh.filter((a) => a.type === 'message' && a.from.role === 'bot').map((a) => ({ text: a.text ?? '', actions: (a.suggestedActions?.actions ?? []).map((x) => x.title ?? '') }));
  }

  async sayAndHear(on: Endpoint, text: string): Promise<string> {
    await this.say(on, text);
    return (await this.news(on)).map((m) => m.text).join('\n');
  }
}

export async function signIn(on: Endpoint): Promise<string> {
  const res = await fetch(`${on.base}/console/api/signin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'anna', password: CONSOLE_PASSWORD }) });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

/** A console's live queue (its event stream) open on `on`: the events it receives. */
export async function liveQueue(on: Endpoint, cookie: string): Promise<{ events: { type: string; ticketId: string }[]; close: () => void }> {
  const abort = new AbortController();
  const res = await fetch(`${on.base}/console/api/events`, { headers: { cookie }, signal: abort.signal });
  expect(res.status).toBe(200);
  const events: { type: string; ticketId: string }[] = [];
  const reader = res.body!.getReader();
  void (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += Buffer.from(value!).toString('utf8');
      let at: number;
      while ((at = buffer.indexOf('\n\n')) >= 0) {
        const chunk = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        if (chunk.startsWith('data: ')) events.push(JSON.parse(chunk.slice(6)));
      }
    }
  })();
  return { events, close: () => abort.abort() };
}

