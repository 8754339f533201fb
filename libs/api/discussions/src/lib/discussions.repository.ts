import { Injectable } from '@nestjs/common';
import type { ListThreadsQuery, Thread } from '@simashe/contracts';
import { DataSource } from 'typeorm';

/** The SQL of the discussions domain (`discussion_threads`, `discussion_posts`), with typed rows. */
export type SubjectKind = Thread['subjectKind'];

export interface ThreadRow {
  id: string;
  subject_kind: SubjectKind;
  subject_id: string | null;
  title: string;
  created_at: Date;
  last_post_at: Date;
  post_count: number;
}

/** A post, with the post it quotes; authors are ids (their names come from api-accounts). */
export interface PostRow {
  id: string;
  thread_id: string;
  author_id: string | null;
  body: string;
  quote_post_id: string | null;
  quote_author_id: string | null;
  quote_body: string | null;
  quote_deleted: boolean | null;
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
}

const THREAD_SQL = `SELECT t.*, (SELECT count(*)::int FROM discussion_posts p WHERE p.thread_id = t.id AND p.deleted_at IS NULL) AS post_count
  FROM discussion_threads t`;
const POST_SQL = `SELECT p.*, q.author_id AS quote_author_id, q.body AS quote_body, q.deleted_at IS NOT NULL AS quote_deleted
  FROM discussion_posts p LEFT JOIN discussion_posts q ON q.id = p.quote_post_id`;

@Injectable()
export class DiscussionsRepository {
  constructor(private readonly db: DataSource) {}

  /** Network-wide topics, newest activity first (at most 200). */
  topics(): Promise<ThreadRow[]> {
    return this.db.query(`${THREAD_SQL} WHERE t.subject_kind = 'topic' ORDER BY t.last_post_at DESC LIMIT 200`);
  }

  /**
   * The reports and lessons whose threads were active most recently (of `subject`'s kind, or both for 'all'), at most
   * `limit`: whose readers are asked of their owners. The list shows 200 threads, so only the newest few thousand
   * subjects can matter, whatever the network's history.
   */
  subjectsWithThreads(subject: ListThreadsQuery['subject'], limit: number): Promise<Array<{ subject_kind: 'report' | 'lesson'; subject_id: string }>> {
    return this.db.query(
      `SELECT subject_kind, subject_id FROM discussion_threads WHERE subject_kind IN ('report', 'lesson') AND ($1 = 'all' OR subject_kind = $1)
       ORDER BY last_post_at DESC, id LIMIT $2`,
      [subject, limit],
    );
  }

  /** The threads of topics and of these reports, meetings and lessons (the ones the person may read), newest activity first. */
  threadsOf(subject: ListThreadsQuery['subject'], ids: { reports: string[]; meetings: string[]; lessons: string[] }, limit: number): Promise<ThreadRow[]> {
    return this.db.query(
      `${THREAD_SQL}
       WHERE ($1 = 'all' OR t.subject_kind = $1)
         AND (t.subject_kind = 'topic'
           OR (t.subject_kind = 'report' AND t.subject_id = ANY($2::uuid[]))
           OR (t.subject_kind = 'meeting' AND t.subject_id = ANY($3::uuid[]))
           OR (t.subject_kind = 'lesson' AND t.subject_id = ANY($4::uuid[])))
       ORDER BY t.last_post_at DESC, t.id LIMIT $5`,
      [subject, ids.reports, ids.meetings, ids.lessons, limit],
    );
  }

  async thread(threadId: string): Promise<ThreadRow | undefined> {
    const [row]: ThreadRow[] = await this.db.query(`${THREAD_SQL} WHERE t.id = $1`, [threadId]);
    return row;
  }

  /** The thread of a report, meeting or lesson, if it has one. */
  async subjectThread(kind: SubjectKind, subjectId: string): Promise<ThreadRow | undefined> {
    const [row]: ThreadRow[] = await this.db.query(`${THREAD_SQL} WHERE t.subject_kind = $1 AND t.subject_id = $2`, [kind, subjectId]);
    return row;
  }

  async createTopic(title: string, userId: string): Promise<string> {
    const [row]: Array<{ id: string }> = await this.db.query(`INSERT INTO discussion_threads (subject_kind, title, created_by) VALUES ('topic', $1, $2) RETURNING id`, [
      title,
      userId,
    ]);
    return row.id;
  }

  /** The id of the thread of a report, meeting or lesson, if it has one. */
  async subjectThreadId(kind: SubjectKind, subjectId: string): Promise<string | undefined> {
    const [row]: Array<{ id: string }> = await this.db.query('SELECT id FROM discussion_threads WHERE subject_kind = $1 AND subject_id = $2', [kind, subjectId]);
    return row?.id;
  }

  /** A subject thread's title follows its subject's (renamed by its owner); its activity is unchanged. */
  async retitle(threadId: string, title: string): Promise<void> {
    await this.db.query('UPDATE discussion_threads SET title = $2 WHERE id = $1', [threadId, title]);
  }

  /** Creates the subject's thread unless it exists: two first posts at once make one thread (unique index). */
  async ensureSubjectThread(kind: SubjectKind, subjectId: string, title: string, userId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO discussion_threads (subject_kind, subject_id, title, created_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (subject_kind, subject_id) WHERE subject_id IS NOT NULL DO NOTHING`,
      [kind, subjectId, title, userId],
    );
  }

  /** The thread's posts, oldest first. */
  posts(threadId: string): Promise<PostRow[]> {
    return this.db.query(`${POST_SQL} WHERE p.thread_id = $1 ORDER BY p.created_at`, [threadId]);
  }

  async post(postId: string): Promise<PostRow | undefined> {
    const [row]: PostRow[] = await this.db.query(`${POST_SQL} WHERE p.id = $1`, [postId]);
    return row;
  }

  /** Who wrote a post of this thread, and whether it was deleted. */
  async postAuthor(postId: string, threadId: string): Promise<{ author_id: string | null; deleted_at: Date | null } | undefined> {
    const [row]: Array<{ author_id: string | null; deleted_at: Date | null }> = await this.db.query(
      'SELECT author_id, deleted_at FROM discussion_posts WHERE id = $1 AND thread_id = $2',
      [postId, threadId],
    );
    return row;
  }

  /** Adds a post and moves the thread's last activity to now; returns the post's id. */
  async addPost(threadId: string, authorId: string, body: string, quotePostId: string | null): Promise<string> {
    const [created]: Array<{ id: string }> = await this.db.query(
      'INSERT INTO discussion_posts (thread_id, author_id, body, quote_post_id) VALUES ($1, $2, $3, $4) RETURNING id',
      [threadId, authorId, body, quotePostId],
    );
    await this.db.query('UPDATE discussion_threads SET last_post_at = now() WHERE id = $1', [threadId]);
    return created.id;
  }

  async editPost(postId: string, body: string): Promise<void> {
    await this.db.query('UPDATE discussion_posts SET body = $2, edited_at = now() WHERE id = $1', [postId, body]);
  }

  async deletePost(postId: string): Promise<void> {
    await this.db.query(`UPDATE discussion_posts SET body = '', deleted_at = now() WHERE id = $1`, [postId]);
  }

  /** Everyone who wrote in the thread, except the author of `exceptPostId` through that post. */
  async participantIds(threadId: string, exceptPostId: string): Promise<string[]> {
    const rows: Array<{ author_id: string }> = await this.db.query(
      'SELECT DISTINCT author_id FROM discussion_posts WHERE thread_id = $1 AND author_id IS NOT NULL AND id <> $2',
      [threadId, exceptPostId],
    );
    return rows.map((row) => row.author_id);
  }

  /** The bodies of the thread's posts not deleted, oldest first (for the search index). */
  async bodies(threadId: string): Promise<string[]> {
    const rows: Array<{ body: string }> = await this.db.query('SELECT body FROM discussion_posts WHERE thread_id = $1 AND deleted_at IS NULL ORDER BY created_at', [threadId]);
    return rows.map((row) => row.body);
  }
}
