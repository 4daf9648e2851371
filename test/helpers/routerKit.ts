import { parseConfig } from '../../src/config';
import { loadValidatedKnowledge } from '../../src/knowledge';
import { Router } from '../../src/understanding';

/** The two locales a routing table names. */
export type Locale = 'nl-NL' | 'nl-BE';

const config = parseConfig({});
/** The knowledge base as the service loads it. */
export const kb = loadValidatedKnowledge('knowledge');
/** The router as the service builds it, with the configured thresholds. */
export const router = new Router(kb, { thresholds: config.router, maxChars: config.maxMessageChars });

/** The decision's intent and topic, as a patient would notice them. */
export function routed(text: string, locale: Locale): { intent: string; topic: string | null } {
  const d = router.route(text, { locale });
  return { intent: d.intent, topic: d.topic };
}
