import { Injectable, Logger } from '@nestjs/common';
import type { DocumentRef } from '@simashe/contracts';
import { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { DocumentStore } from './document-store';

/** Compaction starts once this many updates sit in a document's tail. */
export const COMPACTION_THRESHOLD = 200;

export interface DocumentRoom {
  key: string;
  ref: DocumentRef;
  doc: Y.Doc;
  awareness: Awareness;
  /** socket id → awareness client ids it announced (removed when it leaves) */
  members: Map<string, Set<number>>;
  tailLength: number;
  compacting: boolean;
}

export function roomKey(ref: DocumentRef): string {
  return `${ref.kind}:${ref.documentId}`;
}

/** Open documents held in memory while someone edits them; loaded once, shared by every connection. */
@Injectable()
export class DocumentRooms {
  private readonly logger = new Logger('DocumentRooms');
  private readonly rooms = new Map<string, Promise<DocumentRoom>>();

  constructor(private readonly store: DocumentStore) {}

  open(ref: DocumentRef): Promise<DocumentRoom> {
    const key = roomKey(ref);
    let room = this.rooms.get(key);
    if (!room) {
      room = this.store.load(ref.documentId).then(({ doc, tailLength }) => {
        const awareness = new Awareness(doc);
        awareness.setLocalState(null); // the server has no cursor of its own
        return { key, ref, doc, awareness, members: new Map(), tailLength, compacting: false };
      });
      room.catch(() => this.rooms.delete(key));
      this.rooms.set(key, room);
    }
    return room;
  }

  find(ref: DocumentRef): Promise<DocumentRoom> | undefined {
    return this.rooms.get(roomKey(ref));
  }

  get openCount(): number {
    return this.rooms.size;
  }

  /** Drops the in-memory copy when the last member leaves; the database already holds every update. */
  async release(room: DocumentRoom): Promise<void> {
    if (room.members.size > 0) return;
    this.rooms.delete(room.key);
    room.awareness.destroy();
    room.doc.destroy();
  }

  recordAppend(room: DocumentRoom): void {
    room.tailLength += 1;
    if (room.tailLength < COMPACTION_THRESHOLD || room.compacting) return;
    room.compacting = true;
    setImmediate(() => {
      this.store
        .compact(room.ref.documentId)
        .then((folded) => {
          room.tailLength = Math.max(0, room.tailLength - folded);
        })
        .catch((error: Error) => this.logger.warn(`compaction of ${room.key} failed: ${error.message}`))
        .finally(() => {
          room.compacting = false;
        });
    });
  }
}
