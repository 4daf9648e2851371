import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage } from 'botbuilder';
import type { App } from '../src/app/createApp';
import { buildTestApp } from './helpers/testApp';

// A website chat over real HTTP whose service restarts mid-booking: the page's token (signed with
// the key kept in DATA_DIR) reconnects to the same conversation, and the bot asks its open
// question again. The conversation state lives in storage that outlives the process (here one
// MemoryStorage handed to both processes' apps; SQLite's own restart is in typed-conversations).

async function serve(dir: string, storage: MemoryStorage): Promise<{ app: App; base: string }> {
  const { app } = await buildTestApp({ DATA_DIR: dir }, storage);
  const port = await app.server.listen();
  return { app, base: `http://127.0.0.1:${port}` };
}

async function call(base: string, method: string, path: string, token?: string, body?: unknown): Promise<Response> {
  return fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function botTexts(base: string, conversationId: string, token: string): Promise<string[]> {
  const res = await call(base, 'GET', `/v3/directline/conversations/${encodeURIComponent(conversationId)}/activities`, token);
  const { activities } = (await res.json()) as { activities: { text?: string; from: { role?: string } }[] };
  return activities.filter((a) => a.from.role === 'bot').map((a) => a.text ?? '');
}

describe('website chat across a restart of the service', () => {
  it('reconnects the page to its conversation and goes on with the booking', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fysio-webrestart-'));
    const storage = new MemoryStorage();
    const first = await serve(dir, storage);
    const { token, conversationId } = (await (await call(first.base, 'POST', '/api/directline/token', undefined, {})).json()) as { token: string; conversationId: string };
    expect((await call(first.base, 'POST', '/v3/directline/conversations', token)).status).toBe(201);
    const path = `/v3/directline/conversations/${encodeURIComponent(conversationId)}/activities`;
    for (const text of ['afspraak maken', 'ja']) {
      expect((await call(first.base, 'POST', path, token, { type: 'message', text, locale: 'nl-NL' })).status).toBe(200);
    }
    expect((await botTexts(first.base, conversationId, token)).pop()).toMatch(/Over welk gewricht/);
    await first.app.close();

    const second = await serve(dir, storage);
    try {
      // The token from before the restart still holds: the key is the one in DATA_DIR.
      const refreshed = await call(second.base, 'POST', '/v3/directline/tokens/refresh', token);
      expect(refreshed.status).toBe(200);
      const fresh = ((await refreshed.json()) as { token: string }).token;
      expect((await call(second.base, 'GET', `/v3/directline/conversations/${encodeURIComponent(conversationId)}`, fresh)).status).toBe(200);
      const after = await botTexts(second.base, conversationId, fresh);
      expect(after.join('\n')).toMatch(/we gaan verder waar je was[\s\S]*Over welk gewricht/);
      expect((await call(second.base, 'POST', path, fresh, { type: 'message', text: 'de knie', locale: 'nl-NL' })).status).toBe(200);
      expect((await botTexts(second.base, conversationId, fresh)).pop()).toMatch(/Aan welke kant/);
    } finally {
      await second.app.close();
    }
  }, 240000);
});
