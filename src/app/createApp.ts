import {
  CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, UserState, type Storage, type TurnContext,
} from 'botbuilder';
import { MainDialog } from '../../dialogs/MainDialog';
import { FysioBot } from '../bot/FysioBot';
import { ActivityRenderer } from '../channels/ActivityRenderer';
import type { AppConfig, Locale } from '../config/AppConfig';
import { newMemory, type ConversationMemory } from '../conversation/ConversationMemory';
import { ReplyComposer } from '../conversation/ReplyComposer';
import { I18nextTranslator, resolveLocale } from '../i18n/Translator';
import { loadValidatedKnowledge, type KnowledgeBase } from '../knowledge';
import { pseudonym, type Logger } from '../logging/Logger';
import { BotServer } from '../server/BotServer';
import { BotStorage } from '../storage/BotStorage';
import { openDatabase, type Database } from '../storage/Database';
import { Router } from '../understanding/Router';
import { systemClock, type Clock } from '../util/Clock';

/** Test doubles and overrides for the graph; production passes none but the logger. */
export interface AppOverrides {
  clock?: Clock;
  /** A botbuilder Storage to use instead of the configured database (e.g. MemoryStorage). */
  storage?: Storage;
}

/** The whole service, built: what tests and `src/index.ts` hold on to. */
export interface App {
  config: AppConfig;
  knowledge: KnowledgeBase;
  router: Router;
  bot: FysioBot;
  adapter: CloudAdapter;
  server: BotServer;
  database?: Database;
  /** Stops the server, waits for turns in flight, closes storage. */
  close(): Promise<void>;
}

/**
 * The composition root: config → storage → knowledge → router → dialogs → bot → server, each
 * dependency passed into a constructor. Throws a ConfigError naming what to fix when content
 * or storage is not usable.
 */
export async function createApp(config: AppConfig, logger: Logger, overrides: AppOverrides = {}): Promise<App> {
  const clock = overrides.clock ?? systemClock;
  const database = overrides.storage ? undefined : await openDatabase(config, clock);
  try {
    const storage = overrides.storage ?? new BotStorage(database!);
    const knowledge = loadValidatedKnowledge(config.knowledgeDir, config.practiceFile);
    const translator = new I18nextTranslator(config.localesDir);
    const router = new Router(knowledge, { thresholds: config.router, maxChars: config.maxMessageChars });
    const composer = new ReplyComposer(knowledge, translator);
    const renderer = new ActivityRenderer();
    const defaultLocale: Locale = config.defaultLocale ?? knowledge.practice.defaultLocale;

    const conversationState = new ConversationState(storage);
    const userState = new UserState(storage);
    const memory = conversationState.createProperty<ConversationMemory>('memory');
    const mainDialog = new MainDialog({ router, composer, renderer, memory });
    const bot = new FysioBot({
      conversationState, userState, memory, mainDialog, router, composer, renderer, logger, defaultLocale,
      maxMessageChars: config.maxMessageChars,
    });

    const auth = new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: config.auth.appId ?? '',
      MicrosoftAppPassword: config.auth.appPassword ?? '',
      MicrosoftAppType: config.auth.appType ?? (config.auth.appId ? 'MultiTenant' : ''),
      MicrosoftAppTenantId: config.auth.tenantId ?? '',
      ...(config.auth.openIdMetadata ? { BotOpenIdMetadata: config.auth.openIdMetadata } : {}),
    });
    const adapter = new CloudAdapter(auth);
    adapter.onTurnError = async (context: TurnContext, error: Error) => {
      logger.error(
        { event: 'turn_error', err: error, conversation: pseudonym(context.activity.conversation?.id), channel: context.activity.channelId },
        'turn failed',
      );
      const memoryNow = await memory.get(context, newMemory()).catch(() => newMemory());
      const locale = memoryNow.locale ?? resolveLocale(context.activity.locale, defaultLocale);
      try {
        await context.sendActivity(renderer.render(composer.say(locale, 'error.turn', composer.mainActions(locale)), locale));
        // Clear the dialog stack so the next message starts clean; keep the locale.
        await conversationState.delete(context);
        const fresh = await memory.get(context, newMemory());
        fresh.locale = locale;
        fresh.welcomed = true;
        await conversationState.saveChanges(context, true);
      } catch (inner) {
        logger.error({ event: 'turn_error_reply_failed', err: inner }, 'could not tell the user');
      }
    };

    const server = new BotServer({
      config,
      adapter,
      logic: (context) => bot.run(context),
      logger,
      readiness: async () => {
        await database?.ping();
      },
    });
    return {
      config, knowledge, router, bot, adapter, server, database,
      close: async () => {
        await server.stop();
        await database?.close();
      },
    };
  } catch (err) {
    await database?.close().catch(() => undefined);
    throw err;
  }
}
