import { EventFactory, TurnContext, type Activity } from 'botbuilder';
import { escapeMarkdown } from '../src/channels/escapeMarkdown';
import { TextPrompt, WaterfallDialog, type DialogTurnResult, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { checkPhone } from '../src/booking/PatientDetails';
import type { HandoffReason } from '../src/handoff/Ticket';
import { isPracticeOpen } from '../src/handoff/OpeningHours';
import { formatOpeningHours } from '../src/conversation/PracticeInfo';
import { BaseDialog, buttonChoices } from './BaseDialog';
import type { DialogDeps } from './DialogDeps';
import { CHOICE_PROMPT, HANDOFF_DIALOG, HANDOFF_PHONE_PROMPT, HANDOFF_REASON_PROMPT, HANDOFF_WATERFALL, TOO_MANY_TRIES } from './dialogIds';

/** Why a person is brought in. */
export interface HandoffOptions {
  reason: HandoffReason;
}

/**
 * Brings in a person: during opening hours with a receptionist signed in, the patient chooses
 * between waiting in the chat (the bot then falls silent and forwards) and being called back;
 * otherwise the bot says when the practice responds and offers the callback (number asked,
 * with what it is used for, then in a few words what it is about: the answer reaches the
 * receptionist with the ticket's recent lines, and a "none" leaves it for the call). Emits Bot
 * Framework's handoff.initiate event for contact centres.
 */
export class HandoffDialog extends BaseDialog {
  constructor(deps: DialogDeps) {
    super(HANDOFF_DIALOG, deps);
    this.addChoicePrompt();
    this.addCheckedTextPrompt(HANDOFF_PHONE_PROMPT, (t) => checkPhone(t, deps.knowledge.practice.country), {
      format: 'booking.details.phoneInvalid', empty: 'booking.details.phoneInvalid', country: 'booking.details.phoneCountry',
    }, 'giveUp');
    this.addDialog(new TextPrompt(HANDOFF_REASON_PROMPT));
    // askReason takes the phone number where callback used to: a conversation saved while the
    // number was asked goes on with the question what the call is about.
    this.addDialog(new WaterfallDialog(HANDOFF_WATERFALL, [this.offer.bind(this), this.route.bind(this), this.askReason.bind(this), this.callback.bind(this)]));
    this.initialDialogId = HANDOFF_WATERFALL;
  }

  private hours(locale: 'nl-NL' | 'nl-BE'): string {
    const loc = this.deps.knowledge.practice.locations[0];
    return this.t(locale, 'practice.hours', { hours: formatOpeningHours(loc.openingHours, locale, this.deps.translator) });
  }

  private async offer(step: WaterfallStepContext<HandoffOptions>): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    const channel = step.context.activity.channelId;
    const live = isPracticeOpen(this.deps.knowledge.practice, this.deps.clock.now()) && (await this.deps.staffOnline());
    (step.values as { live?: boolean }).live = live;
    if (live) {
      const choices = ['handoff.wait', 'handoff.callback'].map((k) => this.t(locale, k));
      return step.prompt(CHOICE_PROMPT, {
        prompt: this.promptActivity(this.t(locale, 'handoff.choose'), locale, channel),
        choices: buttonChoices(choices),
      });
    }
    const text = step.options.reason === 'agenda-unavailable'
      ? this.t(locale, 'handoff.agendaCallback')
      : this.t(locale, 'handoff.outOfHours', { hours: this.hours(locale) });
    return step.prompt(CHOICE_PROMPT, { prompt: this.promptActivity(text, locale, channel), ...this.yesNo(locale) });
  }

  private async route(step: WaterfallStepContext<HandoffOptions>): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    const live = (step.values as { live?: boolean }).live;
    const offeredCallbackOnly = !live;
    const index = (step.result as FoundChoice).index;
    if (live && index === 0) {
      await this.openTicket(step, undefined);
      await this.send(step.context, { text: this.t(locale, 'handoff.waiting') }, locale);
      return step.endDialog();
    }
    if (offeredCallbackOnly && index !== 0) {
      await this.send(step.context, { text: this.t(locale, 'handoff.noCallback', { hours: this.hours(locale) }) }, locale);
      return step.endDialog();
    }
    return step.prompt(HANDOFF_PHONE_PROMPT, {
      prompt: this.promptActivity(this.t(locale, 'handoff.askPhone', { days: this.deps.conversationRetentionDays }), locale, step.context.activity.channelId),
    });
  }

  private async askReason(step: WaterfallStepContext<HandoffOptions>): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    if (step.result === TOO_MANY_TRIES) {
      await this.send(step.context, { text: this.t(locale, 'handoff.noCallback', { hours: this.hours(locale) }) }, locale);
      return step.endDialog();
    }
    (step.values as { phone?: string }).phone = String(step.result);
    return step.prompt(HANDOFF_REASON_PROMPT, { prompt: this.promptActivity(this.t(locale, 'handoff.askReason'), locale, step.context.activity.channelId) });
  }

  private async callback(step: WaterfallStepContext<HandoffOptions>): Promise<DialogTurnResult> {
    const locale = await this.locale(step.context);
    const phone = String((step.values as { phone?: string }).phone);
    await this.openTicket(step, phone);
    await this.send(step.context, { text: this.t(locale, 'handoff.callbackPlanned', { phone }) }, locale);
    return step.endDialog();
  }

  private async openTicket(step: WaterfallStepContext<HandoffOptions>, callbackPhone: string | undefined): Promise<void> {
    const context = step.context;
    const locale = await this.locale(context);
    const recent = await this.deps.recent.of(context.activity.conversation.id);
    const reference = TurnContext.getConversationReference(context.activity) as unknown as Record<string, unknown>;
    const memory = await this.deps.memory.get(context, { misses: 0 });
    await this.deps.handoff.open({
      reason: step.options.reason, channel: context.activity.channelId, locale, conversationId: context.activity.conversation.id,
      reference, transcript: recent, callbackPhone, safetyTier: memory.safetyTier,
    });
    memory.ticketOpened = true;
    if (!callbackPhone && context.activity.channelId !== 'whatsapp') {
      // The agent's view renders Markdown: what the patient typed must stay text, never a link.
      const activities = recent.map((m) => ({ type: 'message', text: m.from === 'patient' ? escapeMarkdown(m.text) : m.text, timestamp: new Date(m.at) }) as Partial<Activity>);
      await context.sendActivity(EventFactory.createHandoffInitiation(context, { reason: step.options.reason }, { activities: activities as Activity[] }));
    }
  }
}
