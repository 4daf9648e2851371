import type { TurnContext } from 'botbuilder';
import type { DialogStateManagerConfiguration } from 'botbuilder-dialogs';

/** The turn-state key under which botbuilder-dialogs keeps it (memory/dialogStateManager.js). */
const TURN_STATE_KEY = 'DialogStateManagerConfiguration';

/**
 * botbuilder-dialogs' memory scopes and path resolvers, kept from the first turn for all later
 * ones. Without them in the turn state, the first dialog context of every turn builds them anew
 * from a service collection and its dependency graph: a twentieth of a booking turn. The scopes
 * keep nothing between turns (what they read lives in the turn state), so one set serves every
 * turn, as botbuilder's own DialogManager takes one configuration for all its turns.
 */
export class DialogMemoryConfiguration {
  private configuration?: DialogStateManagerConfiguration;

  /** Before a turn's first dialog context: gives it the configuration kept, if there is one. */
  applyTo(context: TurnContext): void {
    if (this.configuration && !context.turnState.has(TURN_STATE_KEY)) context.turnState.set(TURN_STATE_KEY, this.configuration);
  }

  /** After a dialog context was made: keeps the configuration botbuilder-dialogs built for it. */
  keepFrom(context: TurnContext): void {
    this.configuration ??= context.turnState.get(TURN_STATE_KEY) as DialogStateManagerConfiguration | undefined;
  }
}
