// For `npm run bench:collab`'s stall test: opens the large document from a process of its own, as another
// person's browser would, so that receiving two megabytes does not stall the process that times the others.
import { HocuspocusProvider } from '@hocuspocus/provider';
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import * as Y from 'yjs';

const { READER_SERVER, READER_URL, READER_COOKIE, READER_DOCUMENT } = process.env;
const t0 = performance.now();
if (READER_SERVER === 'hocuspocus') {
  const provider = new HocuspocusProvider({ url: READER_URL, name: READER_DOCUMENT, document: new Y.Doc(), WebSocketPolyfill: WebSocket });
  await new Promise((resolve) => provider.on('synced', resolve));
  process.send({ openedIn: performance.now() - t0 });
  provider.destroy();
} else {
  const socket = io(`${READER_URL}/collaboration`, { transports: ['websocket'], extraHeaders: { cookie: READER_COOKIE }, forceNew: true });
  await new Promise((resolve) => socket.on('connect', resolve));
  const joined = await socket.emitWithAck('join', { kind: 'report', documentId: READER_DOCUMENT, stateVector: Y.encodeStateVector(new Y.Doc()) });
  process.send(joined.ok ? { openedIn: performance.now() - t0 } : { error: joined.error.message });
  socket.close();
}
process.exit(0);
