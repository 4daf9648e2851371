import { ActionTypes, ActivityTypes, CardFactory, type Activity, type Attachment, type CardAction } from 'botbuilder';
import type { Reply } from '../conversation/Reply';
import { escapeMarkdown } from './escapeMarkdown';

/** Channels that show Adaptive Cards. */
const CARD_CHANNELS = new Set(['msteams', 'emulator', 'test']);
/**
 * The practice's chat page: Web Chat's minimal bundle (half the weight of the full one) shows
 * files and renders Markdown through the page's own renderer, but has no Adaptive Cards; facts
 * come as bold labels on lines of their own.
 */
const WEB_PAGE_CHANNELS = new Set(['webchat', 'directline']);

/**
 * Turns channel-independent replies into Bot Framework activities: text always (every channel
 * can show it), choices as suggested actions (imBack, so a click arrives as the same text a
 * patient could type), facts as an Adaptive Card and files as attachments where the channel
 * shows them. Dialog code never asks which channel it is on; adapters of channels without
 * suggested actions (WhatsApp) translate them further.
 */
export class ActivityRenderer {
  render(reply: Reply, locale?: string, channelId?: string): Partial<Activity> {
    const page = !!channelId && WEB_PAGE_CHANNELS.has(channelId);
    const cards = !channelId || CARD_CHANNELS.has(channelId);
    const files = cards || page;
    // Without cards the facts are lines of the text, so a summary is never shown twice where there are.
    const factLines = page
      ? (reply.facts ?? []).map((f) => `**${escapeMarkdown(f.label)}:** ${escapeMarkdown(f.value)}`)
      : (reply.facts ?? []).map((f) => `${f.label}: ${f.value}`);
    const text = reply.facts?.length && !cards ? [reply.text, ...(page ? [''] : []), ...factLines].join('\n') : reply.text;
    const activity: Partial<Activity> = { type: ActivityTypes.Message, text, locale, inputHint: 'acceptingInput' };
    if (reply.choices?.length) {
      const actions: CardAction[] = reply.choices.map((c) => ({ type: ActionTypes.ImBack, title: c.label, value: c.value }));
      activity.suggestedActions = { actions, to: [] };
    }
    const attachments: Attachment[] = [];
    if (reply.facts?.length && cards) {
      attachments.push(
        CardFactory.adaptiveCard({
          type: 'AdaptiveCard',
          version: '1.4',
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          body: [{ type: 'FactSet', facts: reply.facts.map((f) => ({ title: f.label, value: f.value })) }],
        }),
      );
    }
    if (reply.file && files) {
      attachments.push({
        name: reply.file.name,
        contentType: reply.file.contentType,
        contentUrl: `data:${reply.file.contentType};base64,${Buffer.from(reply.file.content, 'utf8').toString('base64')}`,
      });
    }
    if (attachments.length) activity.attachments = attachments;
    return activity;
  }
}
