import type { TurnContext } from 'botbuilder';
import type { Locale } from '../config/AppConfig';

const KEY = Symbol('fysio-assistent turn locale');

/** Records the locale the bot settled on for this turn (the patient's choice, the channel's, or the practice's). */
export function setTurnLocale(context: TurnContext, locale: Locale): void {
  context.turnState.set(KEY, locale);
}

/**
 * The locale recorded for this turn, if any: the dialogs ask for it at every step, and reading
 * it from the conversation state through its property accessor cost an async round of its own
 * each time.
 */
export function turnLocaleOf(context: TurnContext): Locale | undefined {
  return context.turnState.get(KEY) as Locale | undefined;
}
