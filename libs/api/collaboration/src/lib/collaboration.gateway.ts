import { Logger, type OnModuleInit } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import { requireSocketSession, SessionsService } from '@simashe/api-accounts';
import { EventBus, firstIssueSentence, isDatabaseUnavailable, readerLanguage, SOCKET_SERVER_OPTIONS, type AuthContext } from '@simashe/api-core';
import {
  COLLABORATION_NAMESPACE,
  DocumentRefSchema,
  encodeFrame,
  JoinPayloadSchema,
  UpdatePayloadSchema,
  type ClientToServerEvents,
  type CollabError,
  type DocumentRef,
  type JoinResult,
  type ServerToClientEvents,
} from '@simashe/contracts';
import { translateMessage } from '@simashe/messages';
import type { Namespace, Socket } from 'socket.io';
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import type { ZodType } from 'zod';
import { DocumentAccessRegistry, type DocumentAccess } from './access-registry';
import { DocumentLoadTimeout } from './document-loader';
import { DocumentRelay } from './document-relay';
import { DocumentRooms, roomKey, type DocumentRoom } from './document-rooms';
import { FanOutBatch } from './fan-out-batch';
import { DEPENDS_ON_UNKNOWN, ownAwareness, invalidUpdateReason, isValidStateVector } from './update-validation';
import { VersionsService } from './versions.service';

interface SocketData {
  auth: AuthContext;
  /** room key → what this connection may do there */
  access: Map<string, DocumentAccess>;
}
type CollabSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type Reply<T = object> = ({ ok: true } & T) | { ok: false; error: CollabError };

const fail = (id: CollabError['id'], message: string, retryable?: true): Reply<never> => ({ ok: false, error: { id, message, ...(retryable && { retryable }) } });

/** A refusal in the editor's profile language, as HTTP errors are (only failures pay for it, not the hot path). */
function localised<T>(socket: CollabSocket, reply: T): T {
  const failed = reply as Reply;
  if (failed.ok !== false) return reply;
  return { ...failed, error: { ...failed.error, message: translateMessage(failed.error.message, readerLanguage(socket.data.auth)) } } as T;
}

/** The payload checked against its contract; a refusal names the first problem in the reader's language. */
function parse<T>(schema: ZodType<T>, payload: unknown, socket: CollabSocket): { value: T } | { error: Reply<never> } {
  const result = schema.safeParse(payload);
  if (result.success) return { value: result.data };
  const tooLarge = result.error.issues.some((issue) => issue.message.startsWith('Frame larger'));
  return { error: fail(tooLarge ? 'payload_too_large' : 'validation_error', firstIssueSentence(result.error, readerLanguage(socket.data.auth))) };
}

/**
 * Yjs sync and awareness over socket.io, authenticated by the same session cookie as HTTP.
 * Access is checked on join and on every update; an update is passed on to the other editors at once and
 * acknowledged once it is stored in PostgreSQL.
 */
// Frames up to 4× the accepted size get a clear error reply; anything larger is cut off by the transport.
@WebSocketGateway({ namespace: COLLABORATION_NAMESPACE, ...SOCKET_SERVER_OPTIONS })
export class CollaborationGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleInit {
  private readonly logger = new Logger('Collaboration');
  /** Changes on their way to editors, merged per room within one turn of the event loop. */
  private readonly fanOut = new FanOutBatch(({ document, except, only }, update) => {
    // This instance's sockets only: the others get the change from their own copy of the document (DocumentRooms).
    const room = this.server.local.to(only ?? roomKey(document));
    (except.length > 0 ? room.except(except) : room).emit('update', { ...document, update: encodeFrame(update) });
  });
  @WebSocketServer() private readonly server!: Namespace<ClientToServerEvents, ServerToClientEvents>;

  constructor(
    private readonly sessions: SessionsService,
    private readonly registry: DocumentAccessRegistry,
    private readonly rooms: DocumentRooms,
    private readonly versions: VersionsService,
    private readonly events: EventBus,
    private readonly relay: DocumentRelay,
  ) {}

  onModuleInit(): void {
    this.events.on('document.access_changed', ({ document }) => this.refreshAccess(document));
    this.events.on('document.changed', ({ document, update, exceptSocketId }) => this.fanOut.add(document, update, exceptSocketId));
  }

  /** Authenticates during the handshake, so no event is ever handled for an anonymous or cross-site socket. */
  afterInit(namespace: Namespace): void {
    requireSocketSession(namespace, this.sessions, 'Sign in to edit documents', ['join', 'leave', 'update', 'awareness'], (socket) => {
      (socket as CollabSocket).data.access = new Map();
    });
  }

  async handleDisconnect(socket: CollabSocket): Promise<void> {
    for (const key of socket.data.access?.keys() ?? []) {
      const [kind, documentId] = key.split(':') as [DocumentRef['kind'], string];
      const room = await this.rooms.find({ kind, documentId });
      if (room) await this.leaveRoom(socket, room);
    }
  }

  @SubscribeMessage('join')
  async join(@ConnectedSocket() socket: CollabSocket, @MessageBody() payload: unknown): Promise<Reply<JoinResult>> {
    return this.safely(socket, async (): Promise<Reply<JoinResult>> => {
      const parsed = parse(JoinPayloadSchema, payload, socket);
      if ('error' in parsed) return parsed.error;
      const { stateVector, ...ref } = parsed.value;
      if (!isValidStateVector(stateVector)) return fail('validation_error', 'stateVector is not a Yjs state vector');
      const access = await this.registry.resolve(socket.data.auth, ref);
      if (!access) return fail('not_found', 'The document was not found');
      const room = await this.rooms.enter(ref, socket.id);
      socket.data.access.set(room.key, access);
      await socket.join(room.key);
      // Gone while the room opened: its disconnect found nothing to leave, so it leaves now (or the room stays open).
      if (socket.disconnected) {
        await this.leaveRoom(socket, room);
        return fail('not_found', 'The connection closed while the document was opening');
      }
      return {
        ok: true,
        access,
        ...this.rooms.syncFor(room, stateVector),
        awareness: encodeAwarenessUpdate(room.awareness, [...room.awareness.getStates().keys()]),
      };
    });
  }

  @SubscribeMessage('leave')
  async leave(@ConnectedSocket() socket: CollabSocket, @MessageBody() payload: unknown): Promise<Reply> {
    return this.safely(socket, async (): Promise<Reply> => {
      const parsed = parse(DocumentRefSchema, payload, socket);
      if ('error' in parsed) return parsed.error;
      const room = await this.rooms.find(parsed.value);
      if (room) await this.leaveRoom(socket, room);
      return { ok: true };
    });
  }

  /**
   * Updates and awareness, the hot path (every keystroke, passed on to every editor), are handled by a socket
   * middleware rather than Nest message handlers: Nest's per-message pipeline (an observable per call) cost about a
   * tenth of the server's time per keystroke in the 50-editor benchmark. Same validation, access checks and replies.
   *
   * A middleware also sees each event the moment it arrives. socket.io dispatches events on the next tick, and only
   * to a socket still connected: an update whose sender disconnected right after sending it (a closed tab) would be
   * dropped, though it arrived (Hocuspocus #557). Here it is applied, stored and passed on like any other.
   */
  handleConnection(socket: CollabSocket): void {
    socket.use((packet, next) => {
      const [event, payload] = packet;
      // The callback is the last argument, wherever that is: an emit without a payload, or with one too many, is
      // still answered.
      const last: unknown = packet[packet.length - 1];
      const ack = packet.length > 1 && typeof last === 'function' ? last : undefined;
      const body = payload === ack ? undefined : payload;
      const handle = event === 'update' ? this.update(socket, body) : event === 'awareness' ? this.awareness(socket, body) : null;
      if (!handle) return next();
      void handle.then((reply) => ack?.(reply));
    });
  }

  async update(socket: CollabSocket, payload: unknown): Promise<Reply> {
    return this.safely(socket, async (): Promise<Reply> => {
      const parsed = parse(UpdatePayloadSchema, payload, socket);
      if ('error' in parsed) return parsed.error;
      const { update, ...ref } = parsed.value;
      const access = socket.data.access.get(roomKey(ref));
      if (!access) return fail('forbidden', 'Join the document before sending changes');
      if (access !== 'edit') return fail('forbidden', 'You can read this document but not change it');
      const room = await this.rooms.find(ref);
      if (!room) return fail('not_found', 'The document is not open');
      const reason = invalidUpdateReason(update, room.doc);
      // Kept and sent again by the editor (its predecessor arrives meanwhile); never held back unchecked.
      if (reason === DEPENDS_ON_UNKNOWN) return fail('internal_error', reason, true);
      if (reason) return fail('validation_error', reason);
      // Applied and passed on at once; acknowledged when stored (see DocumentRooms.applyChange).
      let changed: boolean;
      try {
        changed = await this.rooms.applyChange(room, update, { origin: socket.id, socketId: socket.id, userId: socket.data.auth.userId });
      } catch (error) {
        this.logger.error(`storing an update of ${room.key} failed: ${(error as Error).message}`);
        return fail('internal_error', 'The change could not be saved; it will be sent again');
      }
      if (changed) void this.versions.keepAutomaticVersion(room);
      return { ok: true };
    });
  }

  async awareness(socket: CollabSocket, payload: unknown): Promise<Reply> {
    return this.safely(socket, async (): Promise<Reply> => {
      const parsed = parse(UpdatePayloadSchema, payload, socket);
      if ('error' in parsed) return parsed.error;
      const { update: sent, ...ref } = parsed.value;
      if (!socket.data.access.has(roomKey(ref))) return fail('forbidden', 'Join the document first');
      const room = await this.rooms.find(ref);
      if (!room) return fail('not_found', 'The document is not open');
      let clients: number[];
      let update: Uint8Array;
      try {
        ({ clients, update } = ownAwareness(sent, socket.data.auth.name));
      } catch {
        return fail('validation_error', 'Not a valid awareness update');
      }
      // Presence is each person's own: another editor's cursor and name cannot be changed or removed, while they are
      // connected or between two connections (the room remembers who first announced each id). The same person's
      // other connection may use it: a reconnect the server has not yet seen as one.
      const userId = socket.data.auth.userId;
      if (clients.some((client) => (room.presenceOwners.get(client) ?? userId) !== userId)) return fail('forbidden', 'You can only change your own presence');
      const announced = room.members.get(socket.id) ?? new Set<number>();
      const track = ({ added, updated }: { added: number[]; updated: number[] }, origin: unknown) => {
        if (origin === socket.id) for (const id of [...added, ...updated]) announced.add(id);
      };
      room.awareness.on('update', track);
      try {
        applyAwarenessUpdate(room.awareness, update, socket.id);
      } catch {
        return fail('validation_error', 'Not a valid awareness update');
      } finally {
        room.awareness.off('update', track);
      }
      room.members.set(socket.id, announced);
      for (const client of clients) room.presenceOwners.set(client, userId);
      socket.to(room.key).emit('awareness', { ...room.ref, update: encodeFrame(update) });
      this.relay.publishAwareness(room.key, update);
      return { ok: true };
    });
  }

  /** A failure inside a handler still answers the client (Nest would otherwise leave the ack unanswered). */
  private async safely<T>(socket: CollabSocket, work: () => Promise<T>): Promise<T | Reply<never>> {
    try {
      return localised(socket, await work());
    } catch (error) {
      // Worth trying again (the editor does so by itself): said as such, not as a fault.
      if (error instanceof DocumentLoadTimeout) {
        this.logger.warn(error.message);
        return localised(socket, fail('internal_error', 'The document is busy and could not be opened; try again in a moment', true));
      }
      if (isDatabaseUnavailable(error)) return localised(socket, fail('internal_error', 'The database cannot be reached at the moment; nothing was changed. Try again shortly', true));
      this.logger.error(`collaboration handler failed: ${(error as Error).stack ?? error}`);
      return localised(socket, fail('internal_error', 'Something went wrong on our side; it has been logged'));
    }
  }

  private async leaveRoom(socket: CollabSocket, room: DocumentRoom): Promise<void> {
    const announced = [...(room.members.get(socket.id) ?? [])];
    room.members.delete(socket.id);
    socket.data.access?.delete(room.key);
    await socket.leave(room.key);
    if (announced.length > 0) {
      removeAwarenessStates(room.awareness, announced, 'left');
      const gone = encodeAwarenessUpdate(room.awareness, announced);
      this.server.to(room.key).emit('awareness', { ...room.ref, update: encodeFrame(gone) });
      this.relay.publishAwareness(room.key, gone);
    }
    await this.rooms.release(room);
  }

  /** Re-decides access for everyone in the room (e.g. after a report was submitted) and tells them. */
  private async refreshAccess(ref: DocumentRef): Promise<void> {
    const key = roomKey(ref);
    // This instance's sockets: with several instances, each gets the event and re-checks its own.
    for (const socket of await this.server.local.in(key).fetchSockets()) {
      const local = this.server.sockets.get(socket.id) as CollabSocket | undefined;
      if (!local) continue;
      const access = await this.registry.resolve(local.data.auth, ref);
      if (!access) {
        const room = await this.rooms.find(ref);
        if (room) await this.leaveRoom(local, room);
        continue;
      }
      local.data.access.set(key, access);
      local.emit('access', { ...ref, access });
    }
  }
}
