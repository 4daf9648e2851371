/**
 * The framework's floor for `npm run bench`: a bare botbuilder echo bot on the same stack as
 * fysio-assistent (restify 12 with the same body parser, CloudAdapter, anonymous), with nothing
 * else: no content, no state, no storage. `PORT` picks the port; it listens on 127.0.0.1 only.
 * `/readyz` answers once it listens, so start-up is timed the same way as the real server.
 */
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import restify, { type Request, type Response } from 'restify';

/** Replies to every message with its own text. */
class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context: TurnContext, next) => {
      await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
      await next();
    });
  }
}

function main(): void {
  const port = Number(process.env.PORT ?? 3979);
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: '', MicrosoftAppTenantId: '' }),
  );
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    console.error(`turn failed: ${error.message}`);
    await context.sendActivity('error');
  };
  const bot = new EchoBot();
  const server = restify.createServer({ name: 'echo-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 262144, mapParams: false, mapFiles: false }));
  server.get('/healthz', async (_req: Request, res: Response) => {
    res.json(200, { status: 'ok' });
  });
  server.get('/readyz', async (_req: Request, res: Response) => {
    res.json(200, { status: 'ready' });
  });
  server.post('/api/messages', async (req: Request, res: Response) => {
    try {
      await adapter.process(req, res, (context) => bot.run(context));
    } catch {
      if (!res.headersSent) res.json(400, { error: 'activity could not be processed' });
    }
  });
  server.listen(port, '127.0.0.1');
  const stop = () => {
    server.close(() => process.exit(0));
    server.server.closeIdleConnections?.();
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main();
