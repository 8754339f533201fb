import { Injectable } from '@nestjs/common';
import { DocumentRooms, DocumentStore } from '@simashe/api-collaboration';
import { NotFoundError, ValidationError, type AuthContext } from '@simashe/api-core';
import { REPORT_DOCUMENT_FIELD, type CommentThread, type CreateCommentRequest } from '@simashe/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { reportResource } from './report-access';
import * as Y from 'yjs';
import { ReportsService } from './reports.service';

interface CommentRow {
  id: string;
  thread_id: string | null;
  author_id: string | null;
  author_name: string | null;
  body: string;
  anchor_start: Buffer | null;
  anchor_end: Buffer | null;
  quote: string | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  resolved_by_name: string | null;
  created_at: Date;
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

/** Threads anchored to text ranges of a report; everyone who can read the report reads and adds comments. */
@Injectable()
export class ReportCommentsService {
  constructor(
    private readonly db: DataSource,
    private readonly reports: ReportsService,
    private readonly store: DocumentStore,
    private readonly rooms: DocumentRooms,
  ) {}

  async list(auth: AuthContext, reportId: string): Promise<CommentThread[]> {
    await this.reports.get(auth, reportId);
    const rows: CommentRow[] = await this.db.query(
      `SELECT c.*, a.name AS author_name, r.name AS resolved_by_name
       FROM report_comments c LEFT JOIN users a ON a.id = c.author_id LEFT JOIN users r ON r.id = c.resolved_by
       WHERE c.report_id = $1 ORDER BY c.created_at`,
      [reportId],
    );
    // Readers poll comments; while the report is open for editing, resolve anchors against the live copy
    // instead of rebuilding the document from the database every time.
    const room = await this.rooms.find({ kind: 'report', documentId: reportId });
    const doc = room ? room.doc : (await this.store.load(reportId)).doc;
    const roots = rows.filter((row) => row.thread_id === row.id);
    const threads = roots.map((root) => ({
      ...this.presentComment(root),
      anchorStart: root.anchor_start?.toString('base64') ?? '',
      anchorEnd: root.anchor_end?.toString('base64') ?? '',
      quote: root.quote ?? '',
      currentText: root.anchor_start && root.anchor_end ? anchoredText(doc, root.anchor_start, root.anchor_end) : null,
      resolved: root.resolved_at !== null,
      resolvedBy: root.resolved_by ? { id: root.resolved_by, name: root.resolved_by_name ?? '' } : null,
      replies: rows.filter((row) => row.thread_id === root.id && row.id !== root.id).map((row) => this.presentComment(row)),
    }));
    if (!room) doc.destroy();
    return threads;
  }

  async create(auth: AuthContext, reportId: string, input: CreateCommentRequest): Promise<CommentThread[]> {
    const { scope, facts } = await this.reports.accessTo(auth, reportId);
    scope.require('comment:create', reportResource(facts));
    const start = decodeAnchor(input.anchorStart, 'anchorStart');
    const end = decodeAnchor(input.anchorEnd, 'anchorEnd');
    const id = randomUUID(); // a root comment is its own thread
    await this.db.query(
      `INSERT INTO report_comments (id, thread_id, report_id, author_id, body, anchor_start, anchor_end, quote)
       VALUES ($1, $1, $2, $3, $4, $5, $6, $7)`,
      [id, reportId, auth.userId, input.body, Buffer.from(start), Buffer.from(end), input.quote],
    );
    return this.list(auth, reportId);
  }

  async reply(auth: AuthContext, reportId: string, commentId: string, body: string): Promise<CommentThread[]> {
    const { scope, facts } = await this.reports.accessTo(auth, reportId);
    scope.require('comment:create', reportResource(facts));
    await this.thread(reportId, commentId);
    await this.db.query('INSERT INTO report_comments (report_id, thread_id, author_id, body) VALUES ($1, $2, $3, $4)', [
      reportId,
      commentId,
      auth.userId,
      body,
    ]);
    return this.list(auth, reportId);
  }

  async resolve(auth: AuthContext, reportId: string, commentId: string, resolved: boolean): Promise<CommentThread[]> {
    const { scope, facts } = await this.reports.accessTo(auth, reportId);
    const thread = await this.thread(reportId, commentId);
    scope.require('comment:resolve', { kind: 'comment', ...facts, authorId: thread.author_id });
    await this.db.query(
      `UPDATE report_comments SET resolved_at = ${resolved ? 'now()' : 'NULL'}, resolved_by = $2 WHERE id = $1`,
      [commentId, resolved ? auth.userId : null],
    );
    return this.list(auth, reportId);
  }

  private async thread(reportId: string, commentId: string): Promise<CommentRow> {
    const [row] = await this.db.query('SELECT * FROM report_comments WHERE id = $1 AND report_id = $2 AND thread_id = id', [commentId, reportId]);
    if (!row) throw new NotFoundError('The comment thread');
    return row;
  }

  private presentComment(row: CommentRow) {
    return {
      id: row.id,
      author: row.author_id ? { id: row.author_id, name: row.author_name ?? '' } : null,
      body: row.body,
      createdAt: new Date(row.created_at).toISOString(),
    };
  }
}
