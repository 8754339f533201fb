import { Injectable } from '@nestjs/common';
import { ConflictError, EventBus, ForbiddenError, NotFoundError, ValidationError, type AuthContext } from '@simashe/api-core';
import { LessonsService } from '@simashe/api-lessons';
import { MeetingAccess } from '@simashe/api-meetings';
import { nameOf, UsersService } from '@simashe/api-accounts';
import { AccessPolicy, MentionNames, OrganisationsService } from '@simashe/api-organisations';
import { NotificationsService } from '@simashe/api-notifications';
import { ReportsService } from '@simashe/api-reports';
import { SearchIndexer, type Audience } from '@simashe/api-search';
import { MAX_POST_LENGTH, mentionsIn, readableText, type CreatePostRequest, type ListThreadsQuery, type CreateTopicRequest, type MentionCandidate, type Post, type Thread, type ThreadWithPosts } from '@simashe/contracts';
import { DiscussionsRepository, type PostRow, type SubjectKind, type ThreadRow } from './discussions.repository';

interface Subject {
  /** Who hears about every new post even before taking part (a lesson's author). */
  ownerId?: string | null;
  title: string;
  link: string;
  audience: Audience;
  organisationId: string | null;
  meetingId: string | null;
}

/** Someone else, for checking what they may read before notifying them. */
const as = (userId: string): AuthContext => ({ userId, sessionId: '', email: '' });

/**
 * Discussions: network-wide topics and one thread per report, meeting or lesson. Whoever may read the subject
 * reads and writes its thread; mentions and replies reach people's inboxes; new posts are pushed live.
 */
@Injectable()
export class DiscussionsService {
  constructor(
    private readonly repo: DiscussionsRepository,
    private readonly reports: ReportsService,
    private readonly meetingAccess: MeetingAccess,
    private readonly lessons: LessonsService,
    private readonly notifications: NotificationsService,
    private readonly indexer: SearchIndexer,
    private readonly policy: AccessPolicy,
    private readonly events: EventBus,
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
    private readonly mentionNames: MentionNames,
  ) {
    events.requireSubscriber('discussion.posted', 'DiscussionsService');
    // A subject's title or readers changed, or it is gone: its discussion's search entry follows (it was a snapshot
    // taken at the last post, so a lesson made a draft stayed findable by those who could no longer open it).
    events.on('lesson.changed', ({ lessonId }) => this.subjectChanged('lesson', lessonId));
    events.on('report.submitted', ({ reportId }) => this.subjectChanged('report', reportId));
    events.on('report.reopened', ({ reportId }) => this.subjectChanged('report', reportId));
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
    return (await this.repo.topics()).map(presentThread);
  }

  /**
   * Every thread the caller may read, newest activity first (at most 200). What the subjects' readers depend on comes
   * from their owners (`ReportsService.subjects`, `LessonsService.subjects`, meetings through MeetingAccess, its rule
   * in SQL), one batch each; the AccessPolicy's scope decides every subject, then the threads of those are read.
   */
  async readableThreads(auth: AuthContext, subject: ListThreadsQuery['subject']): Promise<Thread[]> {
    const [scope, meetings, withThreads] = await Promise.all([
      this.policy.scope(auth),
      subject === 'all' || subject === 'meeting' ? this.meetingAccess.visibleIds(auth.userId, { includeCancelled: true }) : Promise.resolve([]),
      this.repo.subjectsWithThreads(subject, 2_000),
    ]);
    const idsOf = (kind: 'report' | 'lesson') => withThreads.filter((row) => row.subject_kind === kind).map((row) => row.subject_id);
    const [reports, lessons] = await Promise.all([this.reports.subjects(idsOf('report')), this.lessons.subjects(idsOf('lesson'))]);
    const readable = {
      reports: [...reports.values()].filter((report) => scope.can('report:read', { kind: 'report', ...report.facts })).map((report) => report.id),
      meetings,
      lessons: [...lessons.values()].filter((lesson) => scope.can('lesson:read', lesson.resource)).map((lesson) => lesson.id),
    };
    // Only the threads of readable subjects (and topics) are read: 'discussion:read' is reading the subject.
    return (await this.repo.threadsOf(subject, readable, 200)).map(presentThread);
  }

  async createTopic(auth: AuthContext, input: CreateTopicRequest): Promise<ThreadWithPosts> {
    const threadId = await this.repo.createTopic(input.title, auth.userId);
    await this.addPost(auth, threadId, { body: input.body });
    return this.thread(auth, threadId);
  }

  async thread(auth: AuthContext, threadId: string): Promise<ThreadWithPosts> {
    const row = await this.readableThread(auth, threadId);
    const posts = await this.presentPosts(await this.repo.posts(threadId), auth.userId);
    return { ...presentThread(row), posts, canPost: true };
  }

  /** The thread of a report, meeting or lesson; null until someone writes the first post. */
  async threadOf(auth: AuthContext, kind: Exclude<SubjectKind, 'topic'>, subjectId: string): Promise<ThreadWithPosts | null> {
    await this.subject(auth, kind, subjectId);
    const threadId = await this.repo.subjectThreadId(kind, subjectId);
    return threadId ? this.thread(auth, threadId) : null;
  }

  async postOn(auth: AuthContext, kind: Exclude<SubjectKind, 'topic'>, subjectId: string, input: CreatePostRequest): Promise<Post> {
    const subject = await this.subject(auth, kind, subjectId);
    // Two first posts at once: one thread (unique index), both posts in it.
    await this.repo.ensureSubjectThread(kind, subjectId, subject.title, auth.userId);
    return this.addPost(auth, (await this.repo.subjectThreadId(kind, subjectId)) as string, input);
  }

  async addPost(auth: AuthContext, threadId: string, given: CreatePostRequest): Promise<Post> {
    const { row: thread, subject } = await this.readableThreadWithSubject(auth, threadId);
    const input = { ...given, body: await this.mentionNames.label(given.body, MAX_POST_LENGTH) };
    if (input.quotePostId) {
      const quoted = await this.repo.postAuthor(input.quotePostId, threadId);
      if (!quoted) throw new ValidationError('You can only quote a post of this discussion', [{ path: 'quotePostId', message: 'Not a post of this discussion' }]);
      // Its words are gone: the quote would be an empty box.
      if (quoted.deleted_at) throw new ConflictError('That post was deleted, so it cannot be quoted');
    }
    const postId = await this.repo.addPost(threadId, auth.userId, input.body, input.quotePostId ?? null);
    const post = await this.post(auth, postId);
    this.announce(thread, post);
    await this.notifyAbout(auth, thread, subject, post.id, input.body, true);
    await this.reindex(thread, subject);
    return post;
  }

  async editPost(auth: AuthContext, threadId: string, postId: string, given: string): Promise<Post> {
    const { row: thread, subject } = await this.readableThreadWithSubject(auth, threadId);
    await this.ownPost(auth, threadId, postId, 'post:update');
    const body = await this.mentionNames.label(given, MAX_POST_LENGTH);
    await this.repo.editPost(postId, body);
    const post = await this.post(auth, postId);
    this.announce(thread, post);
    // Someone newly mentioned in the edit hears about it; those already told do not hear twice.
    await this.notifyAbout(auth, thread, subject, postId, body, false);
    await this.reindex(thread, subject);
    return post;
  }

  async deletePost(auth: AuthContext, threadId: string, postId: string): Promise<void> {
    const { row: thread, subject } = await this.readableThreadWithSubject(auth, threadId);
    await this.ownPost(auth, threadId, postId, 'post:delete');
    await this.repo.deletePost(postId);
    this.announce(thread, await this.post(auth, postId));
    await this.reindex(thread, subject);
  }

  /** People and organisations to mention, by name. */
  async mentionCandidates(q: string): Promise<MentionCandidate[]> {
    const [people, organisations] = await Promise.all([this.users.named(q, 8), this.organisations.named(q, 5)]);
    // Each person with where they work: two people of the same name must be told apart before one is mentioned.
    const workplaces = await this.organisations.firstOrganisationNames(people.map((p) => p.id));
    return [
      ...people.map((p) => {
        const organisationName = workplaces.get(p.id);
        return { kind: 'user' as const, id: p.id, name: p.name, ...(organisationName ? { organisationName } : {}) };
      }),
      ...organisations.map((o) => ({ kind: 'org' as const, id: o.id, name: o.name })),
    ];
  }

  /** Throws not-found when the person may not read the thread's subject. */
  async readableThread(auth: AuthContext, threadId: string): Promise<ThreadRow> {
    return (await this.readableThreadWithSubject(auth, threadId)).row;
  }

  /** The thread and its subject's facts (read once, for the notices and the index), when the person may read it. */
  private async readableThreadWithSubject(auth: AuthContext, threadId: string): Promise<{ row: ThreadRow; subject: Subject }> {
    const row = await this.repo.thread(threadId);
    if (!row) throw new NotFoundError('The discussion');
    return { row, subject: await this.subject(auth, row.subject_kind, row.subject_id) };
  }

  /** The subject's facts, after checking the person may read it (not-found otherwise). */
  private async subject(auth: AuthContext, kind: SubjectKind, id: string | null): Promise<Subject> {
    if (kind === 'report' && id) await this.reports.accessTo(auth, id);
    // Only the visibility check: building the whole meeting (every occurrence) is not needed here.
    if (kind === 'meeting' && id) await this.meetingAccess.readable(auth, id, true);
    if (kind === 'lesson' && id) await this.lessons.get(auth, id);
    const facts = await this.subjectFacts(kind, id);
    if (!facts) throw new NotFoundError('The discussion subject');
    return facts;
  }

  /** Where a subject lives and who may read it, from its owner (for indexing and links, not for access). */
  private async subjectFacts(kind: SubjectKind, id: string | null): Promise<Subject | null> {
    if (kind === 'topic' || !id) return { title: '', link: '/discussions', audience: 'network', organisationId: null, meetingId: null };
    if (kind === 'report') {
      const report = (await this.reports.subjects([id])).get(id);
      return report ? { title: report.title, link: `/reports/${id}`, audience: 'organisation', organisationId: report.facts.organisationId, meetingId: null } : null;
    }
    if (kind === 'meeting') {
      const meeting = (await this.meetingAccess.subjects([id])).get(id);
      return meeting
        ? { title: meeting.title, link: `/meetings/${id}`, audience: meeting.networkWide ? 'network' : 'meeting', organisationId: meeting.organiserOrganisationId, meetingId: id }
        : null;
    }
    const lesson = (await this.lessons.subjects([id])).get(id);
    return lesson
      ? {
          ownerId: lesson.authorId,
          title: lesson.title,
          link: `/lessons/${id}`,
          audience: lesson.resource.status === 'draft' ? 'members' : lesson.resource.visibility,
          organisationId: lesson.resource.organisationId,
          meetingId: null,
        }
      : null;
  }

  private async canRead(userId: string, thread: ThreadRow): Promise<boolean> {
    try {
      await this.subject(as(userId), thread.subject_kind, thread.subject_id);
      return true;
    } catch (error) {
      if (error instanceof NotFoundError || error instanceof ForbiddenError) return false;
      throw error;
    }
  }

  private async notifyAbout(auth: AuthContext, thread: ThreadRow, subject: Subject, postId: string, body: string, isNewPost: boolean): Promise<void> {
    const link = thread.subject_kind === 'topic' ? `/discussions/${thread.id}` : subject.link;
    const authorName = await this.users.name(auth.userId);
    const excerpt = readableText(body).slice(0, 200);
    const mentions = mentionsIn(body);
    // Everyone in a mentioned organisation is mentioned.
    const members = await this.organisations.memberIds(mentions.organisations);
    const mentioned = new Set([...mentions.users, ...members]);
    mentioned.delete(auth.userId);
    for (const userId of mentioned) {
      if (!(await this.canRead(userId, thread))) continue;
      await this.notifications.notify(userId, {
        kind: 'mention',
        title: `${authorName ?? 'Someone'} mentioned you in “${thread.title}”`,
        body: excerpt,
        link,
        dedupeKey: `mention:${postId}`,
        message: { key: 'discussionMention', params: { name: authorName ?? '', thread: thread.title } },
      });
    }
    if (!isNewPost) return;
    const audience = new Set(await this.repo.participantIds(thread.id, postId));
    if (subject.ownerId) audience.add(subject.ownerId);
    for (const userId of audience) {
      if (userId === auth.userId || mentioned.has(userId) || !(await this.canRead(userId, thread))) continue;
      await this.notifications.notify(userId, {
        kind: 'reply',
        title: `${authorName ?? 'Someone'} replied in “${thread.title}”`,
        body: excerpt,
        link,
        dedupeKey: `reply:${postId}`,
        message: { key: 'discussionReply', params: { name: authorName ?? '', thread: thread.title } },
      });
    }
  }

  /** Re-reads a subject's facts from its owner and re-indexes its discussion with them; removes it when the subject is gone. */
  private async subjectChanged(kind: 'report' | 'lesson', id: string): Promise<void> {
    const [thread, subject] = await Promise.all([this.repo.subjectThread(kind, id), this.subjectFacts(kind, id)]);
    if (!thread) return;
    if (!subject) return this.indexer.remove('discussion', thread.id);
    if (subject.title !== thread.title) await this.repo.retitle(thread.id, subject.title);
    await this.reindex({ ...thread, title: subject.title }, subject);
  }

  private async reindex(thread: ThreadRow, subject: Subject): Promise<void> {
    const bodies = await this.repo.bodies(thread.id);
    await this.indexer.upsert({
      kind: 'discussion',
      refId: thread.id,
      title: thread.title,
      body: bodies.map((text) => readableText(text)).join('\n'),
      language: '',
      link: thread.subject_kind === 'topic' ? `/discussions/${thread.id}` : subject.link,
      organisationId: subject.organisationId,
      audience: subject.audience,
      meetingId: subject.meetingId,
      occurredAt: new Date(),
    });
  }

  private async post(auth: AuthContext, postId: string): Promise<Post> {
    const [post] = await this.presentPosts([(await this.repo.post(postId)) as PostRow], auth.userId);
    return post;
  }

  /** Posts with their authors' and quoted authors' names (one lookup for them all; a deleted account has none). */
  private async presentPosts(rows: PostRow[], viewerId: string): Promise<Post[]> {
    const names = await this.users.names(rows.flatMap((row) => [row.author_id, row.quote_author_id]));
    return rows.map((row) => presentPost(row, viewerId, names));
  }

  /** A post of a thread the caller reads (checked before), which the policy lets them change. */
  private async ownPost(auth: AuthContext, threadId: string, postId: string, action: 'post:update' | 'post:delete'): Promise<void> {
    const row = await this.repo.postAuthor(postId, threadId);
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

function presentPost(row: PostRow, viewerId: string, names: ReadonlyMap<string, string>): Post {
  return {
    id: row.id,
    threadId: row.thread_id,
    authorId: row.author_id,
    authorName: nameOf(names, row.author_id),
    body: row.deleted_at ? '' : row.body,
    quote: row.quote_post_id
      ? { postId: row.quote_post_id, authorName: nameOf(names, row.quote_author_id), excerpt: row.quote_deleted ? '' : readableText(row.quote_body ?? '').slice(0, 300) }
      : null,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    deleted: row.deleted_at !== null,
    mine: row.author_id === viewerId,
  };
}
