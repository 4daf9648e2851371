import Fuse from 'fuse.js';
import { SUPPORTED_LOCALES } from '../../src/config';
import { INTENT_IDS, type KnowledgeBase } from '../../src/knowledge';

/** A baseline classifier: text in, a topic id or `intent:<id>` or undefined out. */
export interface Baseline {
  name: string;
  classify(text: string): Promise<string | undefined>;
}

/** Labelled training phrases from the same knowledge the router uses. */
export function trainingPhrases(kb: KnowledgeBase): { text: string; label: string }[] {
  const out: { text: string; label: string }[] = [];
  for (const topic of kb.topics.values()) {
    for (const locale of SUPPORTED_LOCALES) {
      const c = topic.locales[locale];
      for (const text of [c.title, ...c.phrasings]) out.push({ text, label: topic.id });
    }
  }
  for (const id of INTENT_IDS) {
    for (const text of [...(kb.intents[id]?.exact ?? []), ...(kb.intents[id]?.phrasings ?? [])]) out.push({ text, label: `intent:${id}` });
  }
  return out;
}

/** fuse.js with its default options over all phrasings: the best hit's label. */
export function fuseBaseline(kb: KnowledgeBase): Baseline {
  const phrases = trainingPhrases(kb);
  const fuse = new Fuse(phrases, { keys: ['text'] });
  return {
    name: 'fuse.js (defaults)',
    classify: async (text) => fuse.search(text, { limit: 1 })[0]?.item.label,
  };
}

interface NlpProcessResult {
  intent: string;
  score: number;
}
interface NlpLike {
  addLanguage(lang: string): void;
  addDocument(lang: string, text: string, intent: string): void;
  train(): Promise<void>;
  process(lang: string, text: string): Promise<NlpProcessResult>;
}

/** NLP.js (@nlpjs/basic with @nlpjs/lang-nl) trained on the same phrasings. */
export async function nlpjsBaseline(kb: KnowledgeBase): Promise<Baseline> {
  // Imported by path: these packages ship no types. The container is built by hand because
  // @nlpjs/basic's dockStart insists on a conf.json path.
  const { containerBootstrap } = (await import('@nlpjs/core')) as unknown as {
    containerBootstrap(): Promise<{ use(x: unknown): void; get(name: string): NlpLike & { settings: Record<string, unknown> } }>;
  };
  const { Nlp } = (await import('@nlpjs/nlp')) as unknown as { Nlp: unknown };
  const { LangNl } = (await import('@nlpjs/lang-nl')) as unknown as { LangNl: unknown };
  const container = await containerBootstrap();
  container.use(Nlp);
  container.use(LangNl);
  const nlp = container.get('nlp');
  nlp.settings.autoSave = false;
  nlp.settings.log = false;
  nlp.addLanguage('nl');
  for (const { text, label } of trainingPhrases(kb)) nlp.addDocument('nl', text, label);
  await nlp.train();
  return {
    name: 'NLP.js (lang-nl)',
    classify: async (text) => {
      const r = await nlp.process('nl', text);
      return r.intent && r.intent !== 'None' ? r.intent : undefined;
    },
  };
}
