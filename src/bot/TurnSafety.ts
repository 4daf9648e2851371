import type { TurnContext } from 'botbuilder';
import type { RedFlag } from '../safety/RedFlagDetector';

const KEY = Symbol('fysio-assistent turn red flag');

/** What the safety check of this turn's message found: a red flag, or `undefined` for none. */
export interface TurnSafetyCheck {
  flag: RedFlag | undefined;
  /**
   * A red flag whose instruction the bot gave already for this message, while the booking goes
   * on with the message (a sign for the GP typed with the answer to the question on screen): the
   * question reads only its answer part.
   */
  answeredBeside?: RedFlag;
}

/** Records the result of the one safety check of this turn's message. */
export function setTurnSafety(context: TurnContext, flag: RedFlag | undefined, answeredBeside?: RedFlag): void {
  context.turnState.set(KEY, { flag, ...(answeredBeside ? { answeredBeside } : {}) } satisfies TurnSafetyCheck);
}

/**
 * The safety check of this turn's message, when it has run: a dialog uses it instead of
 * checking the same message again. Undefined when no check ran this turn (a dialog driven
 * without the bot, as in a test).
 */
export function turnSafetyOf(context: TurnContext): TurnSafetyCheck | undefined {
  return context.turnState.get(KEY) as TurnSafetyCheck | undefined;
}
