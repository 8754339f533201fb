import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, type OnGatewayInit } from '@nestjs/websockets';
import { requireSocketSession, SessionsService } from '@simashe/api-accounts';
import type { AuthContext } from '@simashe/api-core';
import { DISCUSSIONS_NAMESPACE, ThreadParamsSchema } from '@simashe/contracts';
import type { Namespace, Socket } from 'socket.io';
import { DiscussionsService } from './discussions.service';

type Ack = { ok: true } | { ok: false; error: { id: string; message: string } };

/** Live posts: a client watches a thread it may read and receives every new, edited or deleted post. */
@WebSocketGateway({ namespace: DISCUSSIONS_NAMESPACE, serveClient: false })
export class DiscussionsGateway implements OnGatewayInit {
  constructor(
    private readonly sessions: SessionsService,
    private readonly discussions: DiscussionsService,
  ) {}

  afterInit(namespace: Namespace): void {
    requireSocketSession(namespace, this.sessions, 'Sign in to follow discussions');
    this.discussions.setPush((threadId, post) => namespace.to(`thread:${threadId}`).emit('post', { threadId, post: { ...post, mine: false } }));
  }

  @SubscribeMessage('watch')
  async watch(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<Ack> {
    const parsed = ThreadParamsSchema.safeParse({ id: (payload as { threadId?: unknown } | null)?.threadId });
    if (!parsed.success) return { ok: false, error: { id: 'validation_error', message: 'threadId must be a discussion id' } };
    try {
      await this.discussions.readableThread((socket.data as { auth: AuthContext }).auth, parsed.data.id);
    } catch {
      return { ok: false, error: { id: 'not_found', message: 'The discussion was not found' } };
    }
    await socket.join(`thread:${parsed.data.id}`);
    return { ok: true };
  }

  @SubscribeMessage('unwatch')
  async unwatch(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<void> {
    const threadId = (payload as { threadId?: unknown } | null)?.threadId;
    if (typeof threadId === 'string') await socket.leave(`thread:${threadId}`);
  }
}
