/**
 * The turn-state key under which a channel that knows the client's IP address (the website
 * chat) gives it to the bot for the turn, for limits such as {@link BookingLookupGuard}. Never
 * stored or logged.
 */
export const CLIENT_IP_KEY = 'fysio.clientIp';
