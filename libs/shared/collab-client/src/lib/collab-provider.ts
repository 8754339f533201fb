import type {
  ClientToServerEvents,
  CollabError,
  DocumentRef,
  JoinResult,
  ServerToClientEvents,
} from '@simashe/contracts';
import { COLLABORATION_NAMESPACE, decodeFrame, encodeFrame } from '@simashe/contracts';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';

export type ConnectionStatus = 'connecting' | 'online' | 'offline';

export interface CollabProviderState {
  status: ConnectionStatus;
  /** Local changes not yet acknowledged as stored by the server. */
  unsaved: number;
  access: 'edit' | 'read' | null;
  /** True once the first full sync with the server completed. */
  synced: boolean;
  error: CollabError | null;
}

export interface CollabProviderOptions {
  /** Server origin, e.g. http://localhost:3000; the page's own origin when omitted (browser). */
  url?: string;
  ref: DocumentRef;
  doc: Y.Doc;
  awareness?: Awareness;
  /** Extra socket.io options (Node clients pass the session cookie in extraHeaders). */
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
  /** How long a join or a change waits for the server's answer before it is asked or sent again (15 s). */
  answerTimeoutMs?: number;
}

type Listener = (state: CollabProviderState) => void;

/**
 * Keeps a Yjs document in sync with the server over socket.io. Local edits made while offline stay in the
 * document and are sent as one update when the connection returns (the server tells what it lacks);
 * `unsaved` counts changes (local edits) the server has not yet confirmed as stored: edits sent again merged into one
 * update still count one each.
 *
 * The server passes a change on to the other editors before it is stored, and acknowledges it once stored. So
 * every sent change is kept here until acknowledged, and sent again after a reconnect even when the server's
 * state says it has it: that state may be a copy in memory that was never stored (a failed write, a crash).
 * Sending a change twice is harmless (Yjs applies it once).
 */
export class CollabProvider {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private readonly ref: DocumentRef;
  /** Sent updates not yet acknowledged as stored, by send id, with how many local edits each holds. */
  private readonly pending = new Map<number, { update: Uint8Array; changes: number }>();
  /** Local edits made while not joined: kept in the document, sent by the next join. */
  private offlineChanges = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** A join that failed for a reason that may pass (no answer, the server could not open the document) is tried again. */
  private joinTimer: ReturnType<typeof setTimeout> | null = null;
  private failedJoins = 0;
  /** The latest join asked for: an earlier one's late answer is ignored (joins can overlap). */
  private joinSeq = 0;
  private nextPendingId = 0;
  /** Callers of whenSaved still waiting (answered "not saved" when the provider is destroyed). */
  private readonly saveWaits = new Set<(saved: boolean) => void>();
  private joined = false;
  private readonly ownsAwareness: boolean;
  private readonly answerTimeoutMs: number;
  private listeners = new Set<Listener>();
  private current: CollabProviderState = { status: 'connecting', unsaved: 0, access: null, synced: false, error: null };

  constructor(options: CollabProviderOptions) {
    this.doc = options.doc;
    // The server answers in lower case (one room per document, whichever case the id was written in).
    this.ref = { ...options.ref, documentId: options.ref.documentId.toLowerCase() };
    this.ownsAwareness = !options.awareness;
    this.answerTimeoutMs = options.answerTimeoutMs ?? 15_000;
    this.awareness = options.awareness ?? new Awareness(this.doc);
    const url = `${options.url ?? ''}${COLLABORATION_NAMESPACE}`;
    this.socket = io(url, {
      transports: ['websocket'],
      withCredentials: true,
      // One connection per open document, closed with it (a shared manager would outlive its documents).
      forceNew: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
      ...options.socketOptions,
    });

    this.doc.on('update', this.onLocalUpdate);
    this.awareness.on('update', this.onLocalAwareness);
    this.socket.on('connect', () => {
      this.failedJoins = 0;
      void this.join();
    });
    this.socket.on('disconnect', () => this.onDisconnect());
    this.socket.io.on('reconnect_attempt', () => this.set({ status: 'connecting' }));
    this.socket.on('connect_error', () => this.set({ status: 'offline' }));
    this.socket.on('update', ({ documentId, update }) => {
      if (documentId === this.ref.documentId) Y.applyUpdate(this.doc, decodeFrame(update), this);
    });
    this.socket.on('awareness', ({ documentId, update }) => {
      if (documentId === this.ref.documentId) applyAwarenessUpdate(this.awareness, decodeFrame(update), this);
    });
    this.socket.on('access', ({ documentId, access }) => {
      if (documentId === this.ref.documentId) this.set({ access });
    });
  }

  get state(): CollabProviderState {
    return this.current;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.current);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when the first sync is done (or rejects with the server's reason). */
  whenSynced(): Promise<void> {
    return new Promise((resolve, reject) => {
      const unsubscribe = this.subscribe((state) => {
        if (state.synced) {
          queueMicrotask(() => unsubscribe());
          resolve();
        } else if (state.error && !state.access && !state.error.retryable) {
          queueMicrotask(() => unsubscribe());
          reject(new Error(state.error.message));
        }
      });
    });
  }

  /**
   * Resolves with true when every local change has been acknowledged as stored, or with false once `timeoutMs` have
   * passed without (offline, or the server slow to store); without a timeout it waits as long as it takes.
   */
  whenSaved(timeoutMs?: number): Promise<boolean> {
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let settled = false;
      const settle = (saved: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.saveWaits.delete(settle);
        queueMicrotask(() => unsubscribe());
        resolve(saved);
      };
      const unsubscribe = this.subscribe((state) => {
        if (state.unsaved === 0 && state.synced && state.status === 'online') settle(true);
      });
      if (settled) return;
      // Destroyed meanwhile: not saved (as far as this provider will ever know).
      this.saveWaits.add(settle);
      if (timeoutMs !== undefined) {
        timer = setTimeout(() => settle(false), timeoutMs);
        // A wait never keeps a Node process alive by itself.
        (timer as { unref?: () => void }).unref?.();
      }
    });
  }

  disconnect(): void {
    this.socket.disconnect();
  }

  connect(): void {
    this.socket.connect();
  }

  destroy(): void {
    for (const settle of [...this.saveWaits]) settle(false);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.joinTimer) clearTimeout(this.joinTimer);
    this.doc.off('update', this.onLocalUpdate);
    this.awareness.off('update', this.onLocalAwareness);
    removeAwarenessStates(this.awareness, [this.doc.clientID], 'destroy');
    this.socket.disconnect();
    // Awareness runs a timer; one we made must be stopped with us.
    if (this.ownsAwareness) this.awareness.destroy();
    this.listeners.clear();
  }

  private async join(): Promise<void> {
    this.joined = false;
    if (this.joinTimer) clearTimeout(this.joinTimer);
    this.joinTimer = null;
    const seq = ++this.joinSeq;
    let response: Awaited<ReturnType<typeof this.socket.emitWithAck<'join'>>>;
    try {
      response = await this.socket.timeout(this.answerTimeoutMs).emitWithAck('join', { ...this.ref, stateVector: Y.encodeStateVector(this.doc) });
    } catch {
      // Disconnected: the next connect joins again. Still connected but no answer: asked again.
      if (seq === this.joinSeq && this.socket.connected) this.joinAgain();
      return;
    }
    if (seq !== this.joinSeq) return; // a later join answers for this connection
    if (!response.ok) {
      // A passing condition (the database away or busy): the reason is shown while it is asked again. Not found,
      // not allowed or a fault on the server's side is final.
      if (response.error.retryable) {
        this.set({ status: 'connecting', error: response.error, access: null });
        this.joinAgain();
      } else {
        this.set({ status: 'online', error: response.error, access: null });
      }
      return;
    }
    this.failedJoins = 0;
    const result = response as { ok: true } & JoinResult;
    Y.applyUpdate(this.doc, new Uint8Array(result.update), this);
    if (result.awareness.byteLength > 0) applyAwarenessUpdate(this.awareness, new Uint8Array(result.awareness), this);
    this.joined = true;
    // Whatever the server lacks (edits made offline), and every change it has not acknowledged, goes up as one update.
    const missing = Y.encodeStateAsUpdate(this.doc, new Uint8Array(result.stateVector));
    const unacknowledged = [...this.pending.values()];
    const changes = this.unsavedChanges();
    this.pending.clear();
    this.offlineChanges = 0;
    const resend = unacknowledged.length > 0 ? Y.mergeUpdates([...unacknowledged.map((sent) => sent.update), missing]) : missing;
    if (result.access === 'edit' && hasContent(resend)) this.send(resend, Math.max(1, changes));
    // Online and synced only now, in one change, with the resend counted: "saved" never shows before it is
    // acknowledged, nor "online" before the document arrived.
    this.set({ status: 'online', access: result.access, error: null, unsaved: this.unsavedChanges(), synced: true });
    if (this.awareness.getLocalState() !== null) {
      // When the last connection ended the server removed this presence with a clock one above the last it had, and
      // told the others so: announced with the old clock, it would be ignored everywhere until the next change (up
      // to 15 s, awareness's renewal). Two above clears it, whatever was sent before.
      const meta = this.awareness.meta.get(this.doc.clientID);
      if (meta) this.awareness.meta.set(this.doc.clientID, { clock: meta.clock + 2, lastUpdated: Date.now() });
      this.sendAwareness([this.doc.clientID]);
    }
  }

  private readonly onLocalUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this) return;
    if (!this.joined || !this.socket.connected) {
      // Kept in the document; the next join sends it.
      this.offlineChanges += 1;
      this.set({ unsaved: this.unsavedChanges() });
      return;
    }
    this.send(update);
  };

  /** Edits not yet stored: those sent and unanswered, and those made while not joined. */
  private unsavedChanges(): number {
    return this.offlineChanges + this.sentChanges();
  }

  /** Edits sent and not yet answered. */
  private sentChanges(): number {
    let changes = 0;
    for (const sent of this.pending.values()) changes += sent.changes;
    return changes;
  }

  /** Sends an update holding `changes` local edits, kept until the server says it is stored. */
  private send(update: Uint8Array, changes = 1): void {
    const id = this.nextPendingId++;
    this.pending.set(id, { update, changes });
    this.set({ unsaved: this.unsavedChanges() });
    this.socket
      .timeout(this.answerTimeoutMs)
      .emitWithAck('update', { ...this.ref, update: encodeFrame(update) })
      .then((response) => {
        if (!this.pending.has(id)) return; // superseded by a reconnect's resend
        if (!response.ok && response.error.id === 'internal_error') {
          // Not stored (the server could not write it): kept, and sent again shortly.
          this.set({ error: response.error });
          this.scheduleRetry();
          return;
        }
        if (!response.ok && response.error.id === 'not_found' && this.socket.connected) {
          // The server no longer has the document open for this connection: kept, and sent again by a fresh join
          // (which answers "not found" for good if the document itself is gone).
          void this.join();
          return;
        }
        this.pending.delete(id);
        // Refused for good (not allowed, not valid): sending it again would not help.
        if (!response.ok) this.set({ error: response.error });
        this.set({ unsaved: this.unsavedChanges() });
      })
      .catch(() => {
        // No answer. Disconnected: kept, and the reconnect's join sends it again. Still connected (a network that
        // went quiet and came back without the connection noticing: its answer, if it comes, has nowhere to go):
        // kept, and sent again shortly; the server applies a change once, however often it gets it.
        if (this.pending.has(id) && this.socket.connected) this.scheduleRetry();
      });
  }

  /**
   * Joins again after a pause that doubles with each failure (about 1 s, 2 s, 4 s, then every 8 s), while connected.
   * Spread at random by ±50 %, so that editors turned away together do not all come back in the same instant.
   */
  private joinAgain(): void {
    if (this.joinTimer) return;
    const delay = Math.min(8000, 1000 * 2 ** this.failedJoins++) * (0.5 + Math.random());
    this.joinTimer = setTimeout(() => {
      this.joinTimer = null;
      if (this.socket.connected && !this.joined) void this.join();
    }, delay);
  }

  /** Sends every unacknowledged change again, as one update, after a pause. */
  private scheduleRetry(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.joined || !this.socket.connected || this.pending.size === 0) return;
      const changes = this.sentChanges();
      const again = Y.mergeUpdates([...this.pending.values()].map((sent) => sent.update));
      this.pending.clear();
      this.send(again, changes);
    }, 2000);
  }

  private readonly onLocalAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    if (origin === this || !this.joined || !this.socket.connected) return;
    const changed = [...added, ...updated, ...removed].filter((id) => id === this.doc.clientID);
    if (changed.length > 0) this.sendAwareness(changed);
  };

  /** Presence is best effort: nothing waits for its acknowledgement. */
  private sendAwareness(clientIds: number[]): void {
    this.socket.emit('awareness', { ...this.ref, update: encodeFrame(encodeAwarenessUpdate(this.awareness, clientIds)) }, () => undefined);
  }

  private onDisconnect(): void {
    this.joined = false;
    // Unacknowledged changes are kept and stay counted: the next join sends them again.
    const others = [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID);
    removeAwarenessStates(this.awareness, others, this);
    this.set({ status: 'offline' });
  }

  private set(changes: Partial<CollabProviderState>): void {
    this.current = { ...this.current, ...changes };
    for (const listener of this.listeners) listener(this.current);
  }
}

/** An encoded Yjs update with no structs and no deletions is two zero bytes. */
function hasContent(update: Uint8Array): boolean {
  return !(update.byteLength === 2 && update[0] === 0 && update[1] === 0);
}
