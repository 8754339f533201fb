import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { RedisClientType } from 'redis';
import type * as RedisModule from 'redis';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config';

/** The Redis client is loaded only when REDIS_URL is set: a single process never needs it. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const redis = (): typeof RedisModule => require('redis');

type Listener = (message: Buffer) => void;

/**
 * What several API instances share through Redis (REDIS_URL): pub/sub channels, and the clients the socket.io
 * adapter uses. Without REDIS_URL the app is one process and every method here does nothing: `enabled` is false.
 *
 * Redis delivers nothing twice and guarantees nothing either: a message published while it is down or restarting is
 * lost. Whoever relies on a channel also re-reads the truth (PostgreSQL) now and then and when Redis comes back
 * (`onReconnect`), so a lost message delays a change but never loses it.
 */
@Injectable()
export class Cluster implements OnApplicationShutdown {
  private readonly logger = new Logger('Cluster');
  /** This process among the instances (messages it published come back to it, and are ignored). */
  readonly instanceId = randomUUID();
  readonly enabled: boolean;
  private publisher: RedisClientType | null = null;
  private subscriber: RedisClientType | null = null;
  private connecting: Promise<void> | null = null;
  private readonly listeners = new Map<string, Listener>();
  private readonly reconnectListeners: Array<() => void> = [];
  /** The socket.io adapter's clients, closed with the others. */
  private readonly adapter: RedisClientType[] = [];

  constructor(@Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'redisUrl'>) {
    this.enabled = Boolean(config.redisUrl);
  }

  /** Connects once (the first caller waits); a Redis that is down is retried in the background, never fatal. */
  connect(): Promise<void> {
    if (!this.enabled) return Promise.resolve();
    this.connecting ??= (async () => {
      this.publisher = this.client('publisher');
      this.subscriber = this.client('subscriber');
      let lost = false;
      this.subscriber.on('error', () => (lost = true));
      this.subscriber.on('ready', () => {
        if (!lost) return;
        lost = false;
        this.logger.log('Redis is back: re-reading what may have been missed');
        for (const listener of this.reconnectListeners) listener();
      });
      await Promise.all([this.publisher.connect(), this.subscriber.connect()]);
      this.logger.log(`Connected to Redis as instance ${this.instanceId}`);
    })();
    return this.connecting;
  }

  private client(role: string): RedisClientType {
    const client: RedisClientType = redis().createClient({
      url: this.config.redisUrl,
      // A publish while Redis is away is dropped, not queued without bound: receivers re-read the truth anyway.
      disableOfflineQueue: role === 'publisher',
      socket: { reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000) },
    });
    let reported = false;
    client.on('error', (error: Error) => {
      if (!reported) this.logger.warn(`Redis ${role}: ${error.message} (retrying)`);
      reported = true;
    });
    client.on('ready', () => (reported = false));
    return client;
  }

  /** Sends to every instance listening on `channel` (this one included); dropped while Redis is away. */
  publish(channel: string, message: Buffer): void {
    if (!this.publisher?.isReady) return;
    this.publisher.publish(channel, message).catch(() => undefined);
  }

  async subscribe(channel: string, listener: Listener): Promise<void> {
    if (!this.enabled) return;
    await this.connect();
    this.listeners.set(channel, listener);
    await this.subscriber?.subscribe(channel, (message: Buffer) => this.listeners.get(channel)?.(message), true);
  }

  async unsubscribe(channel: string): Promise<void> {
    if (!this.listeners.delete(channel)) return;
    await this.subscriber?.unsubscribe(channel).catch(() => undefined);
  }

  /** Called when Redis comes back after being lost: a moment to re-read what its messages may have missed. */
  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  /** Two more connections for the socket.io Redis adapter (it needs its own publisher and subscriber). */
  async adapterClients(): Promise<[RedisClientType, RedisClientType]> {
    const publisher = this.client('adapter publisher');
    const subscriber = this.client('adapter subscriber');
    await Promise.all([publisher.connect(), subscriber.connect()]);
    // The adapter publishes each broadcast without handling a failure: while Redis is away that is an unhandled
    // rejection, which ends the process. A broadcast lost then is caught up by the instances' re-read instead.
    const publish = publisher.publish.bind(publisher);
    Object.defineProperty(publisher, 'publish', { value: (...args: Parameters<typeof publish>) => publish(...args).catch(() => 0) });
    this.adapter.push(publisher, subscriber);
    return [publisher, subscriber];
  }

  async onApplicationShutdown(): Promise<void> {
    for (const client of [this.publisher, this.subscriber, ...this.adapter]) await client?.quit().catch(() => undefined);
  }
}

/**
 * Runs `work` on one instance at a time across the cluster (and once at a time in one process): a PostgreSQL
 * advisory lock named `name`, held by a transaction for as long as `work` runs. Returns false, without running it,
 * when another instance holds the lock: scheduled jobs (meeting reminders) then run once, not once per instance.
 */
export async function withClusterLock(db: DataSource, name: string, work: () => Promise<void>): Promise<boolean> {
  return db.transaction(async (manager) => {
    const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [name]);
    if (!locked) return false;
    await work();
    return true;
  });
}
