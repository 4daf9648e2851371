import type { EmergencyData, LanguageData } from '../knowledge/types';
import type { CrisisNet } from '../safety/CrisisNet';
import { RedFlagDetector, type WordSource } from '../safety/RedFlagDetector';
import type { Clock } from '../util/Clock';

/**
 * The router's emergency step, kept so that `route` and the evaluation still report an
 * emergency: the detection itself is the safety module's ({@link RedFlagDetector}), which the
 * bot runs before the router on every message.
 */
export class EmergencyDetector {
  /** The detector it asks; the bot's safety desk asks the same one (built once: it is most of a start). */
  readonly detector: RedFlagDetector;

  constructor(data: EmergencyData, language: LanguageData, normalizer: WordSource, net?: CrisisNet, clock?: Clock) {
    this.detector = new RedFlagDetector(data, language, normalizer, clock, net);
  }

  /** The id of the most urgent rule that fires, or undefined. */
  detect(text: string, corrected?: readonly string[]): string | undefined {
    return this.detector.detect(text, corrected)?.rule;
  }
}
