export * from './MailMessage';
export * from './MailOutbox';
export * from './SmtpTransport';
