import type { Transporter } from 'nodemailer';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  listUnsubscribe: string | null;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** SMTP by `SMTP_URL` (smtp:// or smtps://, credentials in the URL). */
export function smtpTransport(smtpUrl: string): MailTransport {
  // nodemailer is loaded with the first mail, not with the hub (one of the start's heavier imports).
  let transporter: Promise<Transporter> | undefined;
  const connect = () => (transporter ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(smtpUrl)));
  return {
    async send(mail) {
      await (await connect()).sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        // RFC 8058: a POST to this address (List-Unsubscribe=One-Click) unsubscribes at once.
        headers: mail.listUnsubscribe
          ? { 'List-Unsubscribe': `<${mail.listUnsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
          : {},
      });
    },
    close() {
      void transporter?.then((connected) => connected.close());
    },
  };
}

/** The server refused the recipient itself (5xx to RCPT TO): retrying will not help. */
export function isRecipientRejected(error: unknown): boolean {
  const e = error as { responseCode?: number; command?: string; code?: string };
  return typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600 && (e.command === 'RCPT TO' || e.code === 'EENVELOPE');
}
