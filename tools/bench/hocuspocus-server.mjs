// The peer for `npm run bench:collab`: a stock Hocuspocus server (in-memory documents, no persistence).
import { Server } from '@hocuspocus/server';

const server = new Server({ port: Number(process.env.PORT), address: '127.0.0.1', quiet: true });
await server.listen();
process.send?.('ready');
