/**
 * Entry point: reads `.env` (if any) and the environment, builds the service and serves it
 * until SIGTERM/SIGINT. Bad configuration or content stops start-up with a message naming what
 * to fix and a non-zero exit.
 */
import './compileCache';
import { existsSync } from 'node:fs';
import { createApp } from './app/createApp';
import { ConfigError, parseConfig } from './config';
import { createLogger } from './logging/Logger';

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error:\n  ${err.problems.join('\n  ')}`);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  let app;
  try {
    app = await createApp(config, logger);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Start-up refused:\n  ${err.problems.join('\n  ')}`);
      process.exit(2);
    }
    logger.fatal({ err: err }, 'start-up failed');
    process.exit(1);
  }
  if (config.auth.anonymous) {
    logger.warn(
      { host: config.host },
      'no MicrosoftAppId: running anonymously for local use; replies go only to loopback or SERVICE_URL_ALLOWLIST',
    );
  }
  const port = await app.server.listen();
  logger.info({ event: 'listening', host: config.host, port, storage: app.database.kind, topics: app.knowledge.topics.size }, 'fysio-assistent is ready');
  // A supervisor that started us with an IPC channel (pm2's wait_ready, the tests) learns that
  // we are serving without polling.
  process.send?.('ready');
  // Compiles the router's paths in the background, a few milliseconds at a time.
  app.router.warmUp().catch((err: unknown) => logger.warn({ event: 'warm_up_failed', err }, 'router warm-up stopped'));
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ event: 'stopping', signal }, 'shutting down');
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

void main();
