/**
 * The framework's floor for `npm run bench`: a bare botbuilder echo bot on the same stack as
 * fysio-assistent (restify 12 with the same body parser, CloudAdapter, anonymous), with nothing
 * else: no content, no state, no storage. `PORT` picks the port; it listens on 127.0.0.1 only.
 * `/readyz` answers once it listens, so start-up is timed the same way as the real server.
 *
 * With `ECHO_DIALOGS=1` it is the second floor: the same echo, but through what every
 * botbuilder-dialogs bot pays on each turn: conversation state loaded and saved (in botbuilder's
 * MemoryStorage, so no database and no disk), a DialogSet, and a ComponentDialog whose
 * WaterfallDialog echoes. The gap between the two floors is the framework's own price for
 * dialogs and state, before any work of the bot's own.
 */
import {
  ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, MemoryStorage, type TurnContext,
} from 'botbuilder';
import type { DialogState, WaterfallStepContext } from 'botbuilder-dialogs';
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

/**
 * The echo through conversation state and a ComponentDialog with one waterfall step that
 * echoes and ends, as a bot's main dialog is. botbuilder-dialogs is loaded only for this floor,
 * so the plain echo bot's start-up and memory stay the bare framework's.
 */
async function dialogEchoBot(): Promise<ActivityHandler> {
  const { ComponentDialog, DialogSet, DialogTurnStatus, WaterfallDialog } = await import('botbuilder-dialogs');
  class EchoDialog extends ComponentDialog {
    constructor() {
      super('echo');
      this.addDialog(
        new WaterfallDialog('echo-steps', [
          async (step: WaterfallStepContext) => {
            await step.context.sendActivity(`echo: ${step.context.activity.text ?? ''}`);
            return step.endDialog();
          },
        ]),
      );
    }
  }
  class DialogEchoBot extends ActivityHandler {
    constructor(private readonly state: ConversationState) {
      super();
      const dialogs = new DialogSet(state.createProperty<DialogState>('dialogState'));
      dialogs.add(new EchoDialog());
      const turns = state.createProperty<number>('turns');
      this.onMessage(async (context: TurnContext, next) => {
        await turns.set(context, (await turns.get(context, 0)) + 1);
        const dc = await dialogs.createContext(context);
        const result = await dc.continueDialog();
        if (result.status === DialogTurnStatus.empty) await dc.beginDialog('echo');
        await next();
      });
    }

    override async run(context: TurnContext): Promise<void> {
      await super.run(context);
      await this.state.saveChanges(context, false);
    }
  }
  return new DialogEchoBot(new ConversationState(new MemoryStorage()));
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3979);
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: '', MicrosoftAppTenantId: '' }),
  );
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    console.error(`turn failed: ${error.message}`);
    await context.sendActivity('error');
  };
  const bot = process.env.ECHO_DIALOGS === '1' ? await dialogEchoBot() : new EchoBot();
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

void main();
