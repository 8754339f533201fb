// The transport floor for `npm run bench:collab`: what the fixed stack's transport (socket.io, as our API serves it)
// costs with nothing of ours on it. The same events as our collaboration namespace, doing what the Hocuspocus peer
// does with each change: apply it to the document in memory, pass it on to the other editors, answer the sender.
// No sign-in, access check, validation, storage or presence. Not a server anyone should run: a yardstick.
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import * as Y from 'yjs';

const documents = new Map();
const documentOf = (id) => {
  let doc = documents.get(id);
  if (!doc) documents.set(id, (doc = new Y.Doc()));
  return doc;
};

const http = createServer();
const io = new Server(http, { serveClient: false });
io.of('/collaboration').on('connection', (socket) => {
  socket.on('join', ({ documentId, stateVector }, ack) => {
    socket.join(documentId);
    ack({ ok: true, access: 'edit', update: Y.encodeStateAsUpdate(documentOf(documentId), new Uint8Array(stateVector)) });
  });
  socket.on('update', ({ kind, documentId, update }, ack) => {
    Y.applyUpdate(documentOf(documentId), Buffer.from(update, 'base64'));
    socket.to(documentId).emit('update', { kind, documentId, update });
    ack({ ok: true });
  });
});
http.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
// A clean exit on SIGTERM, so that a CPU profile is written.
process.on('SIGTERM', () => process.exit(0));
