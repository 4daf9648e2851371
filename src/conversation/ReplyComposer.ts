import type { Locale } from '../config/AppConfig';
import type { Translator } from '../i18n/Translator';
import { isPracticeField, PRACTICE_FIELDS, PRACTICE_INFO_TOPIC, practiceValue, selectAnswer, type KnowledgeBase } from '../knowledge';
import type { Country } from '../knowledge/schemas';
import { SafetyTexts } from '../safety/SafetyTexts';
import type { Tier } from '../safety/Tier';
import type { Candidate } from '../understanding/types';
import { formatOpeningHours, renderPracticeInfo } from './PracticeInfo';
import type { Choice, Reply } from './Reply';

/**
 * Turns the router's decisions into replies: FAQ answers with their follow-ups, clarifying
 * choices, the honest no-match, the emergency instruction. Plain data in and out.
 */
export class ReplyComposer {
  /**
   * `say()` sentences per locale and key. They depend only on the content, which does not
   * change while the process runs, and `say()` runs on every turn.
   */
  private readonly sentences = new Map<string, string>();
  /** Answers per locale and topic, for the same reason; copied out, so callers may change them. */
  private readonly answers = new Map<string, Reply & { more?: string }>();

  /** The red-flag tiers' sentences for the practice's country. */
  readonly safety: SafetyTexts;

  constructor(private readonly kb: KnowledgeBase, private readonly t: Translator) {
    this.safety = new SafetyTexts(kb.emergency, kb.practice.country);
  }

  /** The main actions offered in the welcome and after help. */
  mainActions(locale: Locale): Choice[] {
    return ['ask', 'book', 'person'].map((a) => this.action(locale, a));
  }

  welcome(locale: Locale): Reply[] {
    return [
      { text: [this.t.t(locale, 'welcome.text', { practiceName: this.kb.practice.name }), this.purpose(locale)].join('\n') },
      { text: this.t.t(locale, 'welcome.prompt'), choices: this.mainActions(locale) },
    ];
  }

  /**
   * What the bot is for and not for, with the practice's country's emergency numbers, and how
   * what the patient says is used (the practice's privacy page): said once per conversation.
   */
  purpose(locale: Locale): string {
    const country = this.kb.practice.country;
    return `${this.t.t(locale, `welcome.purpose.${country}`)} ${this.t.t(locale, 'welcome.privacy', { privacyUrl: this.kb.practice.privacyUrl })}`;
  }

  /**
   * A topic's answer and its follow-ups as choices. The text is the practice's override, else the
   * case that fits the practice's configuration, else the text for the practice's country, else
   * the topic's answer. A long answer offers "meer weten?"; costs and complaints offer a person.
   */
  answer(topicId: string, locale: Locale): Reply {
    const reply = this.composed(topicId, locale);
    return { text: reply.text, choices: reply.choices && [...reply.choices] };
  }

  /**
   * A topic's answer for the other country than the practice's ("and in Belgium?" at a Dutch
   * practice), in the patient's words: the line that the practice lies in its own country, then
   * that country's text of the topic, or of its `otherCountryFrom` (its own line of where the
   * practice lies taken off). Not a
   * case of the practice's configuration (those hold the practice's own fees), and without "meer
   * weten?", whose text is the practice country's. The practice country's answer when the
   * country is the practice's or the topic is the same in both.
   */
  answerFor(topicId: string, locale: Locale, country: Country): Reply {
    const own = this.answer(topicId, locale);
    const from = this.kb.topics.get(topicId)?.otherCountryFrom ?? topicId;
    const other = this.kb.topics.get(from)?.locales[locale].byCountry?.[country];
    if (country === this.kb.practice.country || !other) return own;
    const liesIn = this.t.t(locale, `faq.practiceIn.${country}`);
    const filled = this.fill(other.answer, locale);
    const text = filled.startsWith(liesIn) ? filled.slice(liesIn.length).trim() : filled;
    const more = this.action(locale, 'more').value;
    return { text: `${this.t.t(locale, `faq.otherCountry.${this.kb.practice.country}`)}\n${text}`, choices: own.choices?.filter((c) => c.value !== more) };
  }

  /** The second part of a long answer ("meer weten?"), or undefined when the topic has none. */
  more(topicId: string, locale: Locale): Reply | undefined {
    const reply = this.composed(topicId, locale);
    if (reply.more === undefined) return undefined;
    return { text: reply.more, choices: reply.choices?.filter((c) => c.value !== this.action(locale, 'more').value) };
  }

  private composed(topicId: string, locale: Locale): Reply & { more?: string } {
    const id = `${locale}\u0000${topicId}`;
    let reply = this.answers.get(id);
    if (!reply) {
      reply = this.composeAnswer(topicId, locale);
      this.answers.set(id, reply);
    }
    return reply;
  }

  private composeAnswer(topicId: string, locale: Locale): Reply & { more?: string } {
    const topic = this.kb.topics.get(topicId);
    if (!topic) throw new Error(`unknown topic ${topicId}`);
    const override = this.kb.practice.topicOverrides[topicId]?.[locale];
    const selected = override !== undefined ? { answer: override } : selectAnswer(topic.locales[locale], this.kb.practice);
    let text = this.fill(selected.answer, locale);
    const more = selected.more === undefined ? undefined : this.fill(selected.more, locale);
    if (topicId === PRACTICE_INFO_TOPIC) text += '\n\n' + renderPracticeInfo(this.kb.practice, locale, this.t);
    const choices = topic.followUps
      .map((id) => this.kb.topics.get(id))
      .filter((f) => f !== undefined)
      .map((f) => ({ label: f.locales[locale].label, value: f.locales[locale].label }));
    if (more !== undefined) choices.unshift(this.action(locale, 'more'));
    if (topic.offerPerson) choices.push(this.action(locale, 'person'));
    return { text, choices, more };
  }

  /** Replaces the placeholders: the practice's name and phone, and the practice facts. */
  private fill(text: string, locale: Locale): string {
    return text
      .replace(/\{\{\s*([^}]*?)\s*\}\}/g, (whole, name: string) => {
        if (name === 'practiceName') return this.kb.practice.name;
        if (name === 'phone') return this.kb.practice.phone;
        if (!isPracticeField(name)) return whole;
        const value = practiceValue(this.kb.practice, name);
        if (value === undefined || typeof value === 'boolean') return whole;
        if (PRACTICE_FIELDS[name] === 'amount' && typeof value === 'number') {
          return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(value);
        }
        return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : value;
      })
      .trim();
  }

  /** "Bedoel je …?" with the close topics and a way out. */
  clarify(candidates: Candidate[], locale: Locale): Reply {
    const choices = candidates
      .map((c) => this.kb.topics.get(c.topic))
      .filter((f) => f !== undefined)
      .map((f) => ({ label: f.locales[locale].label, value: f.locales[locale].label }));
    return { text: this.t.t(locale, 'clarify.question'), choices: [...choices, this.action(locale, 'other')] };
  }

  /**
   * The honest "I don't know"; after two misses in a row a person is offered first. After a
   * tier that rules out booking ("ok", "en nu?" after a crisis text) it offers no appointment,
   * only that the bot is still there and a person.
   */
  noMatch(misses: number, locale: Locale, tier?: Tier): Reply {
    // After the crisis text a bare yes or no is most likely about how one feels.
    const key = tier === 'crisis' ? 'nomatch.afterCrisis' : 'nomatch.afterAlarm';
    if (tier && !this.safety.bookingAllowedAfter(tier)) return { text: this.t.t(locale, key), choices: [this.action(locale, 'person')] };
    if (misses >= 2) {
      return { text: this.t.t(locale, 'nomatch.second'), choices: [this.action(locale, 'person'), this.action(locale, 'rephrase')] };
    }
    return {
      text: this.t.t(locale, 'nomatch.first'),
      choices: [this.action(locale, 'rephrase'), this.action(locale, 'book'), this.action(locale, 'person')],
    };
  }

  /**
   * A tier's instruction with the practice's country's numbers. Only `soon` offers anything
   * next (a question, an appointment): 112, a crisis and a doctor today are the one thing to do.
   */
  emergency(locale: Locale, tier: Tier): Reply {
    const text = this.t.t(locale, this.safety.instructionKey(tier), this.safety.variables());
    return tier === 'soon' ? { text, choices: this.mainActions(locale) } : { text };
  }

  /**
   * The crisis line given as a question, or asked once more: see {@link SafetyTexts.crisisUnsureKey}.
   * With a flow set aside it says so and offers the button back to it; without one, neither.
   */
  crisisUnsure(locale: Locale, choices: Choice[], again = false): Reply {
    return { text: this.t.t(locale, this.safety.crisisUnsureKey(again, choices.length > 0), this.safety.variables()), choices };
  }

  /** The short line that follows a crisis text taken back (see {@link SafetyTexts.misreadLineKey}). */
  misreadLine(locale: Locale): string {
    return this.t.t(locale, this.safety.misreadLineKey(), this.safety.variables());
  }

  /**
   * Where to get a doctor now, by day, out of hours and when life is in danger, with the services
   * of the practice's country (and its own region's after-hours service, when practice.yaml names one).
   */
  care(locale: Locale): Reply {
    const local = this.kb.practice.localAfterHours;
    const vars = { ...this.safety.variables(), ...(local ? { localName: local.name, localPhone: local.phone } : {}) };
    return { text: this.t.t(locale, this.safety.careKey(Boolean(local)), vars) };
  }

  /** The one-line reminder of a tier given with later answers. */
  reminder(locale: Locale, tier: Tier): string {
    return this.t.t(locale, this.safety.reminderKey(tier), this.safety.variables());
  }

  /** The one line of a less urgent tier given after a more urgent one's instruction (RedFlag.beside). */
  besideLine(locale: Locale, tier: Tier): string {
    return this.t.t(locale, this.safety.besideKey(tier), this.safety.variables());
  }

  /** A simple sentence from the locale file, with the practice's name, phone and hours. */
  say(locale: Locale, key: string, choices?: Choice[]): Reply {
    const id = `${locale}\u0000${key}`;
    let text = this.sentences.get(id);
    if (text === undefined) {
      const loc = this.kb.practice.locations[0];
      const hours = this.t.t(locale, 'practice.hours', { hours: formatOpeningHours(loc.openingHours, locale, this.t) });
      text = this.t.t(locale, key, { practiceName: this.kb.practice.name, phone: this.kb.practice.phone, hours });
      this.sentences.set(id, text);
    }
    return { text, choices };
  }

  /**
   * The answer to a question about what happens to the patient's data: what is kept, how long
   * (the configured retention), who sees it, and the practice's privacy page; with how to ask
   * for the deletion, which is never started by such a question.
   */
  privacy(locale: Locale, retention: { bookingDays: number; conversationDays: number }): Reply {
    const text = this.t.t(locale, 'privacy.answer', { practiceName: this.kb.practice.name, days: retention.bookingDays, conversationDays: retention.conversationDays });
    return { text, choices: this.mainActions(locale) };
  }

  /**
   * How long a first appointment takes, from the practice's appointment types (practice.yaml):
   * one length, or the shortest and the longest. Undefined when the practice lists none.
   */
  visitLength(locale: Locale, choices?: Choice[]): Reply | undefined {
    const minutes = this.kb.practice.appointmentTypes.map((t) => t.durationMinutes);
    if (!minutes.length) return undefined;
    const from = Math.min(...minutes);
    const to = Math.max(...minutes);
    const text = from === to ? this.t.t(locale, 'faq.visitLength', { minutes: from }) : this.t.t(locale, 'faq.visitLengths', { from, to });
    return { text, choices };
  }

  /** A sentence from the locale file about a topic: `{{title}}` in it is the topic's title. */
  sayAbout(locale: Locale, key: string, topicId: string, choices?: Choice[]): Reply {
    const title = this.kb.topics.get(topicId)?.locales[locale].title ?? '';
    return { text: this.t.t(locale, key, { title }), choices };
  }

  action(locale: Locale, name: string): Choice {
    const label = this.t.t(locale, `actions.${name}`);
    return { label, value: label };
  }
}
