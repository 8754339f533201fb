import { Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, type OnGatewayInit } from '@nestjs/websockets';
import { requireSocketSession, SessionsService } from '@simashe/api-accounts';
import { EventBus, NotFoundError, readerLanguage, SOCKET_SERVER_OPTIONS, type AuthContext } from '@simashe/api-core';
import { REPORT_COMMENTS_NAMESPACE, WatchReportCommentsSchema, type ReportCommentsChanged } from '@simashe/contracts';
import { translateMessage } from '@simashe/messages';
import type { Namespace, Socket } from 'socket.io';
import { ReportsService } from './reports.service';

type Ack = { ok: true } | { ok: false; error: { id: string; message: string } };

const roomOf = (reportId: string) => `report:${reportId}`;

/** A refusal in the watcher's profile language, as HTTP errors are. */
function localised(socket: Socket, ack: Ack): Ack {
  const auth = (socket.data as { auth?: AuthContext }).auth;
  return ack.ok || !auth ? ack : { ok: false, error: { ...ack.error, message: translateMessage(ack.error.message, readerLanguage(auth)) } };
}

/**
 * Live comments: a client watches a report it may read (asked of the AccessPolicy through `ReportsService`, as
 * every read of a report is) and hears which comment changed, from the `report.comment_changed` event. The push
 * names the change only: the client reloads the list over HTTP, read and decided per caller.
 */
@WebSocketGateway({ namespace: REPORT_COMMENTS_NAMESPACE, ...SOCKET_SERVER_OPTIONS })
export class ReportCommentsGateway implements OnGatewayInit {
  private readonly logger = new Logger('ReportCommentsGateway');

  constructor(
    private readonly sessions: SessionsService,
    private readonly reports: ReportsService,
    private readonly events: EventBus,
  ) {}

  afterInit(namespace: Namespace): void {
    requireSocketSession(namespace, this.sessions, 'Sign in to follow comments', ['watch', 'unwatch']);
    this.events.on('report.comment_changed', ({ reportId, threadId, commentId, change }) => {
      const payload: ReportCommentsChanged = { reportId, threadId, commentId, change };
      namespace.to(roomOf(reportId)).emit('changed', payload);
    });
  }

  @SubscribeMessage('watch')
  async watch(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<Ack> {
    const auth = (socket.data as { auth: AuthContext }).auth;
    const parsed = WatchReportCommentsSchema.safeParse(payload);
    if (!parsed.success) return localised(socket, { ok: false, error: { id: 'validation_error', message: 'Give the reportId of a report' } });
    try {
      await this.reports.accessTo(auth, parsed.data.reportId);
    } catch (error) {
      if (error instanceof NotFoundError) return localised(socket, { ok: false, error: { id: 'not_found', message: error.message } });
      this.logger.error(`watching comments failed: ${error instanceof Error ? error.message : String(error)}`);
      return localised(socket, { ok: false, error: { id: 'internal_error', message: 'The comments could not be followed; try again' } });
    }
    await socket.join(roomOf(parsed.data.reportId));
    return { ok: true };
  }

  @SubscribeMessage('unwatch')
  async unwatch(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<Ack> {
    const parsed = WatchReportCommentsSchema.safeParse(payload);
    if (!parsed.success) return localised(socket, { ok: false, error: { id: 'validation_error', message: 'Give the reportId of a report' } });
    await socket.leave(roomOf(parsed.data.reportId));
    return { ok: true };
  }
}
