import { createHmac } from 'node:crypto';
import {
  ActivityTypes, BotAdapter, TurnContext, type Activity, type ChannelAccount, type ConversationReference, type ResourceResponse,
} from 'botbuilder';
import type { AppConfig, Locale } from '../../config/AppConfig';
import type { Translator } from '../../i18n/Translator';
import { pseudonym, type Logger } from '../../logging/Logger';
import { systemClock, type Clock } from '../../util/Clock';
import { OfferedChoices } from './OfferedChoices';
import { OutsideServiceWindowError } from './OutsideServiceWindowError';
import { ServiceWindow } from './ServiceWindow';
import { WhatsAppActivityRenderer } from './WhatsAppActivityRenderer';
import { WhatsAppGraphClient } from './WhatsAppGraphClient';
import { WhatsAppSendError } from './WhatsAppSendError';
import type { InboundWhatsAppMessage } from './WhatsAppWebhookParser';

/** The channel id WhatsApp activities carry. */
export const WHATSAPP_CHANNEL_ID = 'whatsapp';

/** The WhatsApp settings from AppConfig, present when WhatsApp is enabled. */
export type WhatsAppConfig = NonNullable<AppConfig['whatsapp']>;

/** The bot's turn handler, e.g. `(context) => bot.run(context)`. */
export type WhatsAppBotLogic = (context: TurnContext) => Promise<void>;

/** What the adapter needs; built by the composition root. */
export interface WhatsAppAdapterOptions {
  config: WhatsAppConfig;
  logger: Logger;
  translator: Translator;
  /** The locale a WhatsApp conversation starts in (config DEFAULT_LOCALE, else the practice's). */
  defaultLocale: Locale;
  clock?: Clock;
  /** Defaults to a client for `config.graphUrl`. */
  graph?: WhatsAppGraphClient;
}

/** The outcome of {@link WhatsAppAdapter.sendProactive}, for a caller that prefers results to exceptions. */
export type ProactiveSendResult =
  | { sent: true; messageIds: string[] }
  | { sent: false; reason: 'outside-service-window'; closedAt?: Date }
  | { sent: false; reason: 'send-failed'; status: number; code?: number };

/** Meta's error code for a free-form message outside the customer service window. */
const RE_ENGAGEMENT_REQUIRED = 131047;
const CHOICES_RESET = Symbol('whatsapp.choicesReset');
/** Marks a turn started by continueConversation: its delivery failures go to the caller. */
const PROACTIVE = Symbol('whatsapp.proactive');

/**
 * The WhatsApp Business Cloud API as a Bot Framework adapter. Inbound messages (parsed from
 * the webhook) become message activities run through the bot; the bot's replies go out through
 * the Graph API, suggested actions as reply buttons, a list or numbered text. Conversation and
 * user ids are keyed hashes of the patient's number, so state keys, logs and references carry
 * no phone number; the number itself travels only in `from.properties.waId` (and so in
 * conversation references), because replies must be addressed to it.
 *
 * Proactive messages (a receptionist's reply) are refused with an
 * {@link OutsideServiceWindowError} when the patient has not written in the last 24 hours.
 */
export class WhatsAppAdapter extends BotAdapter {
  private readonly clock: Clock;
  private readonly graph: WhatsAppGraphClient;
  private readonly renderer: WhatsAppActivityRenderer;
  private readonly window: ServiceWindow;
  private readonly offered: OfferedChoices;
  /** Turns of one conversation run one after another, in the order messages arrived. */
  private readonly queues = new Map<string, Promise<void>>();

  constructor(private readonly options: WhatsAppAdapterOptions) {
    super();
    this.clock = options.clock ?? systemClock;
    this.graph = options.graph ?? new WhatsAppGraphClient(options.config, options.logger);
    this.renderer = new WhatsAppActivityRenderer(options.translator);
    this.window = new ServiceWindow(this.clock);
    this.offered = new OfferedChoices(this.clock);
    this.onTurnError = async (context, error) => {
      options.logger.error(
        { event: 'turn_error', channel: WHATSAPP_CHANNEL_ID, conversation: pseudonym(context.activity.conversation?.id), err: error },
        'WhatsApp turn failed',
      );
    };
  }

  /** The conversation id for a WhatsApp user: stable, and not reversible without the app secret. */
  conversationIdFor(waId: string): string {
    return `whatsapp:${this.keyedHash('conversation', waId)}`;
  }

  /** True while free-form messages (e.g. a receptionist's reply) can reach this conversation. */
  isWithinServiceWindow(conversationId: string): boolean {
    return this.window.isOpen(conversationId);
  }

  /** When the conversation's service window closes or closed; undefined when unknown since start-up. */
  serviceWindowClosesAt(conversationId: string): Date | undefined {
    return this.window.closesAt(conversationId);
  }

  /**
   * Runs one inbound message through the bot. Messages of one conversation are handled in
   * order; a failure is logged (via onTurnError) and does not reject.
   */
  processMessage(message: InboundWhatsAppMessage, logic: WhatsAppBotLogic): Promise<void> {
    const conversationId = this.conversationIdFor(message.waId);
    this.window.recordInbound(conversationId, message.sentAt);
    const previous = this.queues.get(conversationId) ?? Promise.resolve();
    const turn = previous.then(() => this.runTurn(conversationId, message, logic)).catch((err: unknown) => {
      this.options.logger.error({ event: 'turn_error', channel: WHATSAPP_CHANNEL_ID, conversation: pseudonym(conversationId), err }, 'WhatsApp message not handled');
    });
    this.queues.set(conversationId, turn);
    void turn.then(() => {
      if (this.queues.get(conversationId) === turn) this.queues.delete(conversationId);
    });
    return turn;
  }

  private async runTurn(conversationId: string, message: InboundWhatsAppMessage, logic: WhatsAppBotLogic): Promise<void> {
    const { config, logger, defaultLocale, translator } = this.options;
    logger.debug({ event: 'whatsapp_message', conversation: pseudonym(conversationId), kind: message.kind }, 'WhatsApp message received');
    if (message.kind === 'unsupported') {
      const body = translator.t(defaultLocale, 'whatsapp.unsupported');
      await this.graph.send(message.waId, { type: 'text', text: { body, preview_url: false } }, conversationId).catch(() => undefined);
      return;
    }
    const activity: Partial<Activity> = {
      type: ActivityTypes.Message,
      id: message.id,
      timestamp: message.sentAt ?? this.clock.now(),
      channelId: WHATSAPP_CHANNEL_ID,
      serviceUrl: config.graphUrl,
      from: { id: `whatsapp-user:${this.keyedHash('user', message.waId)}`, name: '', role: 'user', properties: { waId: message.waId } },
      recipient: { id: config.phoneNumberId, name: '', role: 'bot' },
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      text: this.textOf(conversationId, message),
      textFormat: 'plain',
      locale: defaultLocale,
    };
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  /** What the patient said: a tapped reply's value, a typed number's choice, or their text. */
  private textOf(conversationId: string, message: InboundWhatsAppMessage): string {
    if (message.reply) {
      return this.offered.valueForReplyId(conversationId, message.reply.id) ?? message.reply.id;
    }
    const text = message.text ?? '';
    return this.offered.valueForNumber(conversationId, text) ?? text;
  }

  /**
   * Sends the bot's activities. Only messages reach WhatsApp (typing, traces and the like are
   * acknowledged and dropped). In a proactive turn a closed window throws an
   * {@link OutsideServiceWindowError} and a Graph failure a {@link WhatsAppSendError}, for the
   * caller to report. In a turn answering the patient they are logged and the turn goes on, so
   * that the bot's state stays consistent and the next message is answered normally.
   */
  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const proactive = context.turnState.get(PROACTIVE) === true;
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type !== ActivityTypes.Message) {
        responses.push({ id: '' });
        continue;
      }
      try {
        responses.push({ id: await this.deliver(context, activity) });
      } catch (err) {
        if (proactive || !(err instanceof OutsideServiceWindowError || err instanceof WhatsAppSendError)) throw err;
        this.options.logger.warn(
          { event: 'whatsapp_reply_not_delivered', conversation: pseudonym(activity.conversation?.id), reason: err.name },
          'WhatsApp reply not delivered',
        );
        responses.push({ id: '' });
      }
    }
    return responses;
  }

  /** Sends one message activity; resolves with the id of the last WhatsApp message it became. */
  private async deliver(context: TurnContext, activity: Partial<Activity>): Promise<string> {
    const conversationId = activity.conversation?.id ?? '';
    const waId = this.numberOf(activity.recipient, conversationId);
    if (!this.window.isOpen(conversationId)) throw new OutsideServiceWindowError(conversationId, this.window.closesAt(conversationId));

    const rendering = this.renderer.render(activity, this.localeOf(activity));
    // The choices a number refers to are those of the latest turn that offered any.
    if (!context.turnState.get(CHOICES_RESET)) {
      context.turnState.set(CHOICES_RESET, true);
      this.offered.forget(conversationId);
    }
    if (rendering.choices.length) this.offered.remember(conversationId, rendering.choices);

    let id = '';
    for (const message of rendering.messages) {
      try {
        id = await this.graph.send(waId, message, conversationId);
      } catch (err) {
        if (err instanceof WhatsAppSendError && err.code === RE_ENGAGEMENT_REQUIRED) {
          throw new OutsideServiceWindowError(conversationId, this.window.closesAt(conversationId));
        }
        throw err;
      }
    }
    return id;
  }

  /** WhatsApp messages cannot be edited by a bot. */
  override async updateActivity(): Promise<void> {
    throw new Error('WhatsApp does not support updating a sent message');
  }

  /** WhatsApp messages cannot be deleted by a bot. */
  override async deleteActivity(): Promise<void> {
    throw new Error('WhatsApp does not support deleting a sent message');
  }

  /**
   * Runs `logic` in the conversation of a stored reference (from
   * `TurnContext.getConversationReference` during a WhatsApp turn), e.g. to send a
   * receptionist's reply. Errors from `logic`, notably {@link OutsideServiceWindowError} and
   * {@link WhatsAppSendError}, reach the caller rather than `onTurnError`.
   */
  override async continueConversation(reference: Partial<ConversationReference>, logic: WhatsAppBotLogic): Promise<void> {
    if (reference.channelId !== undefined && reference.channelId !== WHATSAPP_CHANNEL_ID) {
      throw new TypeError(`not a WhatsApp conversation reference (channel ${String(reference.channelId)})`);
    }
    if (!reference.conversation?.id || !reference.user) throw new TypeError('conversation reference without conversation or user');
    this.numberOf(reference.user, reference.conversation.id);
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: 'ContinueConversation', channelId: WHATSAPP_CHANNEL_ID },
      reference,
      true,
    );
    const context = new TurnContext(this, activity);
    context.turnState.set(PROACTIVE, true);
    let failure: unknown;
    await this.runMiddleware(context, async (turn) => {
      try {
        await logic(turn);
      } catch (err) {
        failure = err;
      }
    });
    if (failure !== undefined) throw failure;
  }

  /** Same as {@link continueConversation}; the bot app id or claims identity is not needed for WhatsApp. */
  override async continueConversationAsync(
    _botAppIdOrClaimsIdentity: unknown,
    reference: Partial<ConversationReference>,
    logicOrAudience: WhatsAppBotLogic | string,
    maybeLogic?: WhatsAppBotLogic,
  ): Promise<void> {
    const logic = typeof logicOrAudience === 'function' ? logicOrAudience : maybeLogic;
    if (!logic) throw new TypeError('continueConversationAsync needs a logic function');
    await this.continueConversation(reference, logic);
  }

  /**
   * Sends one proactive message and reports the outcome instead of throwing for the two
   * expected failures: the window is closed, or WhatsApp refused the message.
   */
  async sendProactive(reference: Partial<ConversationReference>, activity: Partial<Activity> | string): Promise<ProactiveSendResult> {
    try {
      let messageIds: string[] = [];
      await this.continueConversation(reference, async (context) => {
        const response = await context.sendActivity(activity);
        messageIds = response?.id ? [response.id] : [];
      });
      return { sent: true, messageIds };
    } catch (err) {
      if (err instanceof OutsideServiceWindowError) return { sent: false, reason: 'outside-service-window', closedAt: err.closedAt };
      if (err instanceof WhatsAppSendError) return { sent: false, reason: 'send-failed', status: err.status, code: err.code };
      throw err;
    }
  }

  /** The recipient's WhatsApp number, checked against the conversation so a stray reference cannot redirect a message. */
  private numberOf(account: Partial<ChannelAccount> | undefined, conversationId: string): string {
    const waId: unknown = (account?.properties as { waId?: unknown } | undefined)?.waId;
    if (typeof waId !== 'string' || !waId || this.conversationIdFor(waId) !== conversationId) {
      throw new TypeError('activity is not addressed to the WhatsApp user of this conversation');
    }
    return waId;
  }

  private localeOf(activity: Partial<Activity>): Locale {
    return activity.locale === 'nl-BE' || activity.locale === 'nl-NL' ? activity.locale : this.options.defaultLocale;
  }

  private keyedHash(purpose: string, waId: string): string {
    return createHmac('sha256', this.options.config.appSecret).update(`${purpose}:${waId}`).digest('hex').slice(0, 32);
  }
}

/** The WhatsApp number in a conversation reference made during a WhatsApp turn (for a call-back). */
export function whatsAppNumberOf(reference: Partial<ConversationReference>): string | undefined {
  const waId: unknown = (reference.user?.properties as { waId?: unknown } | undefined)?.waId;
  return reference.channelId === WHATSAPP_CHANNEL_ID && typeof waId === 'string' ? waId : undefined;
}
