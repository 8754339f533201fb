import type { DocumentRef } from './collaboration.events';
import type { MemberRole, ReportStatus } from './constants';
import type { Post } from './discussions.schema';
import type { ReportCommentChange } from './reports.schema';

/**
 * The events API modules tell each other about, through the one typed bus in api-core (`EventBus`). The owner of
 * a change emits after it is committed; listeners (the audit log, search) subscribe by name. Payloads are plain
 * data: ids and the names the emitter already had, never entities.
 */

/** Who did it, from where. `userId` is null when nobody is signed in (a failed sign-in). */
export interface EventActor {
  userId: string | null;
  /** The client address as Express resolved it (honouring the `trust proxy` setting), or null off a request. */
  ip: string | null;
  userAgent?: string | null;
}

/** What an export produced: a single report, or a filtered list. */
export const EXPORT_DATASETS = ['report', 'lessons', 'cycles_dashboard', 'audit_log'] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];

export interface DomainEvents {
  'auth.signed_in': { actor: EventActor; sessionId: string };
  /** Wrong email or password (rate-limited attempts are refused before they are checked, and not recorded). */
  'auth.sign_in_failed': { actor: EventActor; email: string; /** The account the email names, if there is one. */ userId: string | null };
  'auth.signed_out': { actor: EventActor; sessionId: string };
  /** Sessions that ended (signed out, elsewhere too, expired, password changed or reset): their live sockets close. */
  'sessions.revoked': { sessionIds: string[] };
  /**
   * What a session carries changed without ending it (a new cookie token, the person's email, language or time
   * zone): every instance reads these sessions again instead of serving them from memory.
   */
  'sessions.changed': { sessionIds: string[]; userIds: string[] };
  /**
   * Who may see which organisation changed (a membership, a role, a partner grant, a new organisation): every
   * instance reads these people's access again; `userIds: null` means everyone's.
   */
  'access.changed': { userIds: string[] | null };

  /** A secretariat admin put someone on the HIM Network's steering committee. */
  'network.steering_appointed': { actor: EventActor; userId: string };
  'invitation.sent': { actor: EventActor; organisationId: string; invitationId: string; email: string; role: MemberRole; emailSent: boolean };
  /** `actor` is the person who accepted (a new account when `newAccount`). */
  'invitation.accepted': { actor: EventActor; organisationId: string; invitationId: string; email: string; role: MemberRole; newAccount: boolean };
  'member.role_changed': { actor: EventActor; organisationId: string; userId: string; from: MemberRole; to: MemberRole };
  /** `left` when the member removed themself. */
  'member.removed': { actor: EventActor; organisationId: string; userId: string; role: MemberRole; left: boolean };
  'partner_grant.added': { actor: EventActor; organisationId: string; partnerOrganisationId: string; partnerName: string };
  'partner_grant.removed': { actor: EventActor; organisationId: string; partnerOrganisationId: string };

  'report.submitted': { actor: EventActor; organisationId: string; reportId: string; title: string; from: ReportStatus };
  /** A submitted report moved back to draft or review. */
  'report.reopened': { actor: EventActor; organisationId: string; reportId: string; title: string; to: ReportStatus };
  /** A comment of a report was written, replied to, edited, deleted, resolved or reopened (`commentId` names which). */
  'report.comment_changed': { actor: EventActor; organisationId: string; reportId: string; threadId: string; commentId: string; change: ReportCommentChange };

  /** A download of data: one report, or a list with the filters it was taken with. */
  'data.exported': {
    actor: EventActor;
    organisationId: string | null;
    dataset: ExportDataset;
    format: string;
    /** The one item exported (a report), else null. */
    target: { type: string; id: string; name: string } | null;
    /** Rows in a list export, else null. */
    rows: number | null;
    filters: Record<string, string>;
  };
  /** An uploaded file was downloaded; `restricted` when its audience is narrower than the whole network. */
  'file.downloaded': {
    actor: EventActor;
    organisationId: string;
    fileId: string;
    fileName: string;
    parent: { type: 'lesson' | 'initiative'; id: string; title: string };
    restricted: boolean;
  };

  /** A version of a real-time document was stored: a settled moment to refresh what depends on its text. */
  /** `savedAt`: the version's `created_at` (ISO 8601). */
  'document.version_saved': { actor: EventActor; document: DocumentRef; versionId: string; savedAt: string };
  /**
   * A stored change of a real-time document added mentions of people or organisations (`actor` wrote it). Emitted
   * once per change that inserts them, never per keystroke; who is told, and only once, is the document's owner's call.
   */
  'document.mentioned': { actor: EventActor; document: DocumentRef; mentions: Array<{ kind: 'user' | 'org'; id: string }> };
  /**
   * A change was applied to this instance's copy of an open document, before it is stored: the editors connected to
   * this instance get it at once (`exceptSocketId`, the socket that sent it, already has it). Other instances' copies
   * take it through the document relay, and pass it on to their own editors. Emitted per keystroke: handlers do no
   * more than pass it on.
   */
  'document.changed': { document: DocumentRef; update: Uint8Array; exceptSocketId: string | null };
  /** Who may read or edit a document may have changed (a report submitted, a role changed): open sockets re-check. */
  'document.access_changed': { document: DocumentRef };
  /** An open document's last editor left; it is dropped from memory once every handler is done (a version kept). */
  'document.releasing': { document: DocumentRef };

  /** A person's unread notification count changed (a new one, one read, all read): their open tabs show it. */
  'notification.unread_changed': { userId: string; unread: number };
  /** A discussion post was written, edited or deleted: those watching its thread, or its subject, see it at once. */
  'discussion.posted': { threadId: string; subject: { kind: string; id: string } | null; post: Post };
  /** A lesson's title, status or visibility changed, or it was deleted (committed): what refers to it follows. */
  'lesson.changed': { lessonId: string };
}

export type DomainEventName = keyof DomainEvents;

/**
 * Events whose handlers act on what one instance holds (its sockets, its open documents): with several instances
 * (REDIS_URL) they are delivered on every instance. Every other event is handled where it happens (what its
 * handlers write is shared through PostgreSQL, and socket.io broadcasts already reach every instance).
 */
export const CLUSTER_EVENTS: readonly DomainEventName[] = ['sessions.revoked', 'sessions.changed', 'access.changed', 'document.access_changed'];
