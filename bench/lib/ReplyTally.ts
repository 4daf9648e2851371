/** One reply activity as the bench reads it from an `expectReplies` response. */
export interface ReplyActivity {
  type?: string;
  text?: string;
  suggestedActions?: { actions?: { title?: string; value?: unknown }[] };
}

/** The reply activities in a response body; undefined when the body is not an expectReplies answer. */
export function replyActivities(body: string): ReplyActivity[] | undefined {
  try {
    const parsed = JSON.parse(body) as { activities?: unknown };
    return Array.isArray(parsed.activities) ? (parsed.activities as ReplyActivity[]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks every response of a load run: status 2xx and a body holding at least one reply
 * message activity. Counts what failed and keeps a few short examples (status and the start of
 * the body, which holds the bot's text, never the patient's) to show in the report.
 */
export class ReplyTally {
  checked = 0;
  badStatus = 0;
  noReply = 0;
  readonly statusCodes: Record<string, number> = {};
  readonly examples: string[] = [];

  /** Records one response; true when it is good. */
  check(status: number, body: string): boolean {
    this.checked += 1;
    this.statusCodes[status] = (this.statusCodes[status] ?? 0) + 1;
    if (status < 200 || status > 299) {
      this.badStatus += 1;
      this.remember(`HTTP ${status}: ${body.slice(0, 120)}`);
      return false;
    }
    const activities = replyActivities(body);
    if (!activities?.some((a) => a.type === 'message')) {
      this.noReply += 1;
      this.remember(`HTTP ${status} without a reply activity: ${body.slice(0, 120)}`);
      return false;
    }
    return true;
  }

  private remember(example: string): void {
    if (this.examples.length < 5) this.examples.push(example);
  }
}
