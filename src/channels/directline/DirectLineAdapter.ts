import {
  ActivityEventNames, ActivityTypes, BotAdapter, TurnContext,
  type Activity, type ConversationReference, type ResourceResponse,
} from 'botbuilder';
import { pseudonym, type Logger } from '../../logging/Logger';
import { CLIENT_IP_KEY } from '../../server/clientAddress';
import type { Clock } from '../../util/Clock';
import type { DirectLineStore } from './DirectLineStore';

/** The ClaimsIdentity of botbuilder's overloads, without depending on botframework-connector directly. */
type ClaimsIdentity = Parameters<BotAdapter['continueConversationAsync']>[0];
type BotLogic = (context: TurnContext) => Promise<void>;

/** Channel id and service URL stamped on this adapter's activities. */
export const LOCAL_DIRECT_LINE_CHANNEL_ID = 'directline';
/**
 * Not a network address: it marks conversation references that belong to this adapter, so
 * proactive code can tell them from Azure's Direct Line ones (which also say `directline`).
 */
export const LOCAL_DIRECT_LINE_SERVICE_URL = 'urn:fysio-assistent:directline';

/** Who the bot is in this channel. */
export interface DirectLineBotAccount {
  id: string;
  name: string;
}

/** Thrown when a proactive message targets a conversation that expired or never existed here. */
export class DirectLineConversationGoneError extends Error {
  constructor() {
    super('the web chat conversation is no longer open');
    this.name = 'DirectLineConversationGoneError';
  }
}

/**
 * The bot's own Direct Line: runs the bot logic for activities posted by Web Chat and puts the
 * bot's replies into the conversation's activity list, where Web Chat polls for them. Proactive
 * messages (a receptionist's reply) go through {@link continueConversationAsync}.
 */
export class DirectLineAdapter extends BotAdapter {
  constructor(
    private readonly store: DirectLineStore,
    private readonly clock: Clock,
    private readonly logger: Logger,
    readonly bot: DirectLineBotAccount = { id: 'fysio-assistent', name: 'fysio-assistent' },
  ) {
    super();
    this.onTurnError = async (context: TurnContext, error: Error) => {
      this.logger.error(
        { event: 'turn_error', err: error, conversation: pseudonym(context.activity.conversation?.id), channel: context.activity.channelId },
        'web chat turn failed',
      );
    };
  }

  /** True when the reference is one of this adapter's conversations. */
  handles(reference: Partial<ConversationReference>): boolean {
    return reference.serviceUrl === LOCAL_DIRECT_LINE_SERVICE_URL;
  }

  /**
   * Runs the middleware and the bot logic for an incoming activity; `clientIp`, when given, is
   * in the turn state under {@link CLIENT_IP_KEY} (for per-address limits), never in the activity.
   */
  async processActivity(activity: Partial<Activity>, logic: BotLogic, clientIp?: string): Promise<void> {
    const context = new TurnContext(this, activity);
    if (clientIp) context.turnState.set(CLIENT_IP_KEY, clientIp);
    await this.runMiddleware(context, logic);
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') {
        const ms = typeof activity.value === 'number' ? Math.min(Math.max(activity.value, 0), 10000) : 1000;
        await new Promise((resolve) => setTimeout(resolve, ms));
        responses.push({ id: '' });
        continue;
      }
      // Neither reaches a user on Direct Line: invoke responses go back in the HTTP answer, traces to the Emulator.
      if (activity.type === ActivityTypes.InvokeResponse || activity.type === ActivityTypes.Trace) {
        responses.push({ id: '' });
        continue;
      }
      const conversationId = activity.conversation?.id ?? context.activity.conversation?.id;
      if (!conversationId) throw new Error('activity has no conversation');
      const stored = await this.store.append(conversationId, {
        ...activity,
        channelId: LOCAL_DIRECT_LINE_CHANNEL_ID,
        serviceUrl: LOCAL_DIRECT_LINE_SERVICE_URL,
        conversation: { ...activity.conversation, id: conversationId } as Activity['conversation'],
        from: { id: this.bot.id, name: this.bot.name, role: 'bot' },
        timestamp: this.clock.now(),
      });
      if (!stored) throw new DirectLineConversationGoneError();
      responses.push({ id: stored.activity.id });
    }
    return responses;
  }

  async updateActivity(context: TurnContext, activity: Partial<Activity>): Promise<void> {
    const conversationId = activity.conversation?.id ?? context.activity.conversation?.id;
    if (!conversationId || !activity.id) throw new Error('updateActivity needs a conversation and an activity id');
    const updated = await this.store.replace(conversationId, {
      ...activity,
      id: activity.id,
      from: { id: this.bot.id, name: this.bot.name, role: 'bot' },
      timestamp: this.clock.now(),
    });
    if (!updated) throw new Error('activity not found');
  }

  async deleteActivity(context: TurnContext, reference: Partial<ConversationReference>): Promise<void> {
    const conversationId = reference.conversation?.id ?? context.activity.conversation?.id;
    if (conversationId && reference.activityId) await this.store.remove(conversationId, reference.activityId);
  }

  /** Deletes the web chats idle past their token's lifetime, with what was said in them (retention). */
  async sweepExpired(): Promise<number> {
    return this.store.sweepExpired();
  }

  /** Forgets what was said in one of this channel's conversations (a no-op for another channel's id). */
  async forgetTranscript(conversationId: string): Promise<void> {
    await this.store.clear(conversationId);
  }

  /** Legacy proactive entry point; prefer {@link continueConversationAsync}. */
  async continueConversation(reference: Partial<ConversationReference>, logic: BotLogic): Promise<void> {
    const conversationId = reference.conversation?.id;
    if (!conversationId || !(await this.store.get(conversationId))) throw new DirectLineConversationGoneError();
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: ActivityEventNames.ContinueConversation },
      { ...reference, channelId: LOCAL_DIRECT_LINE_CHANNEL_ID, serviceUrl: LOCAL_DIRECT_LINE_SERVICE_URL },
      true,
    );
    await this.processActivity(activity, logic);
  }

  /**
   * Sends proactively into a web chat conversation (e.g. a receptionist's reply). The app id or
   * claims are ignored: there is no tenant here. Throws {@link DirectLineConversationGoneError}
   * when the patient's chat has expired.
   */
  override async continueConversationAsync(botAppId: string, reference: Partial<ConversationReference>, logic: BotLogic): Promise<void>;
  override async continueConversationAsync(claimsIdentity: ClaimsIdentity, reference: Partial<ConversationReference>, logic: BotLogic): Promise<void>;
  override async continueConversationAsync(
    claimsIdentity: ClaimsIdentity, reference: Partial<ConversationReference>, audience: string, logic: BotLogic,
  ): Promise<void>;
  override async continueConversationAsync(
    _botAppIdOrClaims: string | ClaimsIdentity,
    reference: Partial<ConversationReference>,
    logicOrAudience: BotLogic | string,
    maybeLogic?: BotLogic,
  ): Promise<void> {
    const logic = typeof logicOrAudience === 'function' ? logicOrAudience : maybeLogic;
    if (!logic) throw new TypeError('continueConversationAsync: logic is required');
    await this.continueConversation(reference, logic);
  }
}
