import { Injectable } from '@nestjs/common';
import type { AuthContext } from '@simashe/api-core';
import type { CollabDocumentKind, DocumentRef } from '@simashe/contracts';
import { EventEmitter } from 'node:events';

export type DocumentAccess = 'edit' | 'read';

/** Decides who may read or edit a kind of document; null hides the document (404). */
export type DocumentAccessResolver = (auth: AuthContext, documentId: string) => Promise<DocumentAccess | null>;

/**
 * The collaboration layer knows nothing of reports or minutes: each domain module registers how access to its
 * documents is decided, and says when it changed (a report was submitted, a member's role changed).
 */
@Injectable()
export class DocumentAccessRegistry {
  private readonly resolvers = new Map<CollabDocumentKind, DocumentAccessResolver>();
  private readonly changes = new EventEmitter();

  register(kind: CollabDocumentKind, resolver: DocumentAccessResolver): void {
    this.resolvers.set(kind, resolver);
  }

  async resolve(auth: AuthContext, ref: DocumentRef): Promise<DocumentAccess | null> {
    const resolver = this.resolvers.get(ref.kind);
    return resolver ? resolver(auth, ref.documentId) : null;
  }

  accessChanged(ref: DocumentRef): void {
    this.changes.emit('changed', ref);
  }

  onAccessChanged(listener: (ref: DocumentRef) => void): void {
    this.changes.on('changed', listener);
  }
}
