import "server-only";
import { createTransport, type Transporter } from "nodemailer";
import { processSingleton } from "../cache/process-singleton";
import { env } from "../env";

export type MailMessage = {
  to: string[];
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
};

export type MailConfig = { smtpUrl?: string; from: string };

export function mailConfig(): MailConfig {
  return { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM };
}

/** One pooled SMTP transport per process and URL. */
function transportFor(smtpUrl: string): Transporter {
  return processSingleton(`mail.transport:${smtpUrl}`, () =>
    createTransport({
      url: smtpUrl,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    }),
  );
}

export class MailNotConfigured extends Error {
  constructor() {
    super("email is not configured on this Orrery (set SMTP_URL)");
    this.name = "MailNotConfigured";
  }
}

/** Sends through the configured SMTP server; throws with the server's reason when it refuses. */
export async function sendMail(message: MailMessage, config: MailConfig = mailConfig()): Promise<void> {
  if (!config.smtpUrl) throw new MailNotConfigured();
  await transportFor(config.smtpUrl).sendMail({
    from: config.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: message.headers,
  });
}
