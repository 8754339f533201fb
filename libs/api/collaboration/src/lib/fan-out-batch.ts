import type { DocumentRef } from '@simashe/contracts';
import * as Y from 'yjs';
import { roomKey } from './document-rooms';

/** Where a batch goes: the room's sockets without `except`, or the one socket `only`. */
export interface FanOutTarget {
  document: DocumentRef;
  except: string[];
  only?: string;
}

interface Batch {
  document: DocumentRef;
  changes: Array<{ update: Uint8Array; from: string | null }>;
}

/**
 * Passes changes on to a room's editors once per turn of the event loop. Changes that arrive together (the loop was
 * busy: a garbage collection, a commit's replies, a burst of keystrokes) reach each editor as one merged update
 * instead of one message each: with 50 editors, every change is 49 socket writes, and the writes are where the time
 * goes. A lone change goes out as it came, after the I/O already read (setImmediate: well under a millisecond).
 * Nobody gets their own changes back: senders get the others' changes, merged, on their own.
 */
export class FanOutBatch {
  private readonly batches = new Map<string, Batch>();
  private scheduled = false;

  constructor(
    private readonly send: (target: FanOutTarget, update: Uint8Array) => void,
    private readonly schedule: (flush: () => void) => void = setImmediate,
  ) {}

  add(document: DocumentRef, update: Uint8Array, from: string | null): void {
    const key = roomKey(document);
    let batch = this.batches.get(key);
    if (!batch) {
      batch = { document, changes: [] };
      this.batches.set(key, batch);
    }
    batch.changes.push({ update, from });
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => this.flush());
  }

  /** Sends everything waiting (in the order the rooms were first changed). */
  flush(): void {
    this.scheduled = false;
    const batches = [...this.batches.values()];
    this.batches.clear();
    for (const { document, changes } of batches) {
      // A lone change: one send, to everyone but its sender (who has no others' changes to get).
      const senders = [...new Set(changes.map((change) => change.from).filter((from): from is string => from !== null))];
      this.send({ document, except: senders }, merge(changes.map((change) => change.update)));
      for (const sender of senders) {
        const others = changes.filter((change) => change.from !== sender).map((change) => change.update);
        if (others.length > 0) this.send({ document, except: [], only: sender }, merge(others));
      }
    }
  }
}

/** Every change was applied to the room's document before it got here, so each is a well-formed update. */
function merge(updates: Uint8Array[]): Uint8Array {
  return updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
}
