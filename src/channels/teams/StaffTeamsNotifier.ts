import { CardFactory, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { Ticket } from '../../handoff/Ticket';
import type { Translator } from '../../i18n/Translator';
import type { Logger } from '../../logging/Logger';

/**
 * Tells the practice's staff in a Teams conversation that a ticket is waiting, with a link to
 * the console. Only the reason and channel are shared: no patient text leaves the console.
 */
export class StaffTeamsNotifier {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly target: { serviceUrl: string; conversationId: string },
    private readonly appId: string,
    private readonly consoleUrl: string,
    private readonly translator: Translator,
    private readonly logger: Logger,
  ) {}

  async notify(ticket: Ticket): Promise<void> {
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams', serviceUrl: this.target.serviceUrl, conversation: { id: this.target.conversationId, isGroup: true, name: '', conversationType: 'channel' },
      bot: { id: this.appId, name: 'fysio-assistent' },
    };
    const text = this.translator.t('nl-NL', 'staff.newTicket', { reason: ticket.reason, channel: ticket.channel });
    const card = CardFactory.heroCard('', text, undefined, [{ type: 'openUrl', title: this.translator.t('nl-NL', 'staff.open'), value: this.consoleUrl }]);
    try {
      await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
        await context.sendActivity({ type: 'message', text, attachments: [card] });
      });
    } catch (err) {
      this.logger.warn({ event: 'staff_teams_failed', err }, 'could not tell staff in Teams');
    }
  }
}
