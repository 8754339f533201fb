import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type * as RedisAdapterModule from '@socket.io/redis-adapter';
import type { Server, ServerOptions } from 'socket.io';
import type { Cluster } from './cluster';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const redisAdapter = (): typeof RedisAdapterModule => require('@socket.io/redis-adapter');

/**
 * socket.io across instances: a room broadcast (an update to a document's editors, an unread count to a person's
 * tabs) reaches the sockets of every instance through Redis. Used when REDIS_URL is set (see main.ts).
 */
export class RedisIoAdapter extends IoAdapter {
  private adapter: ReturnType<typeof RedisAdapterModule.createAdapter> | null = null;

  constructor(app: INestApplicationContext) {
    super(app);
  }

  async connect(cluster: Cluster): Promise<void> {
    const [publisher, subscriber] = await cluster.adapterClients();
    this.adapter = redisAdapter().createAdapter(publisher, subscriber, { key: 'simashe:socket.io' });
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    if (this.adapter) server.adapter(this.adapter);
    return server;
  }
}
