import { CollabProvider } from '@simashe/collab-client';
import type { DocumentRef } from '@simashe/contracts';
import * as Y from 'yjs';

/** A real Node Yjs client over socket.io, signed in with the given session cookie. */
export function collabClient(baseUrl: string, cookie: string, ref: DocumentRef, doc = new Y.Doc()): CollabProvider {
  return new CollabProvider({
    url: baseUrl,
    ref,
    doc,
    socketOptions: { extraHeaders: { cookie }, reconnectionDelay: 50, reconnectionDelayMax: 200 },
  });
}

/** Polls until the condition holds; after the timeout, fails saying what was awaited (`what` may describe the state then). */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 10_000, what: string | (() => string) = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`Timed out waiting for ${typeof what === 'function' ? what() : what}`);
}
