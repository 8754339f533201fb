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
  /** user id → changes since the last version (the "who changed what" of the next version) */
  contributions: Map<string, number>;
  lastVersionAt: number;
}

export type Broadcaster = (room: DocumentRoom, update: Uint8Array) => void;

export function roomKey(ref: DocumentRef): string {
  return `${ref.kind}:${ref.documentId}`;
}

/** Open documents held in memory while someone edits them; loaded once, shared by every connection. */
@Injectable()
export class DocumentRooms {
  private readonly logger = new Logger('DocumentRooms');
  private readonly rooms = new Map<string, Promise<DocumentRoom>>();
  private broadcaster: Broadcaster = () => undefined;
  private beforeRelease: (room: DocumentRoom) => Promise<void> = async () => undefined;

  constructor(private readonly store: DocumentStore) {}

  /** The gateway sends server-made changes (restores) to everyone in the room through this. */
  setBroadcaster(broadcaster: Broadcaster): void {
    this.broadcaster = broadcaster;
  }

  broadcast(room: DocumentRoom, update: Uint8Array): void {
    this.broadcaster(room, update);
  }

  /** Runs before an idle room is dropped (versions keeps the last changes). */
  setBeforeRelease(hook: (room: DocumentRoom) => Promise<void>): void {
    this.beforeRelease = hook;
  }

  open(ref: DocumentRef): Promise<DocumentRoom> {
    const key = roomKey(ref);
    let room = this.rooms.get(key);
    if (!room) {
      room = Promise.all([this.store.load(ref.documentId), this.store.lastVersionAt(ref.documentId)]).then(([{ doc, tailLength }, lastVersionAt]) => {
        const awareness = new Awareness(doc);
        awareness.setLocalState(null); // the server has no cursor of its own
        // Never versioned yet: the clock starts when editing starts, not at the epoch.
        return { key, ref, doc, awareness, members: new Map(), tailLength, compacting: false, contributions: new Map(), lastVersionAt: lastVersionAt || Date.now() };
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
    await this.beforeRelease(room).catch((error: Error) => this.logger.warn(`keeping a version of ${room.key} failed: ${error.message}`));
    if (room.members.size > 0 || this.rooms.get(room.key) === undefined) return;
    this.rooms.delete(room.key);
    room.awareness.destroy();
    room.doc.destroy();
  }

  recordAppend(room: DocumentRoom, userId: string | null): void {
    if (userId) room.contributions.set(userId, (room.contributions.get(userId) ?? 0) + 1);
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
