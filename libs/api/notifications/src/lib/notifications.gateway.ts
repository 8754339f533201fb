import { WebSocketGateway, type OnGatewayConnection, type OnGatewayInit } from '@nestjs/websockets';
import { requireSocketSession, SessionsService } from '@simashe/api-accounts';
import type { AuthContext } from '@simashe/api-core';
import { NOTIFICATIONS_NAMESPACE } from '@simashe/contracts';
import type { Namespace, Socket } from 'socket.io';
import { NotificationsService } from './notifications.service';

/** Pushes each person's new notifications and unread count to their open tabs, so the shell updates live. */
@WebSocketGateway({ namespace: NOTIFICATIONS_NAMESPACE, serveClient: false })
export class NotificationsGateway implements OnGatewayInit, OnGatewayConnection {
  constructor(
    private readonly sessions: SessionsService,
    private readonly notifications: NotificationsService,
  ) {}

  afterInit(namespace: Namespace): void {
    requireSocketSession(namespace, this.sessions, 'Sign in to receive notifications');
    this.notifications.setPush((userId, unread) => namespace.to(`user:${userId}`).emit('unread', { unread }));
  }

  async handleConnection(socket: Socket): Promise<void> {
    const auth = (socket.data as { auth?: AuthContext }).auth;
    if (!auth) return;
    await socket.join(`user:${auth.userId}`);
    socket.emit('unread', { unread: await this.notifications.unreadCount(auth.userId) });
  }
}
