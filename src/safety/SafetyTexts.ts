import type { EmergencyData, Practice } from '../knowledge/types';
import type { Tier } from './Tier';

/** A practice's country: its emergency, crisis and after-hours services follow from it. */
export type Country = Practice['country'];

/** The services of one country, from `knowledge/emergency.yaml`. */
export type CountryServices = EmergencyData['countries'][Country];

/**
 * The sentences and services of the red-flag tiers for one practice. The country is the
 * PRACTICE's (practice.yaml), never the patient's language: a Flemish speaker at a practice in
 * Utrecht is sent to the huisartsenpost and 113, a Dutch speaker in Antwerp to 1733 and 1813.
 */
export class SafetyTexts {
  readonly services: CountryServices;

  constructor(private readonly data: EmergencyData, readonly country: Country) {
    this.services = data.countries[country];
  }

  /** The locale key of a tier's instruction, e.g. `emergency.now.BE`. */
  instructionKey(tier: Tier): string {
    return `emergency.${tier}.${this.country}`;
  }

  /**
   * The locale key of the crisis text for a message only the learned net read as a crisis, in
   * the middle of a booking: it gives the line and asks, instead of taking it as said.
   */
  crisisUnsureKey(again = false, setAside = true): string {
    const name = `crisisUnsure${setAside ? '' : 'Open'}${again ? 'Again' : ''}`;
    return `emergency.${name}.${this.country}`;
  }

  /**
   * The locale key of the short line after a crisis text taken back ("sorry, I misread you"): the
   * line is named once more, without its numbers and chat in full (a tester found the full
   * reminder there a repetition of what was just taken back).
   */
  misreadLineKey(): string {
    return `emergency.misreadLine.${this.country}`;
  }

  /**
   * The locale key of the answer to "who do I call now?" (see CareQuestion): the country's
   * services, with the practice's own regional after-hours service when practice.yaml names one.
   */
  careKey(local: boolean): string {
    return `emergency.care.${this.country}${local ? 'local' : ''}`;
  }

  /** The locale key of the one-line reminder given with later answers. */
  reminderKey(tier: Tier): string {
    return `emergency.reminder.${tier}.${this.country}`;
  }

  /**
   * The locale key of a tier's one line given after a more urgent tier's instruction in the same
   * reply (RedFlag.beside). The crisis line's reminder names nothing said before, so it serves as
   * its line; a doctor's tiers have a line of their own (their reminders speak of "what you
   * described earlier", which in the same reply is the crisis text).
   */
  besideKey(tier: Tier): string {
    return tier === 'crisis' ? this.reminderKey(tier) : `emergency.beside.${tier}.${this.country}`;
  }

  /** The variables the tiers' texts use: the country's numbers and services. */
  variables(): Record<string, string> {
    return { ...this.services };
  }

  /** True when a booking may still be offered and made after this tier in the same conversation. */
  bookingAllowedAfter(tier: Tier | undefined): boolean {
    return !tier || this.data.tiers[tier].bookingAfter;
  }
}
