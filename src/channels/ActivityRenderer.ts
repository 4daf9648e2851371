import { ActionTypes, ActivityTypes, type Activity, type CardAction } from 'botbuilder';
import type { Reply } from '../conversation/Reply';

/**
 * Turns channel-independent replies into Bot Framework activities: text, with choices as
 * suggested actions (imBack, so a click arrives as the same text a patient could type).
 * Channel adapters that cannot show suggested actions translate them further.
 */
export class ActivityRenderer {
  render(reply: Reply, locale?: string): Partial<Activity> {
    const activity: Partial<Activity> = { type: ActivityTypes.Message, text: reply.text, locale, inputHint: 'acceptingInput' };
    if (reply.choices?.length) {
      const actions: CardAction[] = reply.choices.map((c) => ({ type: ActionTypes.ImBack, title: c.label, value: c.value }));
      activity.suggestedActions = { actions, to: [] };
    }
    return activity;
  }
}
