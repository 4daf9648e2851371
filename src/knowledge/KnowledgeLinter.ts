import { SUPPORTED_LOCALES } from '../config/AppConfig';
import { TextNormalizer } from '../understanding/TextNormalizer';
import { COUNTRY_SPECIFIC_TOPIC_IDS, REQUIRED_TOPIC_IDS } from './requiredTopics';
import { COUNTRIES } from './schemas';
import { allAnswerTexts, isPracticeField } from './TopicAnswer';
import type { ContentProblem, KnowledgeBase } from './types';

/** Limits the content must respect; exported so tests and the report use the same numbers. */
export const CONTENT_LIMITS = {
  minPhrasings: 8,
  maxAnswerWords: 120,
  maxLabelChars: 20,
  minFollowUps: 2,
  maxFollowUps: 4,
} as const;

/**
 * Placeholders any answer may contain. A practice fact (`{{fees.session}}`) may also appear in an
 * answer case whose `when` requires it to be set; anything else in double braces is a leftover.
 */
export const ALLOWED_PLACEHOLDERS = ['practiceName', 'phone', 'coverage.nlSessions', 'coverage.nlMonths', 'coverage.beRegularSessions'] as const;

const LEFTOVER = /\b(TODO|TBD|FIXME|XXX|lorem ipsum)\b|…|\.\.\.|\[\s*\]|<[a-z]+>/i;

/** Counts words as a reader would: runs of letters or digits. */
export function countWords(text: string): number {
  return (text.match(/[\p{L}\p{N}]+(['’-][\p{L}\p{N}]+)*/gu) ?? []).length;
}

/**
 * The rules beyond each file's schema: required topics, enough distinct phrasings, follow-ups
 * and sources that exist, answer and label lengths, placeholders, cross-file references.
 */
export function lintKnowledge(kb: KnowledgeBase): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const add = (file: string, field: string, problem: string) => problems.push({ file, field, problem });
  const normalizer = new TextNormalizer(kb.language, kb.synonyms);
  const sourceIds = new Set(kb.sources.map((s) => s.id));

  for (const id of REQUIRED_TOPIC_IDS) {
    if (!kb.topics.has(id)) add(`topics/${id}.yaml`, '', `required topic "${id}" is missing`);
  }

  const seen = new Map<string, string>();
  for (const topic of kb.topics.values()) {
    const file = `topics/${topic.id}.yaml`;
    for (const source of topic.sources) {
      if (!sourceIds.has(source)) add(file, 'sources', `"${source}" names no source in sources.yaml (known: ${[...sourceIds].join(', ')})`);
    }
    for (const country of COUNTRIES) {
      for (const source of topic.sourcesByCountry?.[country] ?? []) {
        const known = kb.sources.find((s) => s.id === source);
        if (!known) add(file, `sourcesByCountry.${country}`, `"${source}" names no source in sources.yaml`);
        else if (known.country && known.country !== country) {
          add(file, `sourcesByCountry.${country}`, `"${source}" is a source for ${known.country}, not for ${country}`);
        }
      }
    }
    const n = topic.followUps.length;
    if (n < CONTENT_LIMITS.minFollowUps || n > CONTENT_LIMITS.maxFollowUps) {
      add(file, 'followUps', `has ${n} follow-ups; expected ${CONTENT_LIMITS.minFollowUps} to ${CONTENT_LIMITS.maxFollowUps}`);
    }
    const from = topic.otherCountryFrom;
    if (from !== undefined && (from === topic.id || !kb.topics.has(from))) add(file, 'otherCountryFrom', `"${from}" is not another known topic id`);
    for (const f of topic.followUps) {
      if (f === topic.id) add(file, 'followUps', 'a topic cannot follow up on itself');
      else if (!kb.topics.has(f)) add(file, 'followUps', `"${f}" is not a known topic id`);
    }
    const lengthTopic = topic.visitLengthFollowUp;
    if (lengthTopic === topic.id) add(file, 'visitLengthFollowUp', 'names the topic itself; name the topic a question of how long something takes reads as');
    else if (lengthTopic !== undefined && !kb.topics.has(lengthTopic)) add(file, 'visitLengthFollowUp', `"${lengthTopic}" is not a known topic id`);
    for (const locale of SUPPORTED_LOCALES) {
      const content = topic.locales[locale];
      const at = (field: string) => `locales.${locale}.${field}`;
      if (content.phrasings.length < CONTENT_LIMITS.minPhrasings) {
        add(file, at('phrasings'), `has ${content.phrasings.length} phrasings; at least ${CONTENT_LIMITS.minPhrasings} are needed`);
      }
      const labelLength = [...content.label].length;
      if (labelLength > CONTENT_LIMITS.maxLabelChars) {
        add(file, at('label'), `"${content.label}" has ${labelLength} characters; at most ${CONTENT_LIMITS.maxLabelChars}`);
      }
      const texts = [...allAnswerTexts(content), { where: 'title', text: content.title, when: undefined }, { where: 'label', text: content.label, when: undefined }];
      for (const { where, text, when } of texts) {
        const isAnswer = where !== 'title' && where !== 'label';
        const words = countWords(text);
        if (isAnswer && words > CONTENT_LIMITS.maxAnswerWords) {
          add(file, at(where), `has ${words} words; at most ${CONTENT_LIMITS.maxAnswerWords} (move the rest to "more", shown behind "meer weten?")`);
        }
        if (LEFTOVER.test(text)) add(file, at(where), `contains a leftover placeholder (${LEFTOVER.exec(text)?.[0]})`);
        for (const m of text.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
          const name = m[1];
          if ((ALLOWED_PLACEHOLDERS as readonly string[]).includes(name)) continue;
          const condition = when?.[name];
          if (isPracticeField(name) && (condition === 'set' || condition === 'true')) continue;
          add(
            file,
            at(where),
            isPracticeField(name)
              ? `{{${name}}} may only appear in a case whose "when" has ${name}: set`
              : `unknown placeholder {{${name}}} (allowed: ${ALLOWED_PLACEHOLDERS.join(', ')}, or a practice fact named in the case's "when")`,
          );
        }
      }
      const countryDependent = Boolean(content.byCountry) || (content.cases ?? []).some((c) => c.when.country);
      if (countryDependent && !topic.sourcesByCountry) {
        add(file, 'sourcesByCountry', `locale ${locale} has text per country; name the sources for NL and for BE`);
      }
      if ((COUNTRY_SPECIFIC_TOPIC_IDS as readonly string[]).includes(topic.id) && !content.byCountry) {
        add(file, at('byCountry'), 'the facts of this topic differ between NL and BE: give the text per country (byCountry.NL, byCountry.BE)');
      }
      content.phrasings.forEach((phrasing, i) => {
        const key = `${locale}|${normalizer.key(phrasing)}`;
        const other = seen.get(key);
        if (other === topic.id) add(file, at(`phrasings.${i}`), `"${phrasing}" repeats another phrasing of this topic`);
        else if (other) add(file, at(`phrasings.${i}`), `"${phrasing}" is also a phrasing of topic "${other}"`);
        else seen.set(key, topic.id);
      });
    }
  }

  for (const rule of kb.emergency.rules) {
    for (const concept of [...rule.all, ...rule.any, ...rule.none]) {
      if (!kb.emergency.concepts[concept]) add('emergency.yaml', `rules.${rule.id}`, `unknown concept "${concept}"`);
    }
  }
  // The detector compares these with the normaliser's words: a form it rewrites ("mn") never matches.
  for (const [list, words] of Object.entries(kb.emergency.sentenceWords)) {
    for (const word of words) {
      const read = normalizer.baseWords(word);
      if (read.length !== 1 || read[0] !== word) add('emergency.yaml', `sentenceWords.${list}`, `"${word}" is read as "${read.join(' ')}": write the word as the text normaliser leaves it`);
    }
  }
  // Ages said as ordinals: the normaliser compares the possessives with its own words, and an
  // age read as a stop word, or as a word no phrasing uses, reaches no topic.
  const ages = kb.language.ageOrdinals;
  if (ages) {
    for (const word of ages.after) {
      const read = normalizer.baseWords(word);
      if (read.length !== 1 || read[0] !== word) add('language.yaml', 'ageOrdinals.after', `"${word}" is read as "${read.join(' ')}": write the word as the text normaliser leaves it`);
    }
    // The phrasings' own words: read with ages, a phrasing naming an age would count as using any band's word.
    const withoutAges = new TextNormalizer({ ...kb.language, ageOrdinals: undefined }, kb.synonyms);
    const phrasingStems = new Set<string>();
    for (const topic of kb.topics.values()) {
      for (const locale of SUPPORTED_LOCALES) for (const p of topic.locales[locale].phrasings) for (const st of withoutAges.contentStems(p)) phrasingStems.add(st);
    }
    ages.bands.forEach((band, i) => {
      const stems = normalizer.contentStems(band.word);
      if (stems.length !== 1) add('language.yaml', `ageOrdinals.bands.${i}.word`, `"${band.word}" must be one word that is no stop word`);
      else if (!phrasingStems.has(stems[0])) add('language.yaml', `ageOrdinals.bands.${i}.word`, `"${band.word}" is in no topic's phrasings, so an age read as it reaches no topic`);
    });
  }
  const known = (c: string) => Boolean(kb.emergency.concepts[c]);
  for (const [list, concepts] of [['history', kb.emergency.history], ['context', kb.emergency.context], ['unconditional', kb.emergency.unconditional], ['netQuiet.concepts', kb.emergency.netQuiet.concepts]] as const) {
    for (const c of concepts) if (!known(c)) add('emergency.yaml', list, `unknown concept "${c}"`);
  }
  kb.emergency.topicGuards.forEach((g, i) => {
    for (const c of [...g.when, ...g.unless]) if (!known(c)) add('emergency.yaml', `topicGuards.${i}`, `unknown concept "${c}"`);
    for (const t of [g.topic, g.instead]) if (!kb.topics.has(t)) add('emergency.yaml', `topicGuards.${i}`, `"${t}" is not a known topic id`);
  });
  const ruleIds = new Set(kb.emergency.rules.map((r) => r.id));
  for (const locale of SUPPORTED_LOCALES) {
    kb.screening[locale].questions.forEach((q, i) => {
      if (!ruleIds.has(q.redFlag)) add('screening.yaml', `${locale}.questions.${i}.redFlag`, `"${q.redFlag}" is not a rule id in emergency.yaml`);
    });
  }
  const practiceFile = 'practice.yaml';
  for (const id of [...kb.practice.alwaysHumanTopics, ...Object.keys(kb.practice.topicOverrides)]) {
    if (!kb.topics.has(id)) add(practiceFile, 'topics', `"${id}" is not a known topic id`);
  }
  kb.practice.locations.forEach((loc, i) => {
    for (const [day, spans] of Object.entries(loc.openingHours)) {
      spans.forEach(([from, to], k) => {
        if (from >= to) add(practiceFile, `locations.${i}.openingHours.${day}.${k}`, `opens at ${from} but closes at ${to}`);
      });
    }
  });
  const locationIds = new Set(kb.practice.locations.map((l) => l.id));
  const typeIds = new Set(kb.practice.appointmentTypes.map((t) => t.id));
  const therapistIds = new Set<string>();
  kb.practice.agenda.therapists.forEach((t, i) => {
    const at = `agenda.therapists.${i}`;
    if (therapistIds.has(t.id)) add(practiceFile, `${at}.id`, `therapist "${t.id}" is listed twice`);
    therapistIds.add(t.id);
    for (const id of t.appointmentTypes) {
      if (!typeIds.has(id)) add(practiceFile, `${at}.appointmentTypes`, `"${id}" is not an appointment type id`);
    }
    for (const [location, week] of Object.entries(t.workingHours)) {
      if (!locationIds.has(location)) add(practiceFile, `${at}.workingHours.${location}`, `"${location}" is not a location id`);
      for (const [day, spans] of Object.entries(week)) {
        spans.forEach(([from, to], k) => {
          if (from >= to) add(practiceFile, `${at}.workingHours.${location}.${day}.${k}`, `starts at ${from} but ends at ${to}`);
        });
      }
    }
    if (t.calendar !== undefined && !/^(https?:\/\/|\/)/.test(t.calendar)) {
      add(practiceFile, `${at}.calendar`, 'expected a URL (https://…) or a path on CALDAV_URL starting with /');
    }
  });
  return problems;
}
