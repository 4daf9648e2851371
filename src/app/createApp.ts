import {
  CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, UserState, type Storage, type TurnContext,
} from 'botbuilder';
import { randomInt } from 'node:crypto';
import { MainDialog } from '../../dialogs/MainDialog';
import { AvailabilityService } from '../booking/AvailabilityService';
import { BookingFormatter } from '../booking/BookingFormatter';
import { DateExpressionParser } from '../booking/DateExpressionParser';
import type { RandomInt } from '../booking/ReferenceCode';
import { FysioBot } from '../bot/FysioBot';
import { ActivityRenderer } from '../channels/ActivityRenderer';
import { registerWhatsAppRoutes, WhatsAppAdapter, type WhatsAppWebhook } from '../channels/whatsapp';
import type { AppConfig, Locale } from '../config/AppConfig';
import { newMemory, type ConversationMemory } from '../conversation/ConversationMemory';
import { ReplyComposer } from '../conversation/ReplyComposer';
import { I18nextTranslator, resolveLocale } from '../i18n/Translator';
import { loadValidatedKnowledge, type KnowledgeBase } from '../knowledge';
import { pseudonym, type Logger } from '../logging/Logger';
import { BotServer } from '../server/BotServer';
import { BotStorage } from '../storage/BotStorage';
import { openDatabase, type Database } from '../storage/Database';
import { RetentionJob } from '../storage/RetentionJob';
import { Router } from '../understanding/Router';
import { systemClock, type Clock } from '../util/Clock';

/** Test doubles and overrides for the graph; production passes none but the logger. */
export interface AppOverrides {
  clock?: Clock;
  /** A botbuilder Storage for conversation state instead of the database (e.g. MemoryStorage). */
  storage?: Storage;
  /** Randomness for reference codes. */
  random?: RandomInt;
  /** Tests drive the retention job themselves. */
  noBackgroundJobs?: boolean;
}

/** The whole service, built: what tests and `src/index.ts` hold on to. */
export interface App {
  config: AppConfig;
  knowledge: KnowledgeBase;
  router: Router;
  bot: FysioBot;
  adapter: CloudAdapter;
  server: BotServer;
  database: Database;
  retention: RetentionJob;
  /** Present when the four WHATSAPP_* credentials are set. */
  whatsapp?: { adapter: WhatsAppAdapter; webhook: WhatsAppWebhook };
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
  const database = await openDatabase(config, clock);
  try {
    const storage = overrides.storage ?? new BotStorage(database);
    const knowledge = loadValidatedKnowledge(config.knowledgeDir, config.practiceFile);
    const translator = new I18nextTranslator(config.localesDir);
    const router = new Router(knowledge, { thresholds: config.router, maxChars: config.maxMessageChars });
    const composer = new ReplyComposer(knowledge, translator);
    const renderer = new ActivityRenderer();
    const defaultLocale: Locale = config.defaultLocale ?? knowledge.practice.defaultLocale;

    const conversationState = new ConversationState(storage);
    const userState = new UserState(storage);
    const memory = conversationState.createProperty<ConversationMemory>('memory');
    const practice = knowledge.practice;
    const availability = new AvailabilityService(practice, database.bookings, clock);
    const mainDialog = new MainDialog({
      router, composer, renderer, translator, knowledge, memory, availability, clock,
      bookings: database.bookings,
      formatter: new BookingFormatter(practice),
      dateParser: new DateExpressionParser(knowledge.dateWords, clock, practice.timeZone),
      random: overrides.random ?? randomInt,
      retentionDays: config.retention.bookingDays,
      forgetUser: async (context) => {
        const a = context.activity;
        const bookings = await database.bookings.deleteForUser(`${a.channelId}:${a.from?.id}`);
        await conversationState.delete(context);
        await userState.delete(context);
        return { bookings };
      },
    });
    const retention = new RetentionJob(database, database.bookings, clock, config.retention, logger);
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
        // Reset first, so the conversation is usable again even if the apology cannot be sent.
        await conversationState.delete(context);
        const fresh = await memory.get(context, newMemory());
        fresh.locale = locale;
        fresh.welcomed = true;
        await conversationState.saveChanges(context, true);
      } catch (inner) {
        logger.error({ event: 'turn_error_reset_failed', err: inner }, 'could not reset the conversation');
      }
      try {
        await context.sendActivity(renderer.render(composer.say(locale, 'error.turn', composer.mainActions(locale)), locale, context.activity.channelId));
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
        await database.ping();
      },
    });
    let whatsapp: App['whatsapp'];
    if (config.whatsapp) {
      const whatsAppAdapter = new WhatsAppAdapter({ config: config.whatsapp, logger, translator, defaultLocale, clock });
      whatsAppAdapter.onTurnError = adapter.onTurnError;
      const webhook = registerWhatsAppRoutes(server.server, {
        config: config.whatsapp, adapter: whatsAppAdapter, logic: (context) => bot.run(context), logger, clock,
      });
      whatsapp = { adapter: whatsAppAdapter, webhook };
    }
    if (!overrides.noBackgroundJobs) retention.start();
    return {
      config, knowledge, router, bot, adapter, server, database, retention, whatsapp,
      close: async () => {
        retention.stop();
        await server.stop();
        await Promise.race([whatsapp?.webhook.settled(), new Promise((r) => setTimeout(r, 10000).unref())]);
        await database.close();
      },
    };
  } catch (err) {
    await database.close().catch(() => undefined);
    throw err;
  }
}
