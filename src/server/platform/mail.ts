import type { Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';

export interface MailMessage {
  to: string | string[];
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  readonly configured: boolean;
  /** Sends the message; returns false (and sends nothing) when no SMTP server is configured. */
  send(message: MailMessage): Promise<boolean>;
  close(): void;
}

export function createMailer(opts: { smtpUrl: string | undefined; from: string; log?: FastifyBaseLogger }): Mailer {
  if (!opts.smtpUrl) {
    return {
      configured: false,
      async send(m) {
        opts.log?.info({ to: m.to, subject: m.subject }, 'SMTP_URL not set: mail not sent');
        return false;
      },
      close() {},
    };
  }
  const smtpUrl = opts.smtpUrl;
  // nodemailer (~3 MB of heap) loads with the first message: most servers send mail rarely.
  let transport: Promise<Transporter> | undefined;
  const open = () => (transport ??= import('nodemailer').then((m) => m.default.createTransport(smtpUrl)));
  return {
    configured: true,
    async send(m) {
      await (await open()).sendMail({ from: opts.from, to: m.to, subject: m.subject, text: m.text, html: m.html });
      return true;
    },
    close: () => void transport?.then((t) => t.close()),
  };
}
