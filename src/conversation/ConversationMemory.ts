import type { Locale } from '../config/AppConfig';
import type { Tier } from '../safety/Tier';

/** What the bot remembers of one conversation between turns (no personal data). */
export interface ConversationMemory {
  /** The locale chosen by the patient (Flemish or Dutch), else from the channel. */
  locale?: Locale;
  /** The topic answered last, for follow-ups such as "and for the knee?". */
  previousTopic?: string;
  /**
   * What the bot's last reply answered from, for a follow-up to go on from there: a topic's answer,
   * its second part (the more button), or the practice's calendar ("are you open on Wednesday?",
   * so that "and Saturday?" asks the same of another day), or a miss that asked a question: which
   * of three ways to go on (`miss`), or whether to talk to a person (`missPerson`), so that a bare
   * yes or no answers it; or the bare "how can I help you?" after a bare yes or no (`prompt`) or
   * after part of a sentence (`piece`), which a yes or no is not given again; or a red flag that
   * ended a booking at its summary, unmade (`notBooked`), so that "must I cancel it then?" hears
   * there is none. Cleared by every other reply.
   */
  lastReply?: 'answer' | 'more' | 'day' | 'miss' | 'missPerson' | 'lookup' | 'prompt' | 'piece' | 'notBooked';
  /**
   * What a question of the bot's own last reply offered, for the one message after it: a typed
   * yes takes it as tapping its button would (`take`, the button's value), a no is acknowledged.
   * The offer of an answer that closes with "do you want an appointment? You can make one here"
   * (`answer`), of the English message (`english`: booking in Dutch), or of the booking for a
   * relative after a confirmation (`relative`). Without it a yes to these got "how can I help?"
   * or a repeat of the answer (an eighth patient-style test).
   */
  offer?: Offer;
  /** The topic just answered, until the next message tells whether the answer helped. */
  answeredTopic?: string;
  /** Messages in a row the bot could not answer; at two it offers a person first. */
  misses: number;
  /**
   * Pieces of a question in a row ("my knee" / "hurts"), each answered by asking for the question:
   * the next piece is read together with them (the texts are the handoff's recent lines, not kept here).
   */
  pieces?: number;
  /** True once the welcome was sent, so a channel that sends two joins does not greet twice. */
  welcomed?: boolean;
  /**
   * True once this conversation opened a handoff ticket. Only such a conversation can be held
   * by a person, so only for these does the bot ask the ticket store on every turn.
   */
  ticketOpened?: boolean;
  /**
   * The most urgent red-flag tier of this conversation so far: kept to its end (also through
   * starting again), so later answers carry a reminder and, after 112, crisis or now, no booking.
   */
  safetyTier?: Tier;
  /**
   * The less urgent tiers this conversation was also given, as an instruction before a more urgent
   * one or as a line beside it (RedFlag.beside): messages read together again do not give them again.
   */
  safetyAlso?: Tier[];
  /**
   * True for the one message after a booking was confirmed: a second confirm (a double tap,
   * or the same tap arriving twice) then hears that the booking stands, not a puzzled answer.
   */
  justBooked?: boolean;
  /**
   * The reference of the appointment booked or moved in the last turn, for the one message after
   * it: "sorry, I said yes by mistake" or "put it back to Tuesday after all" is about that one, and
   * needs no code (CancelBookingDialog.changeOfJustMade).
   */
  justChanged?: string;
  /**
   * Set for the one message after the bot heard "I already have an appointment" and offered to
   * look it up: "but I want one more" then asks for another booking (it got "no good answer").
   */
  toldHasOne?: boolean;
  /**
   * Set for the one message after the crisis line was given as a question (SafetyDesk.unsure):
   * 1 the first time, 2 when asked once more. A yes to it is the crisis it asked about.
   */
  crisisAsked?: 1 | 2;
  /** True once the crisis line was given as a question in this conversation: it is asked only once. */
  crisisQuestioned?: boolean;
  /**
   * When the crisis line was given as a question (ms since the epoch): the messages before it are
   * no longer read together with later ones, since the question answered them.
   */
  crisisQuestionedAt?: number;
  /**
   * The message the crisis line was given as a question about, outside a flow, for the one
   * message after it: a no (or "I'm fine") is answered by answering this message, which the
   * question held back. Kept only while the question is open; never logged.
   */
  crisisAskedAbout?: string;
  /**
   * True for the one message after a no to the crisis question (or after the flow went on when it
   * was asked twice): a message that takes that no back ("actually yes, after all") is its yes,
   * whatever step the flow asks again (AnswerWords.takesBackNo).
   */
  crisisDeclined?: boolean;
  /**
   * Messages left (not counting refused booking requests) in which the patient can say that the
   * crisis text given for an unsure flag (SafetyDesk.unsure) misread them: the crisis tier is then
   * lifted and booking allowed again. Dropped by any alarm given after it.
   */
  crisisMisreadable?: number;
  /**
   * True for the one message after a screening question's yes ended a booking with its
   * instruction: a message saying the yes was a mistake is then acknowledged (the instruction
   * stands) and a person offered, instead of a puzzled answer.
   */
  screeningYes?: boolean;
}

/** An offer the bot's last reply made with a question of its own (see {@link ConversationMemory.offer}). */
export interface Offer {
  /** The value of the button that takes it. */
  take: string;
  from: 'answer' | 'english' | 'relative';
}

/** A fresh memory for a new conversation. */
export function newMemory(): ConversationMemory {
  return { misses: 0 };
}
