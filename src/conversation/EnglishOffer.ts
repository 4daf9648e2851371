import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config/ConfigError';
import type { Practice } from '../knowledge/types';
import { foldAndSplit } from '../understanding/TextNormalizer';
import type { Reply } from './Reply';

/** Sentences every English locale file must have. */
const REQUIRED = ['welcome.text', 'welcome.prompt', 'language.offer', 'help.text', 'emergency.text', 'emergency.textBE', 'booking.intro', 'actions.book', 'actions.person', 'actions.dutch', 'actions.flemish', 'offer.declined'];

/**
 * A message in English is answered in English (`locales/en`): what the assistant does, that it
 * answers in Dutch, how the practice helps in English (phone, a callback), the emergency numbers
 * of the practice's country and how to book. A message is taken for English when at least two
 * of its words are English marker words and they outnumber its Dutch function words.
 */
export class EnglishOffer {
  private readonly strings: Record<string, unknown>;
  private readonly markers: Set<string>;

  constructor(localesDir: string, private readonly practice: Practice, private readonly hours: string, private readonly dutchWords: ReadonlySet<string>) {
    const file = join(localesDir, 'en', 'translation.json');
    if (!existsSync(file)) throw new ConfigError([`${file}: the English locale file is missing`]);
    try {
      this.strings = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch (err) {
      throw new ConfigError([`${file}: not valid JSON (${(err as Error).message})`]);
    }
    const missing = REQUIRED.filter((k) => typeof this.lookup(k) !== 'string');
    if (missing.length) throw new ConfigError(missing.map((k) => `${file}: key "${k}" is missing`));
    const markers = this.lookup('language.markers');
    this.markers = new Set(Array.isArray(markers) ? markers.map(String) : []);
  }

  /** Whether the message is English rather than Dutch. */
  isEnglish(text: string): boolean {
    const words = foldAndSplit(text.replace(/'/g, ''));
    const english = words.filter((w) => this.markers.has(w) && !this.dutchWords.has(w)).length;
    const dutch = words.filter((w) => this.dutchWords.has(w)).length;
    return english >= 2 && english > dutch;
  }

  /** The English answer: welcome, the language offer, emergency numbers and booking, with buttons. */
  replies(): Reply[] {
    const s = (key: string) => this.text(key);
    return [
      { text: `${s('welcome.text')}\n\n${s('language.offer')}\n\n${s(this.practice.country === 'BE' ? 'emergency.textBE' : 'emergency.text')}` },
      { text: s('booking.intro'), choices: ['actions.book', 'actions.person', this.practice.country === 'BE' ? 'actions.flemish' : 'actions.dutch'].map((k) => ({ label: s(k), value: s(k) })) },
    ];
  }

  /** A no to its offer to book in Dutch: fine, and how else the practice helps in English. */
  declined(): Reply {
    return { text: this.text('offer.declined'), choices: ['actions.person', this.practice.country === 'BE' ? 'actions.flemish' : 'actions.dutch'].map((k) => ({ label: this.text(k), value: this.text(k) })) };
  }

  /**
   * The emergency numbers in English, for the practice's country: said after a red flag's
   * instruction (which is in Dutch) when the message was English.
   */
  emergencyNote(): Reply {
    return { text: this.text(this.practice.country === 'BE' ? 'emergency.textBE' : 'emergency.text') };
  }

  /** The welcome for a channel whose locale is English. */
  welcome(): Reply[] {
    return this.replies();
  }

  private text(key: string): string {
    return String(this.lookup(key)).replace(/\{\{(\w+)\}\}/g, (_m, v: string) => ({ practiceName: this.practice.name, phone: this.practice.phone, hours: this.hours })[v] ?? '');
  }

  private lookup(key: string): unknown {
    return key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), this.strings);
  }
}
