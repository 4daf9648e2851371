import type { App } from '../../src/app/createApp';
import type { WebChannelDeps } from '../../src/channels/web';
import type { DirectLineAdapter } from '../../src/channels/directline';
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
 * Builds the real service (createApp mounts the website chat) and listens on a free port. The
 * app's clock is the channel's, so tests can expire tokens.
 */
export async function startWebApp(env: Record<string, string> = {}, extra: Partial<WebChannelDeps> = {}): Promise<WebTestApp> {
  const sink = new LogSink();
  const { app, clock } = await buildTestApp(env, undefined, sink, undefined, { webChannel: extra });
  const port = await app.server.listen();
  return { app, sink, adapter: app.webChat, clock, base: `http://127.0.0.1:${port}`, close: () => app.close() };
}
