import type { ReportCommentsChanged } from '@simashe/contracts';

/** What of a socket.io client following comments uses (a fake one in the specs). */
export interface CommentsSocket {
  readonly connected: boolean;
  on(event: 'connect', listener: () => void): unknown;
  on(event: 'changed', listener: (change: ReportCommentsChanged) => void): unknown;
  off(event: 'connect', listener: () => void): unknown;
  off(event: 'changed', listener: (change: ReportCommentsChanged) => void): unknown;
  emit(event: 'watch', payload: { reportId: string }, ack: (result: { ok: boolean }) => void): unknown;
  emit(event: 'unwatch', payload: { reportId: string }): unknown;
}

/**
 * Follows one report's comments: watches the report on the socket, and again on every reconnect (the server
 * forgets who watched what when a connection drops), and calls `refresh` for every change pushed for this report.
 * Pushes missed while the connection was down are made good by one refresh once the watch is back: the only
 * refetch there is, no polling. The first watch refreshes only when the connection was not up yet, since changes
 * may have happened between loading the list and being able to hear about them. Returns the unsubscribe.
 */
export function followReportComments(socket: CommentsSocket, reportId: string, refresh: () => void): () => void {
  let listLoadedWhileConnected = socket.connected;
  const watch = () => {
    const catchUp = !listLoadedWhileConnected;
    listLoadedWhileConnected = false;
    // Refresh once the server has us in the room: nothing can then slip between the reload and the next push.
    socket.emit('watch', { reportId }, (result) => {
      if (result.ok && catchUp) refresh();
    });
  };
  const onChanged = (change: ReportCommentsChanged) => {
    if (change.reportId === reportId) refresh();
  };
  socket.on('connect', watch);
  socket.on('changed', onChanged);
  if (socket.connected) watch();
  return () => {
    socket.off('connect', watch);
    socket.off('changed', onChanged);
    if (socket.connected) socket.emit('unwatch', { reportId });
  };
}
