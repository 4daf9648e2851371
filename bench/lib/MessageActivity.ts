import type { Locale } from '../../src/config';

/**
 * The JSON body of a Bot Framework message activity as a channel would POST it to
 * `/api/messages`, asking for the replies in the response (`deliveryMode: expectReplies`), so
 * that a load generator sees the bot's whole turn and nothing is posted back to a serviceUrl.
 */
export function messageActivity(text: string, locale: Locale, conversationId: string): string {
  return JSON.stringify({
    type: 'message',
    id: `${conversationId}-${Math.random().toString(36).slice(2, 10)}`,
    text,
    locale,
    deliveryMode: 'expectReplies',
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9',
    conversation: { id: conversationId },
    from: { id: `user-${conversationId}`, name: 'bench' },
    recipient: { id: 'bot', name: 'bot' },
    timestamp: new Date().toISOString(),
  });
}
