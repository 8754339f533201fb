import { Injectable } from '@nestjs/common';
import { UsersService } from '@simashe/api-accounts';
import { DocumentRooms, DocumentStore } from '@simashe/api-collaboration';
import { ConflictError, EventBus, eventActor, NotFoundError, ValidationError, type AuthContext } from '@simashe/api-core';
import { NotificationsService } from '@simashe/api-notifications';
import { AccessPolicy, MentionNames, OrganisationsService, type AccessScope } from '@simashe/api-organisations';
import {
  MAX_COMMENT_LENGTH,
  mentionsIn,
  readableText,
  REPORT_DOCUMENT_FIELD,
  type CommentThread,
  type CreateCommentRequest,
  type ReportComment,
  type ReportCommentChange,
} from '@simashe/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { reportResource, type ReportFacts } from './report-access';
import { mentionRecipients } from './report-mentions';
import * as Y from 'yjs';
import { ReportsService } from './reports.service';

/** A row of `report_comments`; people by id only (their names are api-accounts', see `threads`). */
interface CommentRow {
  id: string;
  thread_id: string | null;
  author_id: string | null;
  body: string;
  anchor_start: Buffer | null;
  anchor_end: Buffer | null;
  quote: string | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
}

/**
 * Whether a decoded relative position points into the report: at an item, inside a type, or in the report's own
 * root field. Bytes that merely decode (e.g. base64 "KEN") name none of these, and Yjs throws resolving them.
 */
function pointsIntoReport(position: Y.RelativePosition): boolean {
  if (position.item !== null || position.type !== null) return true;
  return position.tname === REPORT_DOCUMENT_FIELD;
}

function decodeAnchor(base64: string, path: string): Uint8Array {
  const bytes = Buffer.from(base64, 'base64');
  let position: Y.RelativePosition;
  try {
    position = Y.decodeRelativePosition(bytes);
  } catch {
    throw new ValidationError('The comment anchor is not a Yjs relative position', [{ path, message: 'Not a relative position' }]);
  }
  if (!pointsIntoReport(position)) {
    throw new ValidationError('The comment anchor does not point into the report', [{ path, message: 'Not a position in the report' }]);
  }
  return bytes;
}

function plainText(text: Y.XmlText): string {
  return (text.toDelta() as Array<{ insert: unknown }>).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
}

/** What the anchors cover in the current document: they are relative positions, so they follow concurrent edits. */
export function anchoredText(doc: Y.Doc, start: Uint8Array, end: Uint8Array): string | null {
  const [startPosition, endPosition] = [Y.decodeRelativePosition(start), Y.decodeRelativePosition(end)];
  // Anchors stored before they were checked on the way in: their text is gone rather than the whole list failing.
  if (!pointsIntoReport(startPosition) || !pointsIntoReport(endPosition)) return '';
  const from = Y.createAbsolutePositionFromRelativePosition(startPosition, doc);
  const to = Y.createAbsolutePositionFromRelativePosition(endPosition, doc);
  if (!from || !to) return '';
  if (from.type !== to.type || !(from.type instanceof Y.XmlText)) return null;
  return plainText(from.type).slice(from.index, Math.max(from.index, to.index));
}

/** Whether the document has ever held the item or type a position names (false: it never reached this copy). */
function everHeld(doc: Y.Doc, position: Y.RelativePosition): boolean {
  const id = position.item ?? position.type;
  return id === null || Y.getState(doc.store, id.client) > id.clock;
}

/**
 * Why a new comment's anchors cannot be placed in the report as it is now, or null when they can: their text never
 * reached this copy ('missing': another document's text, a change the server never accepted, or one still on its
 * way; the editor sends a comment only once its own changes are saved), or it was deleted meanwhile ('deleted': the
 * range has collapsed, or the paragraph holding it is gone and with it the words' positions).
 */
export function anchorProblem(doc: Y.Doc, start: Uint8Array, end: Uint8Array): 'missing' | 'deleted' | 'empty' | null {
  const positions = [Y.decodeRelativePosition(start), Y.decodeRelativePosition(end)];
  if (!positions.every((position) => everHeld(doc, position))) return 'missing';
  const [from, to] = positions.map((position) => Y.createAbsolutePositionFromRelativePosition(position, doc));
  if (!from || !to) return 'deleted';
  // A collapsed range whose both ends still point at characters in the text was sent empty or backwards (the editor
  // never does so). Commented words deleted or moved take one end with them: the end points at the last commented
  // character (the editor's positions lean left), the start at the first one or at the character before it.
  if (from.type === to.type && from.type instanceof Y.XmlText && to.index <= from.index) return positions.every((position) => stillThere(doc, position)) ? 'empty' : 'deleted';
  return null;
}

/** Whether the character a position points at is in the text now (a position at a text's end points at none). */
function stillThere(doc: Y.Doc, position: Y.RelativePosition): boolean {
  if (!position.item) return true;
  const struct = Y.getItem(doc.store, position.item);
  return struct instanceof Y.Item && !struct.deleted;
}

/** Every text node of the report with its text, in reading order (paragraphs, headings, list items, table cells). */
export function reportTexts(doc: Y.Doc): Array<{ node: Y.XmlText; text: string }> {
  const walker = doc.getXmlFragment(REPORT_DOCUMENT_FIELD).createTreeWalker((node) => node instanceof Y.XmlText);
  return [...walker].map((node) => ({ node: node as Y.XmlText, text: plainText(node as Y.XmlText) }));
}

function occurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let index = text.indexOf(quote); index !== -1; index = text.indexOf(quote, index + 1)) found.push(index);
  return found;
}

/**
 * New anchors for a comment whose text collapsed (its words were deleted) when the same words are there again:
 * - in the same paragraph, nearest to where they were: what an undo does. Yjs's undo brings text back as new items
 *   and links them to the deleted ones only in the memory of the person who undid it, so everyone else's anchors
 *   stay collapsed;
 * - in another block: the editor moves words by writing them anew. Enter inside a paragraph moves the words after
 *   it into a new paragraph, right after the old one (taken when the words are there); making a paragraph a heading
 *   or a list item replaces the whole block (the paragraph is gone: taken only when the words are in the report once).
 * Returns null when the words are not there (really deleted), or when it cannot tell which of several places.
 * `texts`: the report's texts (`reportTexts`), when the caller has them already (one walk for many comments).
 */
export function reanchor(
  doc: Y.Doc,
  start: Uint8Array,
  end: Uint8Array,
  quote: string,
  texts: () => Array<{ node: Y.XmlText; text: string }> = () => reportTexts(doc),
): { start: Uint8Array; end: Uint8Array } | null {
  if (!quote || anchoredText(doc, start, end) !== '') return null;
  const position = Y.decodeRelativePosition(start);
  if (!pointsIntoReport(position)) return null;
  const at = Y.createAbsolutePositionFromRelativePosition(position, doc);
  // Held by the words' own first and last characters, so that text typed right before or after them stays out.
  const anchorAt = (type: Y.XmlText, index: number) => ({
    start: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(type, index, 0)),
    end: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(type, index + quote.length, -1)),
  });
  const own = at?.type instanceof Y.XmlText ? at.type : null;
  if (own && at) {
    const here = occurrences(plainText(own), quote);
    if (here.length > 0) return anchorAt(own, here.reduce((best, index) => (Math.abs(index - at.index) < Math.abs(best - at.index) ? index : best)));
  }
  const all = texts();
  const from = own ? all.findIndex((entry) => entry.node === own) : -1;
  if (from !== -1) {
    // The old paragraph is still there: its words went to the next one (Enter), or are gone.
    const next = all[from + 1];
    const there = next ? occurrences(next.text, quote) : [];
    return next && there.length > 0 ? anchorAt(next.node, there[0]) : null;
  }
  const found = all.flatMap(({ node, text }) => occurrences(text, quote).map((index) => ({ node, index })));
  return found.length === 1 ? anchorAt(found[0].node, found[0].index) : null;
}

const commentResource = (facts: ReportFacts, authorId: string | null) => ({ kind: 'comment' as const, ...facts, authorId });

/**
 * Threads anchored to text ranges of a report; everyone who can read the report reads and adds comments, authors
 * edit and delete their own (admins delete any). Every change is announced on the EventBus
 * (`report.comment_changed`), which the comments gateway pushes to everyone who has the report open; mentions
 * reach the inboxes of the people mentioned who may read the report.
 */
@Injectable()
export class ReportCommentsService {
  constructor(
    private readonly db: DataSource,
    private readonly reports: ReportsService,
    private readonly store: DocumentStore,
    private readonly rooms: DocumentRooms,
    private readonly policy: AccessPolicy,
    private readonly notifications: NotificationsService,
    private readonly events: EventBus,
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
    private readonly mentionNames: MentionNames,
  ) {}

  async list(auth: AuthContext, reportId: string): Promise<CommentThread[]> {
    const { scope, facts } = await this.reports.accessTo(auth, reportId);
    return this.threads(scope, facts, reportId);
  }

  async create(auth: AuthContext, reportId: string, given: CreateCommentRequest): Promise<CommentThread[]> {
    const { scope, facts } = await this.reports.accessTo(auth, reportId);
    scope.require('comment:create', reportResource(facts));
    const input = { ...given, body: await this.mentionNames.label(given.body, MAX_COMMENT_LENGTH) };
    let start = decodeAnchor(input.anchorStart, 'anchorStart');
    let end = decodeAnchor(input.anchorEnd, 'anchorEnd');
    const document = await this.document(reportId);
    try {
      // Checked against the text as everyone sees it now (the live copy while the report is open for editing).
      let problem = anchorProblem(document.doc, start, end);
      // Words moved meanwhile (someone pressed Enter before them, or made their paragraph a heading): placed where
      // they are now, as the list does for comments already there.
      const moved = problem === 'deleted' ? reanchor(document.doc, start, end, input.quote) : null;
      if (moved) [start, end, problem] = [moved.start, moved.end, null];
      // A live copy on another instance may lag behind the store (its changes come over Redis, or, while Redis is
      // away, from the periodic re-read): what the store holds counts too.
      if (problem === 'missing' && document.live) problem = await this.storedAnchorProblem(reportId, start, end);
      if (problem === 'missing') throw new ConflictError('The commented text is not in the report; select text in the report and try again');
      if (problem === 'deleted') throw new ConflictError('The commented text was deleted meanwhile; select the text again');
      if (problem === 'empty') throw new ValidationError('The comment must be on some text: its start is at or after its end', [{ path: 'anchorEnd', message: 'Not after anchorStart' }]);
      // The words as the report has them (a quote sent by the client is only its view; kept for ranges over several
      // blocks, which have no one text to quote, and for words this copy has not seen yet).
      const quote = anchoredText(document.doc, start, end) || input.quote;
      const id = randomUUID(); // a root comment is its own thread
      await this.db.query(
        `INSERT INTO report_comments (id, thread_id, report_id, author_id, body, anchor_start, anchor_end, quote)
         VALUES ($1, $1, $2, $3, $4, $5, $6, $7)`,
        [id, reportId, auth.userId, input.body, Buffer.from(start), Buffer.from(end), quote.slice(0, 1000)],
      );
      await this.changed(auth, facts, reportId, id, id, 'created');
      await this.notifyMentions(auth, facts, reportId, id, input.body, '');
      return await this.threads(scope, facts, reportId, document.doc);
    } finally {
      document.release();
    }
  }

  async reply(auth: AuthContext, reportId: string, commentId: string, given: string): Promise<CommentThread[]> {
    const { scope, facts } = await this.reports.accessTo(auth, reportId);
    scope.require('comment:create', reportResource(facts));
    await this.thread(reportId, commentId);
    const body = await this.mentionNames.label(given, MAX_COMMENT_LENGTH);
    const [created]: Array<{ id: string }> = await this.db.query(
      'INSERT INTO report_comments (report_id, thread_id, author_id, body) VALUES ($1, $2, $3, $4) RETURNING id',
      [reportId, commentId, auth.userId, body],
    );
    await this.changed(auth, facts, reportId, commentId, created.id, 'replied');
    await this.notifyMentions(auth, facts, reportId, created.id, body, '');
    return this.threads(scope, facts, reportId);
  }

  async resolve(auth: AuthContext, reportId: string, commentId: string, resolved: boolean): Promise<CommentThread[]> {
    const { scope, facts } = await this.reports.accessTo(auth, reportId);
    const thread = await this.thread(reportId, commentId);
    scope.require('comment:resolve', commentResource(facts, thread.author_id));
    await this.db.query(
      `UPDATE report_comments SET resolved_at = ${resolved ? 'now()' : 'NULL'}, resolved_by = $2 WHERE id = $1`,
      [commentId, resolved ? auth.userId : null],
    );
    await this.changed(auth, facts, reportId, commentId, commentId, resolved ? 'resolved' : 'reopened');
    return this.threads(scope, facts, reportId);
  }

  /** The author changes the text of a thread's first comment or of a reply; only newly mentioned people hear of it. */
  async edit(auth: AuthContext, reportId: string, commentId: string, given: string): Promise<CommentThread[]> {
    const { scope, facts } = await this.reports.accessTo(auth, reportId);
    const comment = await this.comment(reportId, commentId);
    scope.require('comment:update', commentResource(facts, comment.author_id), 'The comment');
    if (comment.deleted_at) throw new ConflictError('This comment was deleted, so it cannot be edited');
    const body = await this.mentionNames.label(given, MAX_COMMENT_LENGTH);
    if (body !== comment.body) {
      // A delete that won the race leaves nothing to edit.
      const [rows]: [unknown[], number] = await this.db.query(
        'UPDATE report_comments SET body = $2, edited_at = now() WHERE id = $1 AND deleted_at IS NULL RETURNING id',
        [commentId, body],
      );
      if (rows.length === 0) throw new ConflictError('This comment was deleted, so it cannot be edited');
      await this.changed(auth, facts, reportId, comment.thread_id ?? commentId, commentId, 'edited');
      await this.notifyMentions(auth, facts, reportId, commentId, body, comment.body);
    }
    return this.threads(scope, facts, reportId);
  }

  /**
   * The author (or an admin, as moderation) takes a comment back: its text is gone at once. A thread's first
   * comment stays as "deleted" while replies hang off it, so the conversation keeps its place.
   */
  async remove(auth: AuthContext, reportId: string, commentId: string): Promise<CommentThread[]> {
    const { scope, facts } = await this.reports.accessTo(auth, reportId);
    const comment = await this.comment(reportId, commentId);
    scope.require('comment:delete', commentResource(facts, comment.author_id), 'The comment');
    const [rows]: [unknown[], number] = await this.db.query(
      `UPDATE report_comments SET body = '', deleted_at = now() WHERE id = $1 AND deleted_at IS NULL RETURNING id`,
      [commentId],
    );
    // Deleting twice (two tabs, a retry) is the same as deleting once.
    if (rows.length > 0) await this.changed(auth, facts, reportId, comment.thread_id ?? commentId, commentId, 'deleted');
    return this.threads(scope, facts, reportId);
  }

  /** Every thread of the report as the caller sees it, with what the policy lets the caller do with each comment. */
  private async threads(scope: AccessScope, facts: ReportFacts, reportId: string, open?: Y.Doc): Promise<CommentThread[]> {
    const rows: CommentRow[] = await this.db.query('SELECT c.* FROM report_comments c WHERE c.report_id = $1 ORDER BY c.created_at', [reportId]);
    // Authors' and resolvers' names in one batch of api-accounts; someone deleted has no name ('').
    const names = await this.users.names(rows.flatMap((row) => [row.author_id, row.resolved_by]));
    const present = (row: CommentRow) => this.presentComment(row, names, scope, facts);
    const document = open ? { doc: open, release: () => undefined } : await this.document(reportId);
    const doc = document.doc;
    const threads: CommentThread[] = [];
    let texts: ReturnType<typeof reportTexts> | undefined;
    const readTexts = () => (texts ??= reportTexts(doc));
    for (const root of rows.filter((row) => row.thread_id === row.id)) {
      // Words brought back (an undo) or moved (Enter, a paragraph made a heading) take their comment with them; the
      // new anchors are kept.
      const moved = root.anchor_start && root.anchor_end && !root.deleted_at ? reanchor(doc, root.anchor_start, root.anchor_end, root.quote ?? '', readTexts) : null;
      if (moved) {
        root.anchor_start = Buffer.from(moved.start);
        root.anchor_end = Buffer.from(moved.end);
        await this.db.query('UPDATE report_comments SET anchor_start = $2, anchor_end = $3 WHERE id = $1', [root.id, root.anchor_start, root.anchor_end]);
      }
      const replies = rows.filter((row) => row.thread_id === root.id && row.id !== root.id && row.deleted_at === null);
      // A deleted thread stays only while replies hang off it.
      if (root.deleted_at && replies.length === 0) continue;
      threads.push({
        ...present(root),
        anchorStart: root.anchor_start?.toString('base64') ?? '',
        anchorEnd: root.anchor_end?.toString('base64') ?? '',
        quote: root.quote ?? '',
        currentText: root.anchor_start && root.anchor_end ? anchoredText(doc, root.anchor_start, root.anchor_end) : null,
        resolved: root.resolved_at !== null,
        resolvedBy: root.resolved_by ? { id: root.resolved_by, name: names.get(root.resolved_by) ?? '' } : null,
        replies: replies.map(present),
      });
    }
    document.release();
    return threads;
  }

  /**
   * The report's text: the live copy while the report is open for editing (not rebuilt from the database every time
   * someone loads the comments), else read from the store; `release` frees what was read.
   */
  private async document(reportId: string): Promise<{ doc: Y.Doc; live: boolean; release: () => void }> {
    const room = await this.rooms.find({ kind: 'report', documentId: reportId });
    if (room) return { doc: room.doc, live: true, release: () => undefined };
    const { doc } = await this.store.load(reportId);
    return { doc, live: false, release: () => doc.destroy() };
  }

  private async storedAnchorProblem(reportId: string, start: Uint8Array, end: Uint8Array): Promise<ReturnType<typeof anchorProblem>> {
    const { doc } = await this.store.load(reportId);
    try {
      return anchorProblem(doc, start, end);
    } finally {
      doc.destroy();
    }
  }

  private async thread(reportId: string, commentId: string): Promise<CommentRow> {
    const [row] = await this.db.query('SELECT * FROM report_comments WHERE id = $1 AND report_id = $2 AND thread_id = id', [commentId, reportId]);
    if (!row) throw new NotFoundError('The comment thread');
    return row;
  }

  /** A thread's first comment or a reply, of this report. */
  private async comment(reportId: string, commentId: string): Promise<CommentRow> {
    const [row] = await this.db.query('SELECT * FROM report_comments WHERE id = $1 AND report_id = $2', [commentId, reportId]);
    if (!row) throw new NotFoundError('The comment');
    return row;
  }

  private changed(auth: AuthContext, facts: ReportFacts, reportId: string, threadId: string, commentId: string, change: ReportCommentChange): Promise<void> {
    return this.events.emit('report.comment_changed', { actor: eventActor(auth), organisationId: facts.organisationId, reportId, threadId, commentId, change });
  }

  /**
   * People mentioned in `body` and not already in `before` (the text before an edit) hear about it in their inbox,
   * when they may read the report; never the author. Organisations mentioned reach their members the same way.
   */
  private async notifyMentions(auth: AuthContext, facts: ReportFacts, reportId: string, commentId: string, body: string, before: string): Promise<void> {
    const now = mentionsIn(body);
    const earlier = mentionsIn(before);
    const users = now.users.filter((id) => !earlier.users.includes(id));
    const organisations = now.organisations.filter((id) => !earlier.organisations.includes(id));
    if (users.length === 0 && organisations.length === 0) return;
    // Ids that name nobody, and people who may not read the report, get nothing (and learn nothing).
    const recipients = await mentionRecipients(this.organisations, this.policy, auth.userId, facts, { users, organisations });
    if (recipients.length === 0) return;
    const [report]: Array<{ title: string }> = await this.db.query('SELECT title FROM reports WHERE id = $1', [reportId]);
    const author = await this.users.name(auth.userId);
    const names = report ? { title: report.title, author } : undefined;
    for (const userId of recipients) {
      await this.notifications.notify(userId, {
        kind: 'mention',
        title: `${names?.author ?? 'Someone'} mentioned you in a comment on “${names?.title ?? 'a report'}”`,
        body: readableText(body).slice(0, 200),
        link: `/reports/${reportId}`,
        // Mentioned again in a later edit of the same comment: told once.
        dedupeKey: `report-comment-mention:${commentId}`,
        message: { key: 'commentMention', params: { name: names?.author ?? '', report: names?.title ?? '' } },
      });
    }
  }

  private presentComment(row: CommentRow, names: Map<string, string>, scope: AccessScope, facts: ReportFacts): ReportComment {
    const resource = commentResource(facts, row.author_id);
    const deleted = row.deleted_at !== null;
    return {
      id: row.id,
      author: row.author_id ? { id: row.author_id, name: names.get(row.author_id) ?? '' } : null,
      body: deleted ? '' : row.body,
      createdAt: new Date(row.created_at).toISOString(),
      editedAt: row.edited_at ? new Date(row.edited_at).toISOString() : null,
      deleted,
      canEdit: !deleted && scope.can('comment:update', resource),
      canDelete: !deleted && scope.can('comment:delete', resource),
    };
  }
}
