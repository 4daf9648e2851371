/** A reply button of an interactive "button" message: id ≤ 256 characters, title ≤ 20. */
export interface WhatsAppReplyButton {
  type: 'reply';
  reply: { id: string; title: string };
}

/** A row of an interactive "list" message: id ≤ 200 characters, title ≤ 24. */
export interface WhatsAppListRow {
  id: string;
  title: string;
}

/**
 * One message as the Cloud API's `POST /{phone-number-id}/messages` takes it, without the
 * envelope (`messaging_product`, `recipient_type`, `to`) that the Graph client adds.
 */
export type OutboundWhatsAppMessage =
  | { type: 'text'; text: { body: string; preview_url: boolean } }
  | {
      type: 'interactive';
      interactive: { type: 'button'; body: { text: string }; action: { buttons: WhatsAppReplyButton[] } };
    }
  | {
      type: 'interactive';
      interactive: {
        type: 'list';
        body: { text: string };
        action: { button: string; sections: { rows: WhatsAppListRow[] }[] };
      };
    };

/** The Cloud API's limits for what we send. */
export const WHATSAPP_LIMITS = {
  textBody: 4096,
  interactiveBody: 1024,
  buttons: 3,
  buttonTitle: 20,
  buttonId: 256,
  listRows: 10,
  rowTitle: 24,
  rowId: 200,
  listButton: 20,
} as const;
