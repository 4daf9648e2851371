/**
 * `npm run --silent route`: reads JSON lines `{"text", "locale"}` on stdin and writes one JSON
 * decision per line, in order, taking the decisions the bot takes for a conversation's first
 * message (`tier`: the red flag's urgency for an emergency). Nothing else goes to stdout; a bad
 * line gets `{"error": …}` in its place.
 */
import { createInterface } from 'node:readline';
import { SUPPORTED_LOCALES, parseConfig, type Locale } from '../config';
import { loadValidatedKnowledge } from '../knowledge';
import { CRISIS_NET_RULE } from '../safety/CrisisNet';
import { Router } from '../understanding';

// A question about one's own appointment has its own answer (where to find it), so it keeps its name.
const ROUTE_INTENTS = new Set(['faq', 'clarify', 'booking', 'cancel-booking', 'handoff', 'emergency', 'greeting', 'thanks', 'help', 'restart', 'none', 'appointment-lookup']);

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const knowledge = loadValidatedKnowledge(config.knowledgeDir, config.practiceFile);
  const router = new Router(knowledge, { thresholds: config.router, maxChars: config.maxMessageChars });
  const fallback: Locale = config.defaultLocale ?? knowledge.practice.defaultLocale;
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let input: { text?: unknown; locale?: unknown };
    try {
      input = JSON.parse(line) as typeof input;
    } catch {
      process.stdout.write(JSON.stringify({ error: 'not valid JSON' }) + '\n');
      continue;
    }
    const text = typeof input.text === 'string' ? input.text : '';
    const locale = SUPPORTED_LOCALES.includes(input.locale as Locale) ? (input.locale as Locale) : fallback;
    const d = router.route(text, { locale });
    // Commands outside the route contract (locale switch, data deletion) count as help.
    const intent = ROUTE_INTENTS.has(d.intent) ? d.intent : 'help';
    const out: Record<string, unknown> = { intent, topic: intent === 'faq' ? d.topic : null, score: d.score };
    out.candidates = intent === 'clarify' ? d.candidates : [];
    // The red flag's tier (112, crisis, now, soon) for emergencies; null otherwise.
    out.tier = intent === 'emergency' ? (d.emergencyRule === CRISIS_NET_RULE ? 'crisis' : (knowledge.emergency.rules.find((r) => r.id === d.emergencyRule)?.tier ?? null)) : null;
    process.stdout.write(JSON.stringify(out) + '\n');
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`route: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
