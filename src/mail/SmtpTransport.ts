import nodemailer, { type Transporter } from 'nodemailer';
import type { SmtpConfig } from '../config/AppConfig';
import { isLoopbackHost } from '../util/loopback';
import type { MailMessage, MailTransport } from './MailMessage';

/** Seconds to wait for the server at each stage; a hanging server must not pile up sends. */
const TIMEOUT_MS = 15_000;

/**
 * Sends through the practice's SMTP server with nodemailer. A server that is not on this
 * machine must offer TLS (STARTTLS or smtps:): an appointment with a name and a time never
 * travels in clear text over a network.
 */
export class SmtpTransport implements MailTransport {
  private readonly transporter: Transporter;

  constructor(private readonly config: SmtpConfig) {
    this.transporter = nodemailer.createTransport({
      host: config.host,
      port: config.port,
      secure: config.secure,
      requireTLS: !config.secure && !isLoopbackHost(config.host),
      auth: config.auth,
      connectionTimeout: TIMEOUT_MS,
      greetingTimeout: TIMEOUT_MS,
      socketTimeout: TIMEOUT_MS,
      // nodemailer's own logger would print addresses: it stays off.
      logger: false,
      debug: false,
    });
  }

  async send(message: MailMessage): Promise<void> {
    await this.transporter.sendMail({
      from: this.config.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      attachments: message.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
    });
  }

  close(): void {
    this.transporter.close();
  }
}
