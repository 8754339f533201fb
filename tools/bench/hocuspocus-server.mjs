// The peer for `npm run bench:collab`: a stock Hocuspocus server (in-memory documents, no persistence). The
// document named "large" is loaded from the file LARGE_DOCUMENT names (a Yjs update), as a database would give it.
import { Server } from '@hocuspocus/server';
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';

const server = new Server({
  port: Number(process.env.PORT),
  address: '127.0.0.1',
  quiet: true,
  async onLoadDocument({ documentName, document }) {
    if (documentName === 'large' && process.env.LARGE_DOCUMENT) Y.applyUpdate(document, readFileSync(process.env.LARGE_DOCUMENT));
    return document;
  },
});
await server.listen();
// A clean exit on SIGTERM, so that a CPU profile (BENCH_PEER_CPU_PROF) is written.
process.on('SIGTERM', () => process.exit(0));
process.send?.('ready');
