import { readFileSync } from 'node:fs';
import { CONFIG_VARIABLES, parseConfig, ConfigError } from '../src/config';

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
    [{ ROUTER_ANSWER_MIN: '2' }, 'ROUTER_ANSWER_MIN'],
    [{ HOST: '0.0.0.0' }, 'HOST'],
    [{ MicrosoftAppId: 'abc' }, 'MicrosoftAppPassword'],
    [{ PRACTICE_FILE: 'practice.txt' }, 'PRACTICE_FILE'],
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
