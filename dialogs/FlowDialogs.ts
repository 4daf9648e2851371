import type { Dialog } from 'botbuilder-dialogs';
import type { Locale } from '../src/config/AppConfig';
import type { ComplaintHint } from '../src/conversation/AnswerWords';
import type { Flow, MessageOutcome } from '../src/conversation/MessageResponder';
import { BookingDialog, type BookingOptions } from './BookingDialog';
import { CancelBookingDialog } from './CancelBookingDialog';
import { deleteDataDialog, saveTranscriptDialog } from './ConfirmedActionDialog';
import type { DialogDeps } from './DialogDeps';
import { DELETE_DATA_DIALOG, SAVE_TRANSCRIPT_DIALOG } from './dialogIds';
import { HandoffDialog, type HandoffOptions } from './HandoffDialog';

/**
 * The dialog of each flow a message can start; the bot runs them at the root of its dialog
 * stack. (There is no main dialog above them: the bot answers one-turn messages itself, and a
 * container dialog would only add a dialog context, with its memory scopes, to every turn.)
 */
export type FlowDialogs = Record<Flow, Dialog> & { handoff: HandoffDialog };

/** Builds the flows' dialogs. */
export function createFlowDialogs(deps: DialogDeps): FlowDialogs {
  return {
    booking: new BookingDialog(deps),
    'cancel-booking': new CancelBookingDialog(deps),
    handoff: new HandoffDialog(deps),
    'save-transcript': saveTranscriptDialog(SAVE_TRANSCRIPT_DIALOG, deps),
    'delete-data': deleteDataDialog(DELETE_DATA_DIALOG, deps),
  };
}

/** The options a flow's dialog starts with. */
export function flowOptions(outcome: Extract<MessageOutcome, { kind: 'flow' }>, locale: Locale, hint?: ComplaintHint): BookingOptions | HandoffOptions {
  if (outcome.flow === 'handoff') return { reason: outcome.reason ?? 'requested' };
  return outcome.flow === 'booking' && (hint?.joint || hint?.forOther || hint?.alsoFor) ? { locale, hint } : { locale };
}
