import type { App } from '../../src/app/createApp';
import { registerWebChannel, type WebChannelDeps } from '../../src/channels/web';
import type { DirectLineAdapter } from '../../src/channels/directline';
import { I18nextTranslator } from '../../src/i18n/Translator';
import { createLogger } from '../../src/logging/Logger';
import { FixedClock } from '../../src/util/Clock';
import { buildTestApp, LogSink } from './testApp';

/** A real app with the website chat mounted, listening on 127.0.0.1. */
export interface WebTestApp {
  app: App;
  sink: LogSink;
  adapter: DirectLineAdapter;
  clock: FixedClock;
  base: string;
  close(): Promise<void>;
}

/**
 * Builds the real service, mounts the web channel the way createApp will (one call), and
 * listens on a free port. The channel gets its own clock so tests can expire tokens.
 */
export async function startWebApp(env: Record<string, string> = {}, extra: Partial<WebChannelDeps> = {}): Promise<WebTestApp> {
  const sink = new LogSink();
  const { app } = await buildTestApp(env, undefined, sink);
  const clock = new FixedClock(new Date('2026-11-23T09:00:00Z'));
  const adapter = registerWebChannel(app.server.server, {
    config: app.config,
    logic: (context) => app.bot.run(context),
    logger: createLogger(app.config.logLevel, sink),
    practice: app.knowledge.practice,
    translator: new I18nextTranslator(app.config.localesDir),
    clock,
    ...extra,
  });
  const port = await app.server.listen();
  return { app, sink, adapter, clock, base: `http://127.0.0.1:${port}`, close: () => app.close() };
}
