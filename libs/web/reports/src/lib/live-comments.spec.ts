import type { ReportCommentsChanged } from '@simashe/contracts';
import { followReportComments, type CommentsSocket } from './live-comments';

const REPORT = '7d9e4c1a-2b3f-4a5e-8c6d-0e1f2a3b4c5d';
const OTHER = '00000000-0000-4000-8000-000000000009';

/** A socket.io client as far as following comments goes: records what is sent, lets the test play the server. */
class FakeSocket implements CommentsSocket {
  connected = false;
  readonly sent: Array<{ event: string; payload: unknown }> = [];
  private readonly listeners = new Map<string, Set<(...args: never[]) => void>>();
  private readonly acks: Array<(result: { ok: boolean }) => void> = [];

  on(event: string, listener: (...args: never[]) => void) {
    this.listeners.set(event, (this.listeners.get(event) ?? new Set()).add(listener));
    return this;
  }
  off(event: string, listener: (...args: never[]) => void) {
    this.listeners.get(event)?.delete(listener);
    return this;
  }
  emit(event: string, payload: unknown, ack?: (result: { ok: boolean }) => void) {
    this.sent.push({ event, payload });
    if (ack) this.acks.push(ack);
    return this;
  }
  /** The connection comes up (first time or again): socket.io fires "connect". */
  connect() {
    this.connected = true;
    this.fire('connect');
  }
  disconnect() {
    this.connected = false;
  }
  /** The server answers the pending watches. */
  acknowledge(ok = true) {
    for (const ack of this.acks.splice(0)) ack({ ok });
  }
  push(change: Partial<ReportCommentsChanged>) {
    this.fire('changed', { reportId: REPORT, threadId: OTHER, commentId: OTHER, change: 'created', ...change });
  }
  listenerCount() {
    return [...this.listeners.values()].reduce((n, set) => n + set.size, 0);
  }
  private fire(event: string, ...args: unknown[]) {
    for (const listener of [...(this.listeners.get(event) ?? [])]) (listener as (...a: unknown[]) => void)(...args);
  }
}

describe('followReportComments', () => {
  it('watches at once on a live connection, refreshes on every change to this report only, and never polls', () => {
    const socket = new FakeSocket();
    socket.connected = true;
    const refresh = jest.fn();
    followReportComments(socket, REPORT, refresh);
    expect(socket.sent).toEqual([{ event: 'watch', payload: { reportId: REPORT } }]);
    socket.acknowledge();
    // The list was just loaded on a live connection: nothing to catch up on.
    expect(refresh).not.toHaveBeenCalled();

    socket.push({ change: 'created' });
    socket.push({ change: 'edited' });
    socket.push({ reportId: OTHER, change: 'deleted' });
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('catches up once after a reconnect (pushes were missed), after the server has it watching again', () => {
    const socket = new FakeSocket();
    socket.connected = true;
    const refresh = jest.fn();
    followReportComments(socket, REPORT, refresh);
    socket.acknowledge();

    socket.disconnect();
    socket.connect();
    expect(socket.sent.filter((s) => s.event === 'watch')).toHaveLength(2);
    expect(refresh).not.toHaveBeenCalled(); // not before the server answers: a change could slip in between
    socket.acknowledge();
    expect(refresh).toHaveBeenCalledTimes(1);

    // Refused (the report became unreadable): no reload of what cannot be read.
    socket.disconnect();
    socket.connect();
    socket.acknowledge(false);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('catches up when the connection was not up yet when the list loaded', () => {
    const socket = new FakeSocket();
    const refresh = jest.fn();
    followReportComments(socket, REPORT, refresh);
    expect(socket.sent).toEqual([]);
    socket.connect();
    socket.acknowledge();
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('stops listening and unwatches on the way out, without queueing an unwatch on a dead connection', () => {
    const socket = new FakeSocket();
    socket.connected = true;
    const refresh = jest.fn();
    const stop = followReportComments(socket, REPORT, refresh);
    stop();
    expect(socket.sent.at(-1)).toEqual({ event: 'unwatch', payload: { reportId: REPORT } });
    expect(socket.listenerCount()).toBe(0);
    socket.push({});
    expect(refresh).not.toHaveBeenCalled();

    // Offline: socket.io would send a buffered unwatch after the next watch, leaving the report unwatched.
    const offline = new FakeSocket();
    followReportComments(offline, REPORT, refresh)();
    expect(offline.sent).toEqual([]);
  });
});
