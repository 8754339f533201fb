import { Injectable, Logger, Optional, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { CLUSTER_EVENTS, type DomainEventName, type DomainEvents, type EventActor } from '@simashe/contracts';
import type { Request } from 'express';
import { isIP, isIPv4 } from 'node:net';
import type { AuthContext } from '../auth/auth-context';
import { Cluster } from '../cluster/cluster';

const CHANNEL = 'simashe:events';

export type DomainEventHandler<K extends DomainEventName> = (payload: DomainEvents[K]) => Promise<void> | void;

/**
 * How API modules tell each other what happened, instead of calling setter hooks on one another: the owner of a
 * change emits a typed event (see `DomainEvents` in contracts) once the change is committed; other modules
 * subscribe by name, usually in `onModuleInit`.
 *
 * `emit` awaits every handler, one after the other in subscription order, so what they write (an audit entry)
 * is stored before the request answers. A handler that throws is logged and skipped: the change it reports has
 * already happened, and telling the caller it failed would be wrong. A handler whose work may be slow and need
 * not hold up the request (search indexing) starts it and returns.
 *
 * An emitter whose event must reach someone (a live push with no gateway listening would silently do nothing)
 * says so with `requireSubscriber`: the app then refuses to start without one.
 *
 * With several instances (REDIS_URL), the events in CLUSTER_EVENTS are also delivered on every other instance,
 * through Redis; the rest stay in the process where they happen.
 */
@Injectable()
export class EventBus implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('EventBus');
  private readonly handlers = new Map<DomainEventName, Array<DomainEventHandler<never>>>();
  private readonly required = new Map<DomainEventName, string>();

  constructor(@Optional() private readonly cluster?: Cluster) {}

  async onModuleInit(): Promise<void> {
    if (!this.cluster?.enabled) return;
    await this.cluster.subscribe(CHANNEL, (message) => {
      const { from, name, payload } = JSON.parse(message.toString('utf8')) as { from: string; name: DomainEventName; payload: never };
      if (from !== this.cluster?.instanceId && CLUSTER_EVENTS.includes(name)) void this.deliver(name, payload);
    });
  }

  /** `by` (a module or service name, for the error) emits `name` and needs it handled. Call before the app starts. */
  requireSubscriber(name: DomainEventName, by: string): void {
    this.required.set(name, by);
  }

  /** Subscribers are in place once every module has initialised: an event that needs one and has none stops the start. */
  onApplicationBootstrap(): void {
    const missing = [...this.required].filter(([name]) => (this.handlers.get(name) ?? []).length === 0);
    if (missing.length > 0) throw new Error(`No subscriber for ${missing.map(([name, by]) => `"${name}" (emitted by ${by})`).join(', ')}: its module is not part of the app`);
  }

  /** Subscribes; the returned function unsubscribes. */
  on<K extends DomainEventName>(name: K, handler: DomainEventHandler<K>): () => void {
    const list = this.handlers.get(name) ?? [];
    list.push(handler as DomainEventHandler<never>);
    this.handlers.set(name, list);
    return () => {
      this.handlers.set(name, (this.handlers.get(name) ?? []).filter((h) => h !== handler));
    };
  }

  async emit<K extends DomainEventName>(name: K, payload: DomainEvents[K]): Promise<void> {
    if (this.cluster?.enabled && CLUSTER_EVENTS.includes(name)) {
      this.cluster.publish(CHANNEL, Buffer.from(JSON.stringify({ from: this.cluster.instanceId, name, payload }), 'utf8'));
    }
    await this.deliver(name, payload);
  }

  private async deliver<K extends DomainEventName>(name: K, payload: DomainEvents[K]): Promise<void> {
    // A copy: a handler that subscribes or unsubscribes does not change this delivery.
    for (const handler of [...(this.handlers.get(name) ?? [])] as Array<DomainEventHandler<K>>) {
      try {
        await handler(payload);
      } catch (error) {
        this.logger.error(`A "${name}" handler failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
  }
}

/** Where a request came from. `request.ip` honours the app's `trust proxy` setting (see configureApp). */
export function requestOrigin(request: Pick<Request, 'ip' | 'header'>): { ip: string | null; userAgent: string | null } {
  return { ip: clientIp(request.ip), userAgent: clientUserAgent(request.header('user-agent')) };
}

/**
 * A client's address as people know it, or null when there is none ('unknown' is what controllers pass for rate
 * limits): "::ffff:192.0.2.1", how Node reports IPv4 on a dual-stack socket, is 192.0.2.1.
 */
export function clientIp(ip: string | null | undefined): string | null {
  if (!ip) return null;
  const plain = ip.startsWith('::ffff:') && isIPv4(ip.slice(7)) ? ip.slice(7) : ip;
  return isIP(plain) ? plain : null;
}

/** A user agent as stored (sessions, audit entries): at most 300 characters. */
export function clientUserAgent(userAgent: string | null | undefined): string | null {
  return userAgent ? userAgent.slice(0, 300) : null;
}

/** The actor of an event from the caller's AuthContext (ip and user agent are set by the session guard). */
export function eventActor(auth: Pick<AuthContext, 'userId' | 'ip' | 'userAgent'>): EventActor {
  return { userId: auth.userId, ip: auth.ip ?? null, userAgent: auth.userAgent ?? null };
}

/** The filters an export was made with, as the audit log records them: the ones set to a text value. */
export function exportFilters(filters: object): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''));
}
