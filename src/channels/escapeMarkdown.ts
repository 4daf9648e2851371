/** Characters with a meaning in the Markdown that Bot Framework channels render. */
const MARKDOWN = /[\\`*_{}[\]()#+\-.!|<>~]/g;

/**
 * A patient's words as literal text wherever a channel renders Markdown (Web Chat, Teams, a
 * contact centre's agent view): `[klik](https://…)` shows as typed instead of as a link, and
 * no emphasis, heading or HTML comes through.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN, (c) => `\\${c}`);
}
