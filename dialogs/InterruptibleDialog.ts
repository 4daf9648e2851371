import { DialogContextError, DialogTurnStatus, type DialogContext, type DialogInstance, type DialogState, type DialogTurnResult } from 'botbuilder-dialogs';
import { AgendaUnavailableError } from '../src/agenda/Agenda';
import { newMemory } from '../src/conversation/ConversationMemory';
import type { HandoffOptions } from './HandoffDialog';
import { BaseDialog } from './BaseDialog';
import { FREE_TEXT_PROMPTS, HANDOFF_DIALOG } from './dialogIds';

/**
 * A dialog that can be interrupted at any step, after the pattern of botbuilder's samples:
 * "stop" / "annuleer" / "laat maar" end it; help explains and asks the question again; a request
 * for a person brings one in (every interruptible dialog has the handoff dialog); an emergency
 * ends it with the instruction; a FAQ question asked mid-flow is
 * answered, and the dialog resumes where it was. The words come from the router, not a list here.
 */
export abstract class InterruptibleDialog extends BaseDialog {
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    try {
      return (await this.interrupt(innerDc)) ?? (await super.onContinueDialog(innerDc));
    } catch (err) {
      if (!isAgendaUnavailable(err)) throw err;
      return this.agendaUnavailable(innerDc);
    }
  }

  /**
   * The practice's agenda could not be read or written (slots, a booking, a cancellation, a
   * move): say so, say that nothing was booked or changed, and offer a callback.
   */
  private async agendaUnavailable(innerDc: DialogContext): Promise<DialogTurnResult> {
    const locale = await this.locale(innerDc.context);
    await this.send(innerDc.context, { text: this.t(locale, 'booking.agendaUnavailable') }, locale);
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(HANDOFF_DIALOG, { reason: 'agenda-unavailable' } satisfies HandoffOptions);
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const context = innerDc.context;
    const text = (context.activity.text ?? '').trim();
    if (!text) return undefined;
    const locale = await this.locale(context);
    const { router, composer } = this.deps;
    const active = innermost(innerDc);
    // A button the dialog itself offers ("Annuleren", "Verzetten") is an answer, not a command.
    const offered = (active?.state as { options?: { choices?: ({ value: string } | string)[] } } | undefined)?.options?.choices ?? [];
    if (offered.some((c) => (typeof c === 'string' ? c : c.value).toLowerCase() === text.toLowerCase())) return undefined;
    const exact = router.exactIntent(text);

    if (exact === 'stop' || exact === 'cancel-booking' || exact === 'restart') {
      await this.send(context, { text: this.t(locale, 'cancelled.text'), choices: composer.mainActions(locale) }, locale);
      return innerDc.cancelAllDialogs();
    }
    if (exact === 'help') {
      await this.send(context, { text: this.t(locale, 'booking.help') }, locale);
      await innerDc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    // A red flag outranks the running flow: its tier's instruction, and the flow ends.
    const flag = this.deps.safety.check(text);
    if (flag) {
      const memory = await this.deps.memory.get(context, newMemory());
      for (const reply of this.deps.safety.alarm(flag.tier, memory, locale)) await this.send(context, reply, locale);
      return innerDc.cancelAllDialogs();
    }
    const decision = router.route(text, { locale });
    if (exact === 'handoff') {
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(HANDOFF_DIALOG, { reason: 'requested' });
    }
    const freeText = FREE_TEXT_PROMPTS.has(active?.id ?? '');
    if (decision.intent === 'faq' && decision.topic && (!freeText || text.includes('?'))) {
      await this.send(context, { text: composer.answer(decision.topic, locale).text }, locale);
      await this.send(context, { text: this.t(locale, 'booking.resume') }, locale);
      await innerDc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    return undefined;
  }
}

/** True for an {@link AgendaUnavailableError}, also as botbuilder wraps it on its way up the stack. */
function isAgendaUnavailable(err: unknown): boolean {
  let e = err;
  while (e instanceof DialogContextError) e = e.error;
  return e instanceof AgendaUnavailableError;
}

/**
 * The innermost running dialog (the prompt waiting for this answer), read from the dialog state:
 * a ComponentDialog keeps its inner stack under `dialogs` in its instance state. Walking
 * `DialogContext.child` instead would build a dialog context, with its memory scopes, per level.
 */
function innermost(dc: DialogContext): DialogInstance | undefined {
  let instance = dc.activeDialog;
  for (;;) {
    const inner = (instance?.state as { dialogs?: Partial<DialogState> } | undefined)?.dialogs?.dialogStack;
    if (!Array.isArray(inner) || !inner.length) return instance;
    instance = inner[inner.length - 1];
  }
}
