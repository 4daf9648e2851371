import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import type { App } from '../src/app/createApp';
import { channelAuthenticationOptions } from '../src/server/ChannelAuthentication';
import { buildTestApp } from './helpers/testApp';

/*
 * Bot Framework authentication end to end: a local OpenID metadata server publishes the public
 * half of a locally generated RSA key, and tokens are minted the way the Bot Connector service
 * mints them (issuer https://api.botframework.com, audience = our app id, a serviceUrl claim).
 * botframework-connector caches metadata per URL for 24 hours in a static map, so the whole
 * file shares one metadata server and one URL.
 */

const APP_ID = randomUUID();
const ISSUER = 'https://api.botframework.com';
const KID = 'fysio-test-key';
const SERVICE_URL = 'http://127.0.0.1:9/';

const ours = generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });

let metadata: Server;
let metadataRequests = 0;
let keyRequests = 0;
let app: App;
let base: string;
let logic: jest.SpyInstance;

beforeAll(async () => {
  // The adapter prints every refused request with console.error; keep the test output readable.
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const jwk = { ...ours.publicKey.export({ format: 'jwk' }), kid: KID, use: 'sig', alg: 'RS256', endorsements: ['msteams', 'emulator', 'webchat', 'directline'] };
  metadata = createServer((req, res) => {
    const port = (metadata.address() as AddressInfo).port;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/.well-known/openid-configuration') {
      metadataRequests += 1;
      res.end(JSON.stringify({ issuer: ISSUER, jwks_uri: `http://127.0.0.1:${port}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
    } else if (req.url === '/keys') {
      keyRequests += 1;
      res.end(JSON.stringify({ keys: [jwk] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => metadata.listen(0, '127.0.0.1', resolve));
  const metadataPort = (metadata.address() as AddressInfo).port;

  ({ app } = await buildTestApp({
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'x'.repeat(16),
    MicrosoftAppType: 'MultiTenant',
    HOST: '127.0.0.1',
    BOT_OPENID_METADATA: `http://127.0.0.1:${metadataPort}/.well-known/openid-configuration`,
  }));
  base = `http://127.0.0.1:${await app.server.listen()}`;
  logic = jest.spyOn(app.bot, 'run');
});

afterAll(async () => {
  await app?.close();
  await new Promise<void>((resolve) => metadata.close(() => resolve()));
  jest.restoreAllMocks();
});

beforeEach(() => logic.mockClear());

interface MintOptions {
  key?: KeyObject;
  kid?: string;
  claims?: Record<string, unknown>;
  expiresInSeconds?: number;
}

/** A token as the Bot Connector service would send it, with any part overridden. */
function mint({ key = ours.privateKey, kid = KID, claims = {}, expiresInSeconds = 3600 }: MintOptions = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = { iss: ISSUER, aud: APP_ID, serviceurl: SERVICE_URL, nbf: now - 60, iat: now - 60, exp: now + expiresInSeconds, ...claims };
  return jwt.sign(payload, key, { algorithm: 'RS256', keyid: kid });
}

const activity = () => ({
  type: 'message', channelId: 'msteams', serviceUrl: SERVICE_URL, deliveryMode: 'expectReplies', locale: 'nl-NL',
  text: 'mag ik sporten met knieartrose?',
  conversation: { id: `auth-${randomUUID()}` }, from: { id: 'patient' }, recipient: { id: APP_ID },
});

async function post(authorization?: string): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization !== undefined) headers.authorization = authorization;
  const res = await fetch(`${base}/api/messages`, { method: 'POST', headers, body: JSON.stringify(activity()) });
  return { status: res.status, text: await res.text() };
}

/** Base64url without padding, for hand-made tokens. */
const b64 = (value: object | string) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

describe('Bot Framework authentication on /api/messages', () => {
  it('accepts a correctly signed token for our app id and the bot answers', async () => {
    const res = await post(`Bearer ${mint()}`);
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text) as { activities: { text?: string }[] };
    expect(body.activities.length).toBeGreaterThan(0);
    expect(body.activities.map((a) => a.text ?? '').join('\n')).toMatch(/fietsen/);
    expect(logic).toHaveBeenCalledTimes(1);
  });

  const now = () => Math.floor(Date.now() / 1000);
  const refused: [string, () => string | undefined][] = [
    ['no Authorization header', () => undefined],
    ['an empty Authorization header', () => ''],
    ['a token signed by another key under our key id', () => `Bearer ${mint({ key: stranger.privateKey })}`],
    ['a token signed by a key that is not in the JWKS', () => `Bearer ${mint({ key: stranger.privateKey, kid: 'unknown-key' })}`],
    ['an expired token (an hour past, beyond the 5-minute clock tolerance)', () => `Bearer ${mint({ claims: { nbf: now() - 7200, iat: now() - 7200, exp: now() - 3600 } })}`],
    ['a token that is not valid yet', () => `Bearer ${mint({ claims: { nbf: now() + 3600 } })}`],
    ['a token for another audience', () => `Bearer ${mint({ claims: { aud: randomUUID() } })}`],
    ['a token from another issuer', () => `Bearer ${mint({ claims: { iss: 'https://sts.example.invalid/' } })}`],
    ['a token for another serviceUrl', () => `Bearer ${mint({ claims: { serviceurl: 'https://attacker.example/' } })}`],
    ['an unsigned token (alg none)', () => `Bearer ${b64({ alg: 'none', typ: 'JWT', kid: KID })}.${b64({ iss: ISSUER, aud: APP_ID, serviceurl: SERVICE_URL, exp: now() + 3600 })}.`],
    ['an HS256 token keyed with our public key (algorithm confusion)', () =>
      `Bearer ${jwt.sign({ iss: ISSUER, aud: APP_ID, serviceurl: SERVICE_URL }, ours.publicKey.export({ format: 'pem', type: 'spki' }).toString(), { algorithm: 'HS256', keyid: KID, expiresIn: 3600 })}`],
    ['a malformed header: scheme only', () => 'Bearer'],
    ['a malformed header: Basic credentials', () => `Basic ${b64(`${APP_ID}:${'x'.repeat(16)}`)}`],
    ['a malformed header: lower-case scheme', () => `bearer ${mint()}`],
    ['a malformed header: three parts', () => `Bearer ${mint()} extra`],
    ['a malformed header: not a JWT', () => 'Bearer not-a-jwt'],
    ['a malformed header: garbage segments', () => `Bearer ${b64('{"alg":')}.${b64('[]')}.AAAA`],
  ];

  it.each(refused)('refuses %s with 401 and never runs the bot', async (_name, header) => {
    const res = await post(header());
    expect(res.status).toBe(401);
    expect(res.text).not.toMatch(/fietsen|activities/);
    expect(logic).not.toHaveBeenCalled();
    // The server stays up for the next request.
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('fetched the signing keys once and served every request from its cache', () => {
    expect(metadataRequests).toBe(1);
    expect(keyRequests).toBe(1);
  });
});

describe('channelAuthenticationOptions', () => {
  const auth = { appId: APP_ID, appPassword: 'x'.repeat(16), appType: 'MultiTenant' as const, anonymous: false };

  it('leaves the public-cloud defaults to botbuilder when the metadata URL is not overridden', () => {
    expect(Object.keys(channelAuthenticationOptions(auth)).sort()).toEqual(
      ['MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppTenantId', 'MicrosoftAppType'],
    );
  });

  it('keeps the Bot Framework issuer and login URL when it is', () => {
    const options = channelAuthenticationOptions({ ...auth, openIdMetadata: 'http://127.0.0.1:1/.well-known/openid-configuration' });
    expect(options.ToBotFromChannelOpenIdMetadataUrl).toBe('http://127.0.0.1:1/.well-known/openid-configuration');
    expect(options.ToBotFromChannelTokenIssuer).toBe(ISSUER);
    expect(options.ToChannelFromBotLoginUrl).toBe('https://login.microsoftonline.com/botframework.com');
  });
});
