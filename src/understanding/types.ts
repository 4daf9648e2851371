import type { Locale } from '../config/AppConfig';

/** What the router decided a message is; the values of the `route` command's `intent`. */
export type RouteIntent =
  | 'faq' | 'clarify' | 'booking' | 'cancel-booking' | 'handoff' | 'emergency' | 'greeting'
  | 'thanks' | 'help' | 'restart' | 'none'
  | 'switch-locale-nl' | 'switch-locale-be' | 'delete-data' | 'yes' | 'no' | 'stop' | 'release' | 'save-transcript'
  | 'appointment-lookup';

/** A topic the router considered, with its confidence 0..1. */
export interface Candidate {
  topic: string;
  score: number;
}

/** The router's decision for one message: plain data, no framework types. */
export interface RouteDecision {
  intent: RouteIntent;
  topic: string | null;
  score: number;
  /** Close topics to offer when clarifying (also filled for answers, for follow-up use). */
  candidates: Candidate[];
  /** For a follow-up about the other country ("en in België?"): answer from that locale's text. */
  answerLocale?: Locale;
  /**
   * True when the message was read against the previous topic ("en bij de knie?", "hoe lang duurt
   * dat?"): a follow-up, which may land on the topic just answered.
   */
  followUp?: boolean;
  /**
   * For `none`: the message is a part of a sentence sent on its own ("in the bathroom"), which asks
   * nothing yet; the bot asks for the question instead of saying it cannot answer.
   */
  fragment?: boolean;
  /**
   * For `appointment-lookup`: the question asks whether the patient's own appointment stays as it
   * is ("may my appointment stay?"), not where to find it.
   */
  keeps?: boolean;
  /** The red-flag rule that fired, for emergencies. */
  emergencyRule?: string;
}

/** What the router knows of the conversation so far. */
export interface RouteContext {
  locale: Locale;
  /** The topic answered last, so "en bij de knie?" is read against it. */
  previousTopic?: string;
  /**
   * True when the safety module already checked this message this turn and found no red flag:
   * the router then skips its own emergency step, so detection runs once per message.
   */
  safetyChecked?: boolean;
}
