import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { UsersService } from '@simashe/api-accounts';
import { EventBus, ForbiddenError, NotFoundError, type AuthContext } from '@simashe/api-core';
import { NotificationsService } from '@simashe/api-notifications';
import { AccessPolicy, OrganisationsService } from '@simashe/api-organisations';
import type { DomainEvents, Language, Mentions } from '@simashe/contracts';
import { DataSource } from 'typeorm';
import { reportResource, type ReportFacts } from './report-access';
import { ReportsService } from './reports.service';

/** Someone else, for asking the policy what they may read before telling them anything. */
const as = (userId: string): AuthContext => ({ userId, sessionId: '', email: '' });

/** The inbox line, in the recipient's language (the names and the title stay as written). */
const MENTIONED_IN_REPORT: Record<Language, (author: string, title: string) => string> = {
  en: (author, title) => `${author} mentioned you in “${title}”`,
  fr: (author, title) => `${author} vous a mentionné dans « ${title} »`,
  es: (author, title) => `${author} le mencionó en «${title}»`,
  ar: (author, title) => `أشار إليك ${author} في «${title}»`,
};

/**
 * Who hears of a mention in a report: the people named, and the members of the organisations named, minus the
 * author, and only those the AccessPolicy lets read the report (ids that name nobody get nothing and reveal nothing).
 * Shared by comments and the report's own text. The organisations' members are api-organisations' (one batch).
 */
export async function mentionRecipients(
  organisations: OrganisationsService,
  policy: AccessPolicy,
  authorId: string,
  facts: ReportFacts,
  mentions: Mentions,
): Promise<string[]> {
  const members = await organisations.memberIds(mentions.organisations);
  const candidates = new Set([...mentions.users, ...members]);
  candidates.delete(authorId);
  const readers: string[] = [];
  for (const userId of candidates) {
    if ((await policy.scope(as(userId))).can('report:read', reportResource(facts))) readers.push(userId);
  }
  return readers;
}

/**
 * Mentions typed into a report's text (the `mention` node of the shared schema). The collaboration layer announces
 * each stored change that inserts some (`document.mentioned`); the people who may read the report are told once per
 * report, whoever mentions them and however often (`report_mentions`), so typing, undoing or restoring a version never
 * tells anyone twice.
 */
@Injectable()
export class ReportMentions implements OnModuleInit {
  private readonly logger = new Logger('ReportMentions');

  constructor(
    private readonly db: DataSource,
    private readonly reports: ReportsService,
    private readonly policy: AccessPolicy,
    private readonly notifications: NotificationsService,
    private readonly events: EventBus,
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
  ) {}

  onModuleInit(): void {
    this.events.on('document.mentioned', (event) => this.documentMentioned(event));
  }

  async documentMentioned({ actor, document, mentions }: DomainEvents['document.mentioned']): Promise<void> {
    if (document.kind !== 'report' || !actor.userId) return;
    const reportId = document.documentId;
    let facts: ReportFacts;
    try {
      // The writer must still read the report (their change was authorised a moment ago).
      facts = (await this.reports.accessTo(as(actor.userId), reportId)).facts;
    } catch (error) {
      if (error instanceof NotFoundError || error instanceof ForbiddenError) return;
      throw error;
    }
    const wanted: Mentions = {
      users: mentions.filter((mention) => mention.kind === 'user').map((mention) => mention.id),
      organisations: mentions.filter((mention) => mention.kind === 'org').map((mention) => mention.id),
    };
    const readers = await mentionRecipients(this.organisations, this.policy, actor.userId, facts, wanted);
    if (readers.length === 0) return;
    // Only ids that are people (api-accounts says which) are recorded: a mention of an id that names nobody is no row.
    const existing = await this.users.existingIds(readers);
    const people = readers.filter((userId) => existing.has(userId));
    if (people.length === 0) return;
    // Only those not told before: one row per person and report, whoever inserts it first wins a race.
    const fresh: Array<{ user_id: string }> = await this.db.query(
      `INSERT INTO report_mentions (report_id, user_id, mentioned_by)
       SELECT $1, unnest($2::uuid[]), $3
       ON CONFLICT (report_id, user_id) DO NOTHING RETURNING user_id`,
      [reportId, people, actor.userId],
    );
    if (fresh.length === 0) return;
    const [report]: Array<{ title: string }> = await this.db.query('SELECT title FROM reports WHERE id = $1', [reportId]);
    // The writer's name and the recipients' languages in one batch of api-accounts; someone deleted meanwhile is skipped.
    const named = await this.users.people([actor.userId, ...fresh.map((row) => row.user_id)]);
    const author = named.get(actor.userId)?.name ?? null;
    const names = report ? { title: report.title, author } : undefined;
    for (const { user_id: userId } of fresh) {
      const person = named.get(userId);
      if (!person) continue;
      const words = MENTIONED_IN_REPORT[(person.preferredLanguage ?? 'en') as Language] ?? MENTIONED_IN_REPORT.en;
      await this.notifications.notify(userId, {
        kind: 'mention',
        title: words(names?.author ?? '—', names?.title ?? '—'),
        link: `/reports/${reportId}`,
        dedupeKey: `report-mention:${reportId}`,
        message: { key: 'reportMention', params: { name: names?.author ?? '', report: names?.title ?? '' } },
      });
    }
    this.logger.debug(`told ${fresh.length} of a mention in report ${reportId}`);
  }
}
