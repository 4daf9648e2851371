/** Dialog and prompt ids, one place, so dialogs and tests refer to the same constants. */
export const BOOKING_DIALOG = 'bookingDialog';
export const BOOKING_WATERFALL = 'bookingWaterfall';
export const BOOKING_CONFIRM_WATERFALL = 'bookingConfirmWaterfall';
export const SCREENING_DIALOG = 'screeningDialog';
export const SCREENING_WATERFALL = 'screeningWaterfall';
export const SLOT_DIALOG = 'slotDialog';
export const SLOT_WATERFALL = 'slotWaterfall';
export const DETAILS_DIALOG = 'detailsDialog';
export const DETAILS_WATERFALL = 'detailsWaterfall';
export const CANCEL_BOOKING_DIALOG = 'cancelBookingDialog';
export const CANCEL_BOOKING_WATERFALL = 'cancelBookingWaterfall';
/** A phone number or e-mail address of the booking just made, said to be wrong. */
export const CONTACT_FIX_DIALOG = 'contactFixDialog';
export const CONTACT_FIX_WATERFALL = 'contactFixWaterfall';
export const HANDOFF_DIALOG = 'handoffDialog';
export const HANDOFF_WATERFALL = 'handoffWaterfall';
export const HANDOFF_PHONE_PROMPT = 'handoffPhonePrompt';
/** A message left for the practice when nobody is in the chat and the patient wants no call back. */
export const HANDOFF_MESSAGE_WATERFALL = 'handoffMessageWaterfall';
export const HANDOFF_MESSAGE_PROMPT = 'handoffMessagePrompt';
export const SAVE_TRANSCRIPT_DIALOG = 'saveTranscriptDialog';
export const DELETE_DATA_DIALOG = 'deleteDataDialog';

export const CHOICE_PROMPT = 'choicePrompt';
export const SINCE_PROMPT = 'sincePrompt';
/** What the complaint is, when the patient chose "something else" than hip or knee. */
export const COMPLAINT_PROMPT = 'complaintPrompt';
export const SLOT_PROMPT = 'slotPrompt';
export const NAME_PROMPT = 'namePrompt';
export const BIRTH_DATE_PROMPT = 'birthDatePrompt';
export const PHONE_PROMPT = 'phonePrompt';
export const EMAIL_PROMPT = 'emailPrompt';
export const REFERENCE_PROMPT = 'referencePrompt';
/** What a callback is about, in the patient's words. */
export const HANDOFF_REASON_PROMPT = 'handoffReasonPrompt';

/** Prompts that take free text: a FAQ-looking answer there is an answer, not a question. */
export const FREE_TEXT_PROMPTS: ReadonlySet<string> = new Set([
  SINCE_PROMPT, COMPLAINT_PROMPT, SLOT_PROMPT, NAME_PROMPT, BIRTH_DATE_PROMPT, PHONE_PROMPT, EMAIL_PROMPT, REFERENCE_PROMPT, HANDOFF_PHONE_PROMPT, HANDOFF_REASON_PROMPT, HANDOFF_MESSAGE_PROMPT,
]);

/**
 * Prompts that ask for something remembered, a time or a date (since when the complaint is there,
 * a date of birth): "I don't remember any more" is an answer there, whatever else those words
 * can mean (FysioBot: the learned crisis net alone does not override it).
 */
export const MEMORY_PROMPTS: ReadonlySet<string> = new Set([SINCE_PROMPT, BIRTH_DATE_PROMPT]);

/** Marks a free-text answer given up on after three invalid tries. */
export const TOO_MANY_TRIES = '\u0000too-many-tries';

/** Marks a free-text answer that says the patient does not have what is asked (a lost reference code). */
export const NOT_AT_HAND = '\u0000not-at-hand';
