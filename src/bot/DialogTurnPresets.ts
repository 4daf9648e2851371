import type { TurnContext } from 'botbuilder';
import type { DialogStateManagerConfiguration } from 'botbuilder-dialogs';

/** The turn-state key under which botbuilder-dialogs keeps its memory configuration (memory/dialogStateManager.js). */
const CONFIGURATION_KEY = 'DialogStateManagerConfiguration';
/** The description of the symbol botbuilder-dialogs marks a turn with once it has emitted `activityReceived` (dialogContext.js). */
const ACTIVITY_RECEIVED_MARK = 'ActivityReceivedEmitted';

/**
 * What botbuilder-dialogs would otherwise build or do again at every turn, carried from the
 * first turn to the later ones. Both are per-turn entries in the turn state whose keys are
 * internal to botbuilder-dialogs; when a later version renames them, nothing is carried and the
 * turns are as slow as botbuilder makes them, no less correct (test/dialog-turn-presets.test.ts
 * fails then, so an upgrade notices).
 *
 * - The memory scopes and path resolvers: without them in the turn state, the first dialog
 *   context of every turn builds them anew from a service collection and its dependency graph.
 *   They keep nothing between turns (what they read lives in the turn state), so one set serves
 *   every turn, as botbuilder's own DialogManager takes one configuration for all its turns.
 * - The `activityReceived` event: the first `continueDialog` of a turn emits it from the
 *   innermost dialog, building a dialog context for every level of the stack on the way down,
 *   and a prompt there recognises the answer once for the event and once more for itself. No
 *   dialog of ours handles dialog events, so the turn is marked as if it had been emitted.
 */
export class DialogTurnPresets {
  private configuration?: DialogStateManagerConfiguration;
  private activityReceived?: symbol;

  /** Before a turn's first dialog context: presets what was learned from earlier turns. */
  applyTo(context: TurnContext): void {
    if (this.configuration && !context.turnState.has(CONFIGURATION_KEY)) context.turnState.set(CONFIGURATION_KEY, this.configuration);
    if (this.activityReceived) context.turnState.set(this.activityReceived, true);
  }

  /** After a dialog context was made or continued: keeps what botbuilder-dialogs set up for the turn. */
  keepFrom(context: TurnContext): void {
    this.configuration ??= context.turnState.get(CONFIGURATION_KEY) as DialogStateManagerConfiguration | undefined;
    if (this.activityReceived) return;
    for (const key of context.turnState.keys()) {
      if (typeof key === 'symbol' && key.description === ACTIVITY_RECEIVED_MARK) this.activityReceived = key;
    }
  }
}
