import { Logger } from '@nestjs/common';
import type { DomainEvents } from '@simashe/contracts';
import { EventBus, eventActor, requestOrigin } from './event-bus';

const actor = { userId: '00000000-0000-4000-8000-000000000001', ip: '203.0.113.7', userAgent: 'test' };
const submitted: DomainEvents['report.submitted'] = {
  actor,
  organisationId: '00000000-0000-4000-8000-000000000002',
  reportId: '00000000-0000-4000-8000-000000000003',
  title: 'Report',
  from: 'draft',
};

describe('EventBus', () => {
  let bus: EventBus;
  beforeEach(() => {
    bus = new EventBus();
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('refuses to start when an event that must reach someone has no subscriber, and names who emits it', () => {
    bus.requireSubscriber('notification.unread_changed', 'NotificationsService');
    bus.requireSubscriber('document.changed', 'DocumentRooms');
    bus.on('document.changed', () => undefined);
    expect(() => bus.onApplicationBootstrap()).toThrow('No subscriber for "notification.unread_changed" (emitted by NotificationsService)');
    const unsubscribe = bus.on('notification.unread_changed', () => undefined);
    expect(() => bus.onApplicationBootstrap()).not.toThrow();
    unsubscribe();
    expect(() => bus.onApplicationBootstrap()).toThrow(/notification\.unread_changed/);
  });

  it('delivers a payload to every handler of that event only, in subscription order, and awaits them', async () => {
    const calls: string[] = [];
    bus.on('report.submitted', async (payload) => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      calls.push(`first ${payload.title}`);
    });
    bus.on('report.submitted', (payload) => void calls.push(`second ${payload.from}`));
    bus.on('report.reopened', () => void calls.push('reopened'));
    await bus.emit('report.submitted', submitted);
    expect(calls).toEqual(['first Report', 'second draft']);
  });

  it('does nothing when nobody listens', async () => {
    await expect(bus.emit('auth.signed_out', { actor, sessionId: 's' })).resolves.toBeUndefined();
  });

  it('logs a failing handler and still runs the others; the emitter does not fail', async () => {
    const seen: string[] = [];
    bus.on('auth.signed_in', () => {
      throw new Error('disk full');
    });
    bus.on('auth.signed_in', async () => Promise.reject(new Error('rejected')));
    bus.on('auth.signed_in', (payload) => void seen.push(payload.sessionId));
    await expect(bus.emit('auth.signed_in', { actor, sessionId: 'abc' })).resolves.toBeUndefined();
    expect(seen).toEqual(['abc']);
    expect(Logger.prototype.error).toHaveBeenCalledTimes(2);
    expect(jest.mocked(Logger.prototype.error).mock.calls[0][0]).toMatch(/"auth.signed_in" handler failed: Error: disk full/);
  });

  it('unsubscribes, and a subscription made during delivery waits for the next event', async () => {
    const seen: string[] = [];
    const off = bus.on('auth.signed_out', () => {
      seen.push('a');
      bus.on('auth.signed_out', () => void seen.push('late'));
    });
    await bus.emit('auth.signed_out', { actor, sessionId: '1' });
    expect(seen).toEqual(['a']);
    off();
    await bus.emit('auth.signed_out', { actor, sessionId: '2' });
    expect(seen).toEqual(['a', 'late']);
  });

  it('builds actors from the auth context and the request', () => {
    expect(eventActor({ userId: 'u', ip: '198.51.100.1', userAgent: 'UA' })).toEqual({ userId: 'u', ip: '198.51.100.1', userAgent: 'UA' });
    expect(eventActor({ userId: 'u' })).toEqual({ userId: 'u', ip: null, userAgent: null });
    const headers: Record<string, string> = { 'user-agent': 'x'.repeat(400) };
    const origin = requestOrigin({ ip: '::1', header: ((name: string) => headers[name]) as never });
    expect(origin.ip).toBe('::1');
    expect(origin.userAgent).toHaveLength(300);
  });
});
