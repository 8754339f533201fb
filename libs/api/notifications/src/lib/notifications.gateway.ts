import { type OnModuleInit } from '@nestjs/common';
import { WebSocketGateway, WebSocketServer, type OnGatewayConnection, type OnGatewayInit } from '@nestjs/websockets';
import { requireSocketSession, SessionsService } from '@simashe/api-accounts';
import { EventBus, SOCKET_SERVER_OPTIONS, type AuthContext } from '@simashe/api-core';
import { NOTIFICATIONS_NAMESPACE } from '@simashe/contracts';
import type { Namespace, Socket } from 'socket.io';
import { NotificationsService } from './notifications.service';

/** Pushes each person's new notifications and unread count to their open tabs, so the shell updates live. */
@WebSocketGateway({ namespace: NOTIFICATIONS_NAMESPACE, ...SOCKET_SERVER_OPTIONS })
export class NotificationsGateway implements OnModuleInit, OnGatewayInit, OnGatewayConnection {
  @WebSocketServer() private readonly server!: Namespace;

  constructor(
    private readonly sessions: SessionsService,
    private readonly notifications: NotificationsService,
    private readonly events: EventBus,
  ) {}

  onModuleInit(): void {
    this.events.on('notification.unread_changed', ({ userId, unread }) => void this.server.to(`user:${userId}`).emit('unread', { unread }));
  }

  afterInit(namespace: Namespace): void {
    requireSocketSession(namespace, this.sessions, 'Sign in to receive notifications', []);
  }

  async handleConnection(socket: Socket): Promise<void> {
    const auth = (socket.data as { auth?: AuthContext }).auth;
    if (!auth) return;
    await socket.join(`user:${auth.userId}`);
    socket.emit('unread', { unread: await this.notifications.unreadCount(auth.userId) });
  }
}
