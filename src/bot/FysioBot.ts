import {
  ActivityHandler, type ConversationState, type StatePropertyAccessor, type TurnContext, type UserState,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type Dialog } from 'botbuilder-dialogs';
import type { Locale } from '../config/AppConfig';
import type { ActivityRenderer } from '../channels/ActivityRenderer';
import { newMemory, type ConversationMemory } from '../conversation/ConversationMemory';
import type { ReplyComposer } from '../conversation/ReplyComposer';
import { resolveLocale } from '../i18n/Translator';
import { pseudonym, type Logger } from '../logging/Logger';
import type { Router } from '../understanding/Router';
import type { HandoffService } from '../handoff/HandoffService';
import type { RecentTurns } from '../handoff/RecentTurns';

/** What the bot needs; built by the composition root. */
export interface FysioBotDeps {
  conversationState: ConversationState;
  userState: UserState;
  memory: StatePropertyAccessor<ConversationMemory>;
  mainDialog: Dialog;
  router: Router;
  composer: ReplyComposer;
  renderer: ActivityRenderer;
  logger: Logger;
  defaultLocale: Locale;
  maxMessageChars: number;
  handoff: HandoffService;
  recent: RecentTurns;
}

/**
 * The Bot Framework shell: greets new conversations, keeps the locale, handles the commands
 * that work anywhere (opnieuw, Vlaams/Nederlands) and runs the dialogs. Saves state every turn.
 */
export class FysioBot extends ActivityHandler {
  private readonly dialogState;
  private readonly userLocale: StatePropertyAccessor<Locale | undefined>;

  constructor(private readonly deps: FysioBotDeps) {
    super();
    this.dialogState = deps.conversationState.createProperty('dialogState');
    this.userLocale = deps.userState.createProperty<Locale | undefined>('locale');

    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).some((m) => m.id !== context.activity.recipient?.id);
      if (joined) {
        const memory = await this.deps.memory.get(context, newMemory());
        if (!memory.welcomed) {
          memory.welcomed = true;
          const locale = await this.localeOf(context, memory);
          for (const reply of this.deps.composer.welcome(locale)) await context.sendActivity(this.deps.renderer.render(reply, locale));
        }
      }
      await next();
    });

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
  }

  /** Runs the turn, then saves conversation and user state even when a handler failed. */
  override async run(context: TurnContext): Promise<void> {
    try {
      await super.run(context);
    } finally {
      await this.deps.conversationState.saveChanges(context, false);
      await this.deps.userState.saveChanges(context, false);
    }
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const started = Date.now();
    const memory = await this.deps.memory.get(context, newMemory());
    const activity = context.activity;
    if (typeof activity.text === 'string' && activity.text.length > this.deps.maxMessageChars) {
      activity.text = activity.text.slice(0, this.deps.maxMessageChars);
    }
    const text = typeof activity.text === 'string' ? activity.text : '';
    const command = this.deps.router.exactIntent(text);
    const { composer, renderer } = this.deps;

    // While a person holds the conversation the bot is silent and forwards what the patient says.
    const held = await this.deps.handoff.heldBy(activity.conversation.id);
    if (held) {
      if (command === 'release') {
        await this.deps.handoff.release(held.id);
        const locale = await this.localeOf(context, memory);
        await context.sendActivity(renderer.render(composer.say(locale, 'handoff.released', composer.mainActions(locale)), locale, activity.channelId));
      } else {
        await this.deps.handoff.patientSays(held, text);
      }
      return;
    }
    this.remember(context, text);

    if (command === 'switch-locale-nl' || command === 'switch-locale-be') {
      const locale: Locale = command === 'switch-locale-be' ? 'nl-BE' : 'nl-NL';
      memory.locale = locale;
      await this.userLocale.set(context, locale);
      await context.sendActivity(renderer.render(composer.say(locale, 'locale.switched', composer.mainActions(locale)), locale));
      return;
    }
    const locale = await this.localeOf(context, memory);
    const dialogs = new DialogSet(this.dialogState);
    dialogs.add(this.deps.mainDialog);
    const dc = await dialogs.createContext(context);

    if (command === 'restart') {
      await dc.cancelAllDialogs();
      Object.assign(memory, newMemory(), { locale: memory.locale, welcomed: true });
      await context.sendActivity(renderer.render(composer.say(locale, 'restart.done', composer.mainActions(locale)), locale));
      return;
    }
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.deps.mainDialog.id, { locale });
    // The pseudonym is a SHA-256: computed only when the line is written.
    if (this.deps.logger.isLevelEnabled('debug')) {
      this.deps.logger.debug(
        { event: 'turn', conversation: pseudonym(activity.conversation?.id), channel: activity.channelId, locale, ms: Date.now() - started },
        'message handled',
      );
    }
  }

  /** Keeps the last lines of the conversation (in memory) for a possible handoff. */
  private remember(context: TurnContext, text: string): void {
    const id = context.activity.conversation.id;
    const { recent } = this.deps;
    if (text) recent.add(id, 'patient', text, new Date());
    context.onSendActivities(async (_ctx, activities, next) => {
      for (const a of activities) if (a.type === 'message' && a.text) recent.add(id, 'bot', a.text, new Date());
      return next();
    });
  }

  /** The patient's own choice, else the channel's locale, else the practice default. */
  private async localeOf(context: TurnContext, memory: ConversationMemory): Promise<Locale> {
    if (memory.locale) return memory.locale;
    const chosen = await this.userLocale.get(context);
    memory.locale = chosen ?? resolveLocale(context.activity.locale, this.deps.defaultLocale);
    return memory.locale;
  }
}
