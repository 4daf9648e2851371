import { readFileSync } from 'node:fs';
import { CONFIG_VARIABLES, parseConfig, ConfigError } from '../src/config';
import { buildTestApp } from './helpers/testApp';

describe('configuration', () => {
  it('has working defaults for local use', () => {
    const c = parseConfig({});
    expect(c.port).toBe(3978);
    expect(c.host).toBe('127.0.0.1');
    expect(c.auth.anonymous).toBe(true);
    expect(c.dataDir).toBe('data');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DEFAULT_LOCALE: 'fr-FR' }, 'DEFAULT_LOCALE'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ ALLOW_ANONYMOUS: 'maybe' }, 'ALLOW_ANONYMOUS'],
    [{ RETENTION_CONVERSATION_DAYS: '0' }, 'RETENTION_CONVERSATION_DAYS'],
    [{ RETENTION_RECENT_LINES_HOURS: 'twee' }, 'RETENTION_RECENT_LINES_HOURS'],
    [{ DATABASE_LOCK_POOL_SIZE: '0' }, 'DATABASE_LOCK_POOL_SIZE'],
    [{ DATABASE_LOCK_POOL_SIZE: 'twintig' }, 'DATABASE_LOCK_POOL_SIZE'],
    [{ DATABASE_POOL_SIZE: '1000' }, 'DATABASE_POOL_SIZE'],
    [{ TURN_LOCK_WAIT_SECONDS: '0' }, 'TURN_LOCK_WAIT_SECONDS'],
    [{ TURN_LOCK_WAIT_SECONDS: '600' }, 'TURN_LOCK_WAIT_SECONDS'],
    [{ RETENTION_RECENT_LINES_HOURS: '49', RETENTION_CONVERSATION_DAYS: '2' }, 'RETENTION_RECENT_LINES_HOURS'],
    [{ ROUTER_ANSWER_MIN: '2' }, 'ROUTER_ANSWER_MIN'],
    [{ HOST: '0.0.0.0' }, 'HOST'],
    [{ MicrosoftAppId: 'abc' }, 'MicrosoftAppPassword'],
    [{ PRACTICE_FILE: 'practice.txt' }, 'PRACTICE_FILE'],
    [{ CALDAV_URL: 'ftp://agenda.example' }, 'CALDAV_URL'],
    [{ CALDAV_URL: 'https://anne:geheim@agenda.example/' }, 'CALDAV_URL'],
    [{ CALDAV_USERNAME: 'praktijk' }, 'CALDAV_PASSWORD'],
    [{ CALDAV_OAUTH_CLIENT_ID: 'id.apps.googleusercontent.com' }, 'CALDAV_OAUTH_REFRESH_TOKEN'],
    [{ CALDAV_TIMEOUT_SECONDS: '0' }, 'CALDAV_TIMEOUT_SECONDS'],
    [{ CALDAV_TIMEOUT_SECONDS: '600' }, 'CALDAV_TIMEOUT_SECONDS'],
    [{ SMTP_URL: 'http://mail.praktijk.example', SMTP_FROM: 'afspraken@praktijk.example' }, 'SMTP_URL'],
    [{ SMTP_URL: 'smtp://anne@mail.praktijk.example', SMTP_FROM: 'afspraken@praktijk.example' }, 'SMTP_URL'],
    [{ SMTP_URL: 'smtp://us%ZZ:geheim@mail.praktijk.example', SMTP_FROM: 'afspraken@praktijk.example' }, 'SMTP_URL'],
    [{ SMTP_HOST: 'mail.praktijk.example', SMTP_PORT: 'vijf', SMTP_FROM: 'afspraken@praktijk.example' }, 'SMTP_PORT'],
    [{ SMTP_HOST: 'mail.praktijk.example', SMTP_PORT: '0', SMTP_FROM: 'afspraken@praktijk.example' }, 'SMTP_PORT'],
    [{ SMTP_HOST: 'mail praktijk', SMTP_FROM: 'afspraken@praktijk.example' }, 'SMTP_HOST'],
    [{ SMTP_HOST: 'mail.praktijk.example' }, 'SMTP_FROM'],
    [{ SMTP_HOST: 'mail.praktijk.example', SMTP_FROM: 'afspraken' }, 'SMTP_FROM'],
    [{ SMTP_HOST: 'mail.praktijk.example', SMTP_FROM: 'afspraken@praktijk.example', SMTP_USER: 'anne' }, 'SMTP_PASS'],
    [{ SMTP_URL: 'smtp://mail.praktijk.example', SMTP_HOST: 'mail.praktijk.example', SMTP_FROM: 'a@praktijk.example' }, 'SMTP_HOST'],
    [{ SMTP_FROM: 'afspraken@praktijk.example' }, 'SMTP_HOST'],
  ])('refuses %j naming %s', (env, name) => {
    let error: unknown;
    try {
      parseConfig(env);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain(name);
  });

  it('reads CalDAV sign-in from the environment: Basic, OAuth (Google) or none', () => {
    expect(parseConfig({}).caldav).toEqual({ auth: { kind: 'none' }, timeoutMs: 8000, url: undefined });
    expect(parseConfig({ CALDAV_URL: 'https://cloud.example/remote.php/dav/', CALDAV_USERNAME: 'praktijk', CALDAV_PASSWORD: 'app-wachtwoord' }).caldav.auth)
      .toEqual({ kind: 'basic', username: 'praktijk', password: 'app-wachtwoord' });
    expect(parseConfig({ CALDAV_OAUTH_CLIENT_ID: 'c', CALDAV_OAUTH_CLIENT_SECRET: 's', CALDAV_OAUTH_REFRESH_TOKEN: 'r' }).caldav.auth)
      .toMatchObject({ kind: 'oauth', clientId: 'c', tokenUrl: 'https://oauth2.googleapis.com/token' });
  });

  it('never shows a CalDAV URL it refuses (it may hold a password)', () => {
    expect(() => parseConfig({ CALDAV_URL: 'https://anne:geheim@agenda.example/' })).toThrow(/^(?![\s\S]*geheim)/);
  });

  it('reads the SMTP server from SMTP_URL or SMTP_HOST and its companions; none configured means no e-mail', () => {
    expect(parseConfig({}).smtp).toBeUndefined();
    expect(parseConfig({ SMTP_URL: 'smtps://afspraken%40praktijk.example:ge%2Fheim@mail.praktijk.example', SMTP_FROM: 'Praktijk <afspraken@praktijk.example>' }).smtp)
      .toEqual({ host: 'mail.praktijk.example', port: 465, secure: true, auth: { user: 'afspraken@praktijk.example', pass: 'ge/heim' }, from: 'Praktijk <afspraken@praktijk.example>' });
    expect(parseConfig({ SMTP_HOST: 'mail.praktijk.example', SMTP_USER: 'anne', SMTP_PASS: 'geheim', SMTP_FROM: 'afspraken@praktijk.example' }).smtp)
      .toEqual({ host: 'mail.praktijk.example', port: 587, secure: false, auth: { user: 'anne', pass: 'geheim' }, from: 'afspraken@praktijk.example' });
  });

  it('never shows an SMTP URL or password it refuses', () => {
    expect(() => parseConfig({ SMTP_URL: 'ftp://anne:geheim@mail.praktijk.example', SMTP_FROM: 'a@praktijk.example' })).toThrow(/^(?![\s\S]*geheim)/);
  });

  it('allows a public interface for an anonymous bot only when told so', () => {
    expect(parseConfig({ HOST: '0.0.0.0', ALLOW_ANONYMOUS: 'true' }).host).toBe('0.0.0.0');
  });

  it.each([...CONFIG_VARIABLES])('.env.example documents %s', (name) => {
    expect(readFileSync('.env.example', 'utf8')).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
  });

  it('never echoes a secret in its error', () => {
    expect(() => parseConfig({ DATABASE_URL: 'postgres-ish://user:hunter2@db' })).toThrow(/DATABASE_URL/);
    try {
      parseConfig({ DATABASE_URL: 'postgres-ish://user:hunter2@db' });
    } catch (err) {
      expect((err as Error).message).not.toContain('hunter2');
    }
  });
});

describe('a production start with content no clinician reviewed', () => {
  it('is refused, naming the unreviewed files and the way out', async () => {
    const start = buildTestApp({ NODE_ENV: 'production' });
    await expect(start).rejects.toBeInstanceOf(ConfigError);
    const problems = await start.catch((err: ConfigError) => err.problems.join('\n'));
    expect(problems).toMatch(/NODE_ENV=production/);
    expect(problems).toMatch(/emergency\.yaml/);
    expect(problems).toMatch(/crisis-examples\.yaml/);
    expect(problems).toMatch(/topics\/[a-z-]+\.yaml/);
    expect(problems).toMatch(/ALLOW_UNREVIEWED_CONTENT=true/);
  });

  it('goes on with ALLOW_UNREVIEWED_CONTENT=true, and says so in the log', async () => {
    const { app, sink } = await buildTestApp({ NODE_ENV: 'production', ALLOW_UNREVIEWED_CONTENT: 'true' });
    try {
      expect(sink.lines.some((l) => l.includes('unreviewed_content') && l.includes('emergency.yaml'))).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('is no question outside production: the tests run in test mode', () => {
    expect(process.env.NODE_ENV).toBe('test');
    expect(parseConfig(process.env).production).toBe(false);
    expect(parseConfig({ NODE_ENV: 'production' }).production).toBe(true);
    expect(() => parseConfig({ ALLOW_UNREVIEWED_CONTENT: 'maybe' })).toThrow(/ALLOW_UNREVIEWED_CONTENT/);
  });
});
