import { Injectable } from '@nestjs/common';
import { EventBus, type AuthContext } from '@simashe/api-core';
import type { CollabDocumentKind, DocumentRef } from '@simashe/contracts';

export type DocumentAccess = 'edit' | 'read';

/** Decides who may read or edit a kind of document; null hides the document (404). */
export type DocumentAccessResolver = (auth: AuthContext, documentId: string) => Promise<DocumentAccess | null>;

/**
 * The collaboration layer knows nothing of reports or minutes: each domain module registers how access to its
 * documents is decided, and says when it changed (a report was submitted, a member's role changed): the
 * `document.access_changed` event, which the gateway handles by re-checking open sockets.
 */
@Injectable()
export class DocumentAccessRegistry {
  private readonly resolvers = new Map<CollabDocumentKind, DocumentAccessResolver>();

  constructor(private readonly events: EventBus) {
    events.requireSubscriber('document.access_changed', 'DocumentAccessRegistry');
  }

  register(kind: CollabDocumentKind, resolver: DocumentAccessResolver): void {
    this.resolvers.set(kind, resolver);
  }

  /** The kinds with a resolver (the app checks at start that every kind has one). */
  registeredKinds(): CollabDocumentKind[] {
    return [...this.resolvers.keys()];
  }

  async resolve(auth: AuthContext, ref: DocumentRef): Promise<DocumentAccess | null> {
    const resolver = this.resolvers.get(ref.kind);
    return resolver ? resolver(auth, ref.documentId) : null;
  }

  /** Open sockets on the document re-check what they may do (resolves once they have). */
  accessChanged(ref: DocumentRef): Promise<void> {
    return this.events.emit('document.access_changed', { document: ref });
  }
}
