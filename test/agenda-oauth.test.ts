import { createServer, type Server } from 'node:http';
import { AgendaUnavailableError, CalDavAgenda, CalDavConnection } from '../src/agenda';
import { freePort } from './helpers/radicale';

// Google's CalDAV takes an OAuth access token, got from a refresh token: a real token endpoint
// on this machine stands in for Google's.
describe('CalDAV sign-in with OAuth (Google Calendar)', () => {
  let server: Server;
  let url: string;
  const requests: URLSearchParams[] = [];
  let issued = 0;

  beforeAll(async () => {
    const port = await freePort();
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        requests.push(new URLSearchParams(body));
        issued += 1;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ access_token: `token-${issued}`, expires_in: 3600, token_type: 'Bearer' }));
      });
    });
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
    url = `http://127.0.0.1:${port}/token`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('exchanges the refresh token for an access token once, and sends it as a Bearer token', async () => {
    const connection = new CalDavConnection({
      url: 'https://apidata.googleusercontent.com/',
      auth: { kind: 'oauth', clientId: 'client-1', clientSecret: 'secret-1', refreshToken: 'refresh-1', tokenUrl: url },
      timeoutMs: 5000,
    });
    expect(await connection.headers()).toEqual({ authorization: 'Bearer token-1' });
    expect(await connection.headers()).toEqual({ authorization: 'Bearer token-1' });
    expect(requests).toHaveLength(1);
    expect(Object.fromEntries(requests[0])).toMatchObject({ grant_type: 'refresh_token', refresh_token: 'refresh-1', client_id: 'client-1', client_secret: 'secret-1' });
    expect(connection.resolve('/caldav/v2/anne%40praktijk.nl/events')).toBe('https://apidata.googleusercontent.com/caldav/v2/anne%40praktijk.nl/events/');
  });
});

describe('a calendar URL that is not a CalDAV calendar', () => {
  it('counts as unreachable, never as a free calendar (a web page answering 200)', async () => {
    const port = await freePort();
    const page = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>Welkom bij onze praktijk</body></html>');
    });
    await new Promise<void>((r) => page.listen(port, '127.0.0.1', r));
    try {
      const agenda = new CalDavAgenda('/agenda/', new CalDavConnection({ url: `http://127.0.0.1:${port}/`, auth: { kind: 'none' }, timeoutMs: 5000 }), 'Europe/Amsterdam');
      await expect(agenda.busy(new Date('2026-11-23T00:00:00Z'), new Date('2026-12-23T00:00:00Z'))).rejects.toBeInstanceOf(AgendaUnavailableError);
    } finally {
      await new Promise<void>((r) => page.close(() => r()));
    }
  });
});
