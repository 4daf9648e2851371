import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';

/** Activity fields a channel sends as ISO strings and botbuilder hands to the bot as dates. */
const DATE_FIELDS = [
  ['timestamp', 'rawTimestamp'],
  ['localTimestamp', 'rawLocalTimestamp'],
  ['expiration', 'rawExpiration'],
] as const;

/**
 * botbuilder's CloudAdapter for `/api/messages` requests whose body the server has already
 * checked ({@link activityProblem}). `CloudAdapter.process` checks the request again with zod
 * schemas that it builds anew on every call (`z.record(z.unknown())` twice, `z.string()`) and
 * walks every field of the body with them: 4–5 % of a FAQ turn's CPU and a tenth of the
 * instructions of a booking turn, for a check that had already been made. {@link handle} runs
 * the same turn, authentication and all, through the adapter's own `processActivity`.
 */
export class HttpCloudAdapter extends CloudAdapter {
  /**
   * Authenticates the request and runs `logic` for the activity, as `CloudAdapter.process`
   * does; resolves with what to answer (the replies of an `expectReplies` turn, an invoke's
   * response) or undefined for a plain 200. Rejects with botbuilder's `AuthenticationError`
   * for a refused token.
   */
  handle(activity: Activity, authorization: string, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, withDates(activity), logic);
  }
}

/** The channel's ISO timestamps as dates, the raw strings kept: what botbuilder's own activity check does. */
function withDates(activity: Activity): Activity {
  const fields = activity as unknown as Record<string, unknown>;
  for (const [field, raw] of DATE_FIELDS) {
    const value = fields[field];
    if (typeof value === 'string') {
      fields[raw] = value;
      fields[field] = new Date(value);
    }
  }
  return activity;
}
