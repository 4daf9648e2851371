import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { AvailabilityService } from '../src/booking/AvailabilityService';
import type { BookingConfirmationMail } from '../src/booking/BookingConfirmationMail';
import type { BookingFormatter } from '../src/booking/BookingFormatter';
import type { BookingRepository } from '../src/booking/BookingRepository';
import type { BookingLookupGuard } from '../src/booking/BookingLookupGuard';
import type { DateExpressionParser } from '../src/booking/DateExpressionParser';
import type { RandomInt } from '../src/booking/ReferenceCode';
import type { ActivityRenderer } from '../src/channels/ActivityRenderer';
import type { AnswerWords } from '../src/conversation/AnswerWords';
import type { ConversationMemory } from '../src/conversation/ConversationMemory';
import type { ReplyComposer } from '../src/conversation/ReplyComposer';
import type { SafetyDesk } from '../src/conversation/SafetyDesk';
import type { Translator } from '../src/i18n/Translator';
import type { KnowledgeBase } from '../src/knowledge/types';
import type { Router } from '../src/understanding/Router';
import type { Clock } from '../src/util/Clock';
import type { HandoffService } from '../src/handoff/HandoffService';
import type { RecentLines } from '../src/handoff/RecentLines';
import type { CurationRepository } from '../src/curation/CurationRepository';

/** Everything the dialogs use, passed in by the composition root. */
export interface DialogDeps {
  router: Router;
  composer: ReplyComposer;
  /** Red flags: checked before anything else, their tier remembered per conversation. */
  safety: SafetyDesk;
  renderer: ActivityRenderer;
  translator: Translator;
  knowledge: KnowledgeBase;
  memory: StatePropertyAccessor<ConversationMemory>;
  availability: AvailabilityService;
  bookings: BookingRepository;
  formatter: BookingFormatter;
  dateParser: DateExpressionParser;
  /** Yes, no, positions, back, later: the words patients type instead of pressing a button. */
  answers: AnswerWords;
  clock: Clock;
  random: RandomInt;
  /** Days personal data is kept after the appointment (RETENTION_BOOKING_DAYS). */
  retentionDays: number;
  /**
   * Deletes what the bot holds about the patient of this turn; says how much of each kind went:
   * `bookings` coming appointments (cancelled), `pastBookings` past ones (only their details went).
   */
  forgetUser(context: TurnContext): Promise<{ bookings: number; pastBookings: number; callbacks: number; transcripts: number }>;
  handoff: HandoffService;
  /** The last lines of each conversation, for a receptionist (in memory, or shared in PostgreSQL). */
  recent: RecentLines;
  /** Unanswered questions, answer feedback, opt-in transcripts. */
  curation: CurationRepository;
  /** Days conversations (and opt-in transcripts) are kept (RETENTION_CONVERSATION_DAYS). */
  conversationRetentionDays: number;
  /** True while a receptionist has the console's live queue open, on any instance. */
  staffOnline(): Promise<boolean>;
  /** The confirmation e-mail, sent in the background after a booking is stored; none when absent. */
  confirmationMail?: BookingConfirmationMail;
  /** Limits booking lookups by reference and date of birth; none when absent (tests). */
  lookupGuard?: BookingLookupGuard;
}
