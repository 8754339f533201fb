import { type OnModuleInit } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer, type OnGatewayInit } from '@nestjs/websockets';
import { requireSocketSession, SessionsService } from '@simashe/api-accounts';
import { EventBus, readerLanguage, SOCKET_SERVER_OPTIONS, type AuthContext } from '@simashe/api-core';
import { DISCUSSIONS_NAMESPACE, SubjectParamsSchema, ThreadParamsSchema } from '@simashe/contracts';
import { translateMessage } from '@simashe/messages';
import type { Namespace, Socket } from 'socket.io';
import { DiscussionsService } from './discussions.service';

type Ack = { ok: true } | { ok: false; error: { id: string; message: string } };

/** A refusal in the watcher's profile language, as HTTP errors are. */
function localised(auth: AuthContext, ack: Ack): Ack {
  return ack.ok ? ack : { ok: false, error: { ...ack.error, message: translateMessage(ack.error.message, readerLanguage(auth)) } };
}

/** Live posts: a client watches a thread it may read and receives every new, edited or deleted post. */
@WebSocketGateway({ namespace: DISCUSSIONS_NAMESPACE, ...SOCKET_SERVER_OPTIONS })
export class DiscussionsGateway implements OnModuleInit, OnGatewayInit {
  @WebSocketServer() private readonly server!: Namespace;

  constructor(
    private readonly sessions: SessionsService,
    private readonly discussions: DiscussionsService,
    private readonly events: EventBus,
  ) {}

  onModuleInit(): void {
    this.events.on('discussion.posted', ({ threadId, subject, post }) => {
      const rooms = [`thread:${threadId}`, ...(subject ? [`subject:${subject.kind}:${subject.id}`] : [])];
      this.server.to(rooms).emit('post', { threadId: post.threadId, post: { ...post, mine: false } });
    });
  }

  afterInit(namespace: Namespace): void {
    requireSocketSession(namespace, this.sessions, 'Sign in to follow discussions', ['watch', 'unwatch']);
  }

  /** Watch a thread by id, or the thread of a report, meeting or lesson (even before its first post). */
  @SubscribeMessage('watch')
  async watch(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<Ack> {
    const auth = (socket.data as { auth: AuthContext }).auth;
    const room = this.roomOf(payload);
    if (!room) return localised(auth, { ok: false, error: { id: 'validation_error', message: 'Give a threadId, or a subjectKind and subjectId' } });
    try {
      if (room.threadId) await this.discussions.readableThread(auth, room.threadId);
      else await this.discussions.requireSubject(auth, room.subject!.subjectKind, room.subject!.subjectId);
    } catch {
      return localised(auth, { ok: false, error: { id: 'not_found', message: 'The discussion was not found' } });
    }
    await socket.join(room.name);
    return { ok: true };
  }

  /** Answered like `watch` (a client waiting for the acknowledgement waited for ever). */
  @SubscribeMessage('unwatch')
  async unwatch(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<Ack> {
    const auth = (socket.data as { auth: AuthContext }).auth;
    const room = this.roomOf(payload);
    if (!room) return localised(auth, { ok: false, error: { id: 'validation_error', message: 'Give a threadId, or a subjectKind and subjectId' } });
    await socket.leave(room.name);
    return { ok: true };
  }

  private roomOf(payload: unknown) {
    const thread = ThreadParamsSchema.safeParse({ id: (payload as { threadId?: unknown } | null)?.threadId });
    if (thread.success) return { name: `thread:${thread.data.id}`, threadId: thread.data.id, subject: null };
    const subject = SubjectParamsSchema.safeParse(payload);
    if (subject.success) return { name: `subject:${subject.data.subjectKind}:${subject.data.subjectId}`, threadId: null, subject: subject.data };
    return null;
  }
}
