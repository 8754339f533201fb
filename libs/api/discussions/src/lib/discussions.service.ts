import { Injectable } from '@nestjs/common';
import { ConflictError, EventBus, ForbiddenError, NotFoundError, ValidationError, type AuthContext } from '@simashe/api-core';
import { LessonsService } from '@simashe/api-lessons';
import { MeetingAccess } from '@simashe/api-meetings';
import { AccessPolicy } from '@simashe/api-organisations';
import { NotificationsService } from '@simashe/api-notifications';
import { ReportsService } from '@simashe/api-reports';
import { SearchIndexer, type Audience } from '@simashe/api-search';
import { mentionsIn, readableText, type CreatePostRequest, type ListThreadsQuery, type ReportStatus, type CreateTopicRequest, type MentionCandidate, type Post, type Thread, type ThreadWithPosts } from '@simashe/contracts';
import { DataSource } from 'typeorm';

type SubjectKind = Thread['subjectKind'];

interface Subject {
  /** Who hears about every new post even before taking part (a lesson's author). */
  ownerId?: string | null;
  title: string;
  link: string;
  audience: Audience;
  organisationId: string | null;
  meetingId: string | null;
}

interface ThreadRow {
  id: string;
  subject_kind: SubjectKind;
  subject_id: string | null;
  title: string;
  created_at: Date;
  last_post_at: Date;
  post_count: number;
}

/** What access to a thread's subject depends on, loaded with the thread (for the list of threads). */
interface SubjectFactsRow {
  report_organisation_id: string | null;
  report_status: ReportStatus;
  report_archived: boolean;
  lesson_organisation_id: string | null;
  lesson_region_code: string | null;
  lesson_status: 'draft' | 'published';
  lesson_visibility: 'organisation' | 'region' | 'network';
}

interface PostRow {
  id: string;
  thread_id: string;
  author_id: string | null;
  author_name: string | null;
  body: string;
  quote_post_id: string | null;
  quote_author_name: string | null;
  quote_body: string | null;
  quote_deleted: boolean | null;
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
}

const THREAD_SQL = `SELECT t.*, (SELECT count(*)::int FROM discussion_posts p WHERE p.thread_id = t.id AND p.deleted_at IS NULL) AS post_count
  FROM discussion_threads t`;
const POST_SQL = `SELECT p.*, a.name AS author_name, q.body AS quote_body, q.deleted_at IS NOT NULL AS quote_deleted, qa.name AS quote_author_name
  FROM discussion_posts p LEFT JOIN users a ON a.id = p.author_id
  LEFT JOIN discussion_posts q ON q.id = p.quote_post_id LEFT JOIN users qa ON qa.id = q.author_id`;

/** Someone else, for checking what they may read before notifying them. */
const as = (userId: string): AuthContext => ({ userId, sessionId: '', email: '' });

/**
 * Discussions: network-wide topics and one thread per report, meeting or lesson. Whoever may read the subject
 * reads and writes its thread; mentions and replies reach people's inboxes; new posts are pushed live.
 */
@Injectable()
export class DiscussionsService {
  constructor(
    private readonly db: DataSource,
    private readonly reports: ReportsService,
    private readonly meetingAccess: MeetingAccess,
    private readonly lessons: LessonsService,
    private readonly notifications: NotificationsService,
    private readonly indexer: SearchIndexer,
    private readonly policy: AccessPolicy,
    private readonly events: EventBus,
  ) {
    events.requireSubscriber('discussion.posted', 'DiscussionsService');
  }

  /** Watchers of the thread (by id, or by its subject before it existed) see the post at once (the gateway). */
  private announce(thread: ThreadRow, post: Post): void {
    void this.events.emit('discussion.posted', { threadId: thread.id, subject: thread.subject_id ? { kind: thread.subject_kind, id: thread.subject_id } : null, post });
  }

  /** Throws not-found unless the person may read the subject (to watch its thread before it has posts). */
  async requireSubject(auth: AuthContext, kind: Exclude<SubjectKind, 'topic'>, subjectId: string): Promise<void> {
    await this.subject(auth, kind, subjectId);
  }

  async topics(): Promise<Thread[]> {
    const rows: ThreadRow[] = await this.db.query(`${THREAD_SQL} WHERE t.subject_kind = 'topic' ORDER BY t.last_post_at DESC LIMIT 200`);
    return rows.map(presentThread);
  }

  /**
   * Every thread the caller may read, newest activity first (at most 200). The subjects' facts come with the threads
   * in one query; the AccessPolicy's scope decides each row (meetings through MeetingAccess, its rule in SQL).
   */
  async readableThreads(auth: AuthContext, subject: ListThreadsQuery['subject']): Promise<Thread[]> {
    const scope = await this.policy.scope(auth);
    const meetingIds = subject === 'all' || subject === 'meeting' ? await this.meetingAccess.visibleIds(auth.userId, { includeCancelled: true }) : [];
    const organisationIds = scope.readableOrganisationIds;
    // A first cut in SQL (organisations the caller may read at all, lessons shared beyond them) keeps the rows few;
    // the scope then decides every one of them.
    const rows: Array<ThreadRow & SubjectFactsRow> = await this.db.query(
      `${THREAD_SQL}
       LEFT JOIN reports r ON t.subject_kind = 'report' AND r.id = t.subject_id
       LEFT JOIN lessons l ON t.subject_kind = 'lesson' AND l.id = t.subject_id
       LEFT JOIN organisations lo ON lo.id = l.organisation_id
       WHERE ($1 = 'all' OR t.subject_kind = $1)
         AND (t.subject_kind = 'topic'
           OR (t.subject_kind = 'report' AND r.organisation_id = ANY($2::uuid[]))
           OR (t.subject_kind = 'meeting' AND t.subject_id = ANY($3::uuid[]))
           OR (t.subject_kind = 'lesson' AND (l.organisation_id = ANY($2::uuid[]) OR (l.status = 'published' AND l.visibility <> 'organisation'))))
       ORDER BY t.last_post_at DESC, t.id LIMIT 500`.replace('SELECT t.*,', `SELECT t.*, r.organisation_id AS report_organisation_id, r.status AS report_status, r.archived_at IS NOT NULL AS report_archived,
              l.organisation_id AS lesson_organisation_id, lo.region_code AS lesson_region_code, l.status AS lesson_status, l.visibility AS lesson_visibility,`),
      [subject, organisationIds, meetingIds],
    );
    const meetings = new Set(meetingIds);
    const subjectReadable = (row: ThreadRow & SubjectFactsRow): boolean => {
      switch (row.subject_kind) {
        case 'topic':
          return true;
        case 'report':
          return row.report_organisation_id !== null && scope.can('report:read', { kind: 'report', organisationId: row.report_organisation_id, status: row.report_status, archived: row.report_archived });
        case 'meeting':
          return meetings.has(row.subject_id as string);
        case 'lesson':
          return (
            row.lesson_organisation_id !== null &&
            scope.can('lesson:read', { kind: 'lesson', organisationId: row.lesson_organisation_id, regionCode: row.lesson_region_code, status: row.lesson_status, visibility: row.lesson_visibility })
          );
      }
    };
    return rows
      .filter((row) => scope.can('discussion:read', { kind: 'discussion', subjectReadable: subjectReadable(row) }))
      .slice(0, 200)
      .map(presentThread);
  }

  async createTopic(auth: AuthContext, input: CreateTopicRequest): Promise<ThreadWithPosts> {
    const [thread] = await this.db.query(`INSERT INTO discussion_threads (subject_kind, title, created_by) VALUES ('topic', $1, $2) RETURNING id`, [
      input.title,
      auth.userId,
    ]);
    await this.addPost(auth, thread.id, { body: input.body });
    return this.thread(auth, thread.id);
  }

  async thread(auth: AuthContext, threadId: string): Promise<ThreadWithPosts> {
    const row = await this.readableThread(auth, threadId);
    const posts: PostRow[] = await this.db.query(`${POST_SQL} WHERE p.thread_id = $1 ORDER BY p.created_at`, [threadId]);
    return { ...presentThread(row), posts: posts.map((post) => presentPost(post, auth.userId)), canPost: true };
  }

  /** The thread of a report, meeting or lesson; null until someone writes the first post. */
  async threadOf(auth: AuthContext, kind: Exclude<SubjectKind, 'topic'>, subjectId: string): Promise<ThreadWithPosts | null> {
    await this.subject(auth, kind, subjectId);
    const [row] = await this.db.query('SELECT id FROM discussion_threads WHERE subject_kind = $1 AND subject_id = $2', [kind, subjectId]);
    return row ? this.thread(auth, row.id) : null;
  }

  async postOn(auth: AuthContext, kind: Exclude<SubjectKind, 'topic'>, subjectId: string, input: CreatePostRequest): Promise<Post> {
    const subject = await this.subject(auth, kind, subjectId);
    // Two first posts at once: one thread (unique index), both posts in it.
    await this.db.query(
      `INSERT INTO discussion_threads (subject_kind, subject_id, title, created_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (subject_kind, subject_id) WHERE subject_id IS NOT NULL DO NOTHING`,
      [kind, subjectId, subject.title, auth.userId],
    );
    const [row] = await this.db.query('SELECT id FROM discussion_threads WHERE subject_kind = $1 AND subject_id = $2', [kind, subjectId]);
    return this.addPost(auth, row.id, input);
  }

  async addPost(auth: AuthContext, threadId: string, input: CreatePostRequest): Promise<Post> {
    const thread = await this.readableThread(auth, threadId);
    if (input.quotePostId) {
      const [quoted] = await this.db.query('SELECT 1 FROM discussion_posts WHERE id = $1 AND thread_id = $2', [input.quotePostId, threadId]);
      if (!quoted) throw new ValidationError('You can only quote a post of this discussion', [{ path: 'quotePostId', message: 'Not a post of this discussion' }]);
    }
    const [created] = await this.db.query(
      'INSERT INTO discussion_posts (thread_id, author_id, body, quote_post_id) VALUES ($1, $2, $3, $4) RETURNING id',
      [threadId, auth.userId, input.body, input.quotePostId ?? null],
    );
    await this.db.query('UPDATE discussion_threads SET last_post_at = now() WHERE id = $1', [threadId]);
    const post = await this.post(auth, created.id);
    this.announce(thread, post);
    await this.notifyAbout(auth, thread, post.id, input.body, true);
    await this.reindex(thread);
    return post;
  }

  async editPost(auth: AuthContext, threadId: string, postId: string, body: string): Promise<Post> {
    const thread = await this.readableThread(auth, threadId);
    await this.ownPost(auth, threadId, postId, 'post:update');
    await this.db.query('UPDATE discussion_posts SET body = $2, edited_at = now() WHERE id = $1', [postId, body]);
    const post = await this.post(auth, postId);
    this.announce(thread, post);
    // Someone newly mentioned in the edit hears about it; those already told do not hear twice.
    await this.notifyAbout(auth, thread, postId, body, false);
    await this.reindex(thread);
    return post;
  }

  async deletePost(auth: AuthContext, threadId: string, postId: string): Promise<void> {
    const thread = await this.readableThread(auth, threadId);
    await this.ownPost(auth, threadId, postId, 'post:delete');
    await this.db.query(`UPDATE discussion_posts SET body = '', deleted_at = now() WHERE id = $1`, [postId]);
    this.announce(thread, await this.post(auth, postId));
    await this.reindex(thread);
  }

  /** People and organisations to mention, by name. */
  async mentionCandidates(q: string): Promise<MentionCandidate[]> {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const [people, organisations] = await Promise.all([
      this.db.query('SELECT id, name FROM users WHERE name ILIKE $1 ORDER BY name LIMIT 8', [pattern]) as Promise<Array<{ id: string; name: string }>>,
      this.db.query('SELECT id, name FROM organisations WHERE name ILIKE $1 ORDER BY name LIMIT 5', [pattern]) as Promise<Array<{ id: string; name: string }>>,
    ]);
    return [...people.map((p) => ({ kind: 'user' as const, id: p.id, name: p.name })), ...organisations.map((o) => ({ kind: 'org' as const, id: o.id, name: o.name }))];
  }

  /** Throws not-found when the person may not read the thread's subject. */
  async readableThread(auth: AuthContext, threadId: string): Promise<ThreadRow> {
    const [row]: ThreadRow[] = await this.db.query(`${THREAD_SQL} WHERE t.id = $1`, [threadId]);
    if (!row) throw new NotFoundError('The discussion');
    if (row.subject_kind !== 'topic') await this.subject(auth, row.subject_kind, row.subject_id as string);
    return row;
  }

  /** The subject's facts, after checking the person may read it (not-found otherwise). */
  private async subject(auth: AuthContext, kind: SubjectKind, id: string | null): Promise<Subject> {
    if (kind === 'report' && id) await this.reports.get(auth, id);
    // Only the visibility check: building the whole meeting (every occurrence) is not needed here.
    if (kind === 'meeting' && id) await this.meetingAccess.readable(auth, id, true);
    if (kind === 'lesson' && id) await this.lessons.get(auth, id);
    const facts = await this.subjectFacts(kind, id);
    if (!facts) throw new NotFoundError('The discussion subject');
    return facts;
  }


  /** Where a subject lives and who may read it, straight from its table (for indexing and links, not for access). */
  private async subjectFacts(kind: SubjectKind, id: string | null): Promise<Subject | null> {
    if (kind === 'topic' || !id) return { title: '', link: '/discussions', audience: 'network', organisationId: null, meetingId: null };
    if (kind === 'report') {
      const [row] = await this.db.query('SELECT title, organisation_id FROM reports WHERE id = $1', [id]);
      return row ? { title: row.title, link: `/reports/${id}`, audience: 'organisation', organisationId: row.organisation_id, meetingId: null } : null;
    }
    if (kind === 'meeting') {
      const [row] = await this.db.query('SELECT title, organiser_organisation_id, network_wide FROM meetings WHERE id = $1', [id]);
      return row
        ? { title: row.title, link: `/meetings/${id}`, audience: row.network_wide ? 'network' : 'meeting', organisationId: row.organiser_organisation_id, meetingId: id }
        : null;
    }
    const [row] = await this.db.query('SELECT title, organisation_id, status, visibility, author_id FROM lessons WHERE id = $1', [id]);
    return row
      ? { ownerId: row.author_id, title: row.title, link: `/lessons/${id}`, audience: row.status === 'draft' ? 'members' : row.visibility, organisationId: row.organisation_id, meetingId: null }
      : null;
  }

  private async canRead(userId: string, thread: ThreadRow): Promise<boolean> {
    try {
      await this.readableThread(as(userId), thread.id);
      return true;
    } catch (error) {
      if (error instanceof NotFoundError || error instanceof ForbiddenError) return false;
      throw error;
    }
  }

  private async notifyAbout(auth: AuthContext, thread: ThreadRow, postId: string, body: string, isNewPost: boolean): Promise<void> {
    const subject = await this.subjectFacts(thread.subject_kind, thread.subject_id);
    const link = thread.subject_kind === 'topic' ? `/discussions/${thread.id}` : (subject?.link ?? '/discussions');
    const [author] = await this.db.query('SELECT name FROM users WHERE id = $1', [auth.userId]);
    const excerpt = readableText(body).slice(0, 200);
    const mentions = mentionsIn(body);
    const members: Array<{ user_id: string }> = mentions.organisations.length
      ? await this.db.query('SELECT DISTINCT user_id FROM memberships WHERE organisation_id = ANY($1::uuid[])', [mentions.organisations])
      : [];
    const mentioned = new Set([...mentions.users, ...members.map((m) => m.user_id)]);
    mentioned.delete(auth.userId);
    for (const userId of mentioned) {
      if (!(await this.canRead(userId, thread))) continue;
      await this.notifications.notify(userId, {
        kind: 'mention',
        title: `${author?.name ?? 'Someone'} mentioned you in “${thread.title}”`,
        body: excerpt,
        link,
        dedupeKey: `mention:${postId}`,
        message: { key: 'discussionMention', params: { name: author?.name ?? '', thread: thread.title } },
      });
    }
    if (!isNewPost) return;
    const participants: Array<{ author_id: string }> = await this.db.query(
      'SELECT DISTINCT author_id FROM discussion_posts WHERE thread_id = $1 AND author_id IS NOT NULL AND id <> $2',
      [thread.id, postId],
    );
    const audience = new Set(participants.map((p) => p.author_id));
    if (subject?.ownerId) audience.add(subject.ownerId);
    for (const userId of audience) {
      if (userId === auth.userId || mentioned.has(userId) || !(await this.canRead(userId, thread))) continue;
      await this.notifications.notify(userId, {
        kind: 'reply',
        title: `${author?.name ?? 'Someone'} replied in “${thread.title}”`,
        body: excerpt,
        link,
        dedupeKey: `reply:${postId}`,
        message: { key: 'discussionReply', params: { name: author?.name ?? '', thread: thread.title } },
      });
    }
  }

  private async reindex(thread: ThreadRow): Promise<void> {
    const subject = await this.subjectFacts(thread.subject_kind, thread.subject_id);
    if (!subject) return;
    const posts: Array<{ body: string }> = await this.db.query('SELECT body FROM discussion_posts WHERE thread_id = $1 AND deleted_at IS NULL ORDER BY created_at', [thread.id]);
    await this.indexer.upsert({
      kind: 'discussion',
      refId: thread.id,
      title: thread.title,
      body: posts.map((post) => readableText(post.body)).join('\n'),
      language: '',
      link: thread.subject_kind === 'topic' ? `/discussions/${thread.id}` : subject.link,
      organisationId: subject.organisationId,
      audience: subject.audience,
      meetingId: subject.meetingId,
      occurredAt: new Date(),
    });
  }

  private async post(auth: AuthContext, postId: string): Promise<Post> {
    const [row]: PostRow[] = await this.db.query(`${POST_SQL} WHERE p.id = $1`, [postId]);
    return presentPost(row, auth.userId);
  }

  /** A post of a thread the caller reads (checked before), which the policy lets them change. */
  private async ownPost(auth: AuthContext, threadId: string, postId: string, action: 'post:update' | 'post:delete'): Promise<void> {
    const [row] = await this.db.query('SELECT author_id, deleted_at FROM discussion_posts WHERE id = $1 AND thread_id = $2', [postId, threadId]);
    if (!row) throw new NotFoundError('The post');
    (await this.policy.scope(auth)).require(action, { kind: 'post', authorId: row.author_id, subjectReadable: true });
    if (row.deleted_at) throw new ConflictError('This post was deleted');
  }
}

function presentThread(row: ThreadRow): Thread {
  return {
    id: row.id,
    subjectKind: row.subject_kind,
    subjectId: row.subject_id,
    title: row.title,
    createdAt: row.created_at.toISOString(),
    lastPostAt: row.last_post_at.toISOString(),
    postCount: row.post_count,
  };
}

function presentPost(row: PostRow, viewerId: string): Post {
  return {
    id: row.id,
    threadId: row.thread_id,
    authorId: row.author_id,
    authorName: row.author_name,
    body: row.deleted_at ? '' : row.body,
    quote: row.quote_post_id
      ? { postId: row.quote_post_id, authorName: row.quote_author_name, excerpt: row.quote_deleted ? '' : readableText(row.quote_body ?? '').slice(0, 300) }
      : null,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    deleted: row.deleted_at !== null,
    mine: row.author_id === viewerId,
  };
}
