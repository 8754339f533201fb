import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Transporter } from 'nodemailer';
import type * as NodemailerModule from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../config';

/** nodemailer is loaded only when SMTP is configured. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodemailer = (): typeof NodemailerModule => require('nodemailer');

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * SMTP adapter: sends through SMTP_URL when configured; otherwise the message is logged,
 * because no mail server is assumed and the UI shows links (invitations) directly.
 */
@Injectable()
export class MailService {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = config.smtpUrl ? nodemailer().createTransport(config.smtpUrl) : undefined;
  }

  get enabled(): boolean {
    return this.transport !== undefined;
  }

  /** Returns whether the message left through SMTP. A mail failure never fails the caller's action. */
  async send(mail: OutgoingMail): Promise<boolean> {
    if (!this.transport) {
      this.logger.log(`(no SMTP configured) to=${mail.to} subject="${mail.subject}"\n${mail.text}`);
      return false;
    }
    try {
      await this.transport.sendMail({ from: this.config.mailFrom, ...mail });
      return true;
    } catch (error) {
      this.logger.warn(`SMTP delivery to ${mail.to} failed: ${(error as Error).message}`);
      return false;
    }
  }
}
