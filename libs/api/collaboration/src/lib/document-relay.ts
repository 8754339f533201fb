import { Injectable } from '@nestjs/common';
import { Cluster } from '@simashe/api-core';

const UPDATE = 0;
const AWARENESS = 1;
/** A message: one byte of kind, the sending instance's id (36 ASCII characters), then the Yjs bytes. */
const HEADER = 1 + 36;

export interface RelayListener {
  update(update: Uint8Array): void;
  awareness(update: Uint8Array): void;
}

/**
 * Open documents across instances (REDIS_URL): a change applied on one instance (and stored there, once) is passed
 * to the other instances holding the same document open. Their copy takes it, and passes on to their own editors
 * what it did not have: an instance's editors hear other instances' changes only through its copy, from which it
 * also serves joiners, so they never lack what it has. Presence (awareness) goes the same way. A message
 * Redis loses is caught up by the periodic re-read of open documents from PostgreSQL (DocumentRooms.resync).
 * Without Redis, nothing happens here.
 */
@Injectable()
export class DocumentRelay {
  constructor(private readonly cluster: Cluster) {}

  get enabled(): boolean {
    return this.cluster.enabled;
  }

  publishUpdate(key: string, update: Uint8Array): void {
    this.publish(key, UPDATE, update);
  }

  publishAwareness(key: string, update: Uint8Array): void {
    this.publish(key, AWARENESS, update);
  }

  /** Starts hearing the other instances' changes to the document `key`. */
  watch(key: string, listener: RelayListener): Promise<void> {
    return this.cluster.subscribe(channel(key), (message) => {
      if (message.length < HEADER || message.toString('latin1', 1, HEADER) === this.cluster.instanceId) return;
      const body = new Uint8Array(message.buffer, message.byteOffset + HEADER, message.length - HEADER);
      if (message[0] === UPDATE) listener.update(body);
      else if (message[0] === AWARENESS) listener.awareness(body);
    });
  }

  unwatch(key: string): Promise<void> {
    return this.cluster.unsubscribe(channel(key));
  }

  private publish(key: string, kind: number, bytes: Uint8Array): void {
    if (!this.cluster.enabled) return;
    const message = Buffer.allocUnsafe(HEADER + bytes.length);
    message[0] = kind;
    message.write(this.cluster.instanceId, 1, 'latin1');
    message.set(bytes, HEADER);
    this.cluster.publish(channel(key), message);
  }
}

const channel = (key: string) => `simashe:document:${key}`;
