import type { TurnContext } from 'botbuilder';
import type { ConnectorClient, UserTokenClient } from 'botframework-connector';
import type { App } from '../src/app/createApp';
import { ReusedClients } from '../src/server/ReusedClients';
import { buildTestApp } from './helpers/testApp';

/*
 * The Bot Framework clients for outbound calls are made once per bot, service URL and audience
 * and reused by later turns (botbuilder makes new ones for every activity).
 */

let app: App;
let base: string;
const seen: { connector: ConnectorClient; tokens: UserTokenClient }[] = [];

beforeAll(async () => {
  ({ app } = await buildTestApp());
  base = `http://127.0.0.1:${await app.server.listen()}`;
  const run = app.bot.run.bind(app.bot);
  jest.spyOn(app.bot, 'run').mockImplementation(async (context: TurnContext) => {
    seen.push({ connector: context.turnState.get(app.adapter.ConnectorClientKey), tokens: context.turnState.get(app.adapter.UserTokenClientKey) });
    return run(context);
  });
});
afterAll(() => app.close());

async function ask(serviceUrl: string, conversation: string): Promise<string> {
  const res = await fetch(`${base}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message', channelId: 'emulator', serviceUrl, deliveryMode: 'expectReplies', text: 'helpt afvallen bij knieartrose?',
      conversation: { id: conversation }, from: { id: 'u1' }, recipient: { id: 'bot' },
    }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { activities: { text: string }[] };
  return body.activities[0].text;
}

describe('outbound Bot Framework clients', () => {
  it('serves turns of different conversations with the same clients, and another service URL with its own', async () => {
    seen.length = 0;
    expect(await ask('http://127.0.0.1:9', 'reuse-a')).toMatch(/gewicht|afvallen/i);
    await ask('http://127.0.0.1:9', 'reuse-b');
    await ask('http://127.0.0.1:8', 'reuse-c');
    expect(seen).toHaveLength(3);
    expect(seen[0].connector).toBeDefined();
    expect(seen[1].connector).toBe(seen[0].connector);
    expect(seen[2].connector).not.toBe(seen[0].connector);
    expect(seen[1].tokens).toBe(seen[0].tokens);
    expect(seen[2].tokens).toBe(seen[0].tokens);
  });
});

describe('ReusedClients', () => {
  const client = (n: number) => ({ n }) as unknown as ConnectorClient;

  it('keeps at most 64 clients, however many service URLs requests name', async () => {
    const cache = new ReusedClients();
    for (let i = 0; i < 200; i++) await cache.reuse(`url-${i}`, async () => client(i));
    expect(cache.size).toBe(64);
    // The newest are kept; the oldest made room.
    expect(await cache.reuse('url-199', async () => client(-1))).toEqual({ n: 199 });
    expect(await cache.reuse('url-0', async () => client(-1))).toEqual({ n: -1 });
  });

  it('does not keep a client whose making failed, so the next turn tries again', async () => {
    const cache = new ReusedClients();
    await expect(cache.reuse('x', async () => Promise.reject(new Error('no credentials')))).rejects.toThrow('no credentials');
    expect(await cache.reuse('x', async () => client(2))).toEqual({ n: 2 });
  });
});
