/** One e-mail as the service composes it: plain text, with files attached. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  attachments: MailAttachment[];
}

/** A file attached to an e-mail. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/** Delivers a message to the mail server; rejects when the server did not accept it. */
export interface MailTransport {
  send(message: MailMessage): Promise<void>;
  close(): void;
}
