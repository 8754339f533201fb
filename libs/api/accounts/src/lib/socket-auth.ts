import { readerLanguage, type AuthContext } from '@simashe/api-core';
import { languageFromAcceptLanguage, translateMessage } from '@simashe/messages';
import { parse as parseCookie } from 'cookie';
import type { Namespace, Socket } from 'socket.io';
import { SESSION_COOKIE, type SessionsService } from './sessions.service';

/**
 * The handshake check every socket.io namespace uses: same-site origin and a valid session cookie, exactly as
 * for HTTP. Returns why the connection is refused, or null (and `socket.data.auth` is set).
 */
export async function authenticateSocket(sessions: SessionsService, socket: Socket, refusal: string): Promise<string | null> {
  const headers = socket.handshake.headers;
  const origin = headers.origin;
  if (origin) {
    let sameSite = false;
    try {
      sameSite = new URL(origin).host === headers.host;
    } catch {
      sameSite = false;
    }
    if (!sameSite) return 'Cross-site connections are not allowed';
  }
  const token = parseCookie(headers.cookie ?? '')[SESSION_COOKIE];
  // No address: the handshake's is the raw peer (a reverse proxy's), not the client the HTTP trust-proxy rules find.
  const session = token ? await sessions.resolve(token) : null;
  if (!session) return refusal;
  (socket.data as { auth: AuthContext }).auth = session.auth;
  return null;
}

/**
 * Installs the handshake check on a namespace: no event is ever handled for an anonymous or cross-site socket.
 * When a session ends (signed out, signed out from another device, password changed or reset), the namespace's
 * connections opened with it are closed, so they stop receiving anything. `events` are those the namespace
 * handles: any other sent with an acknowledgement is answered "Unknown event" (it waited for ever).
 */
export function requireSocketSession(
  namespace: Namespace,
  sessions: SessionsService,
  refusal: string,
  events: readonly string[],
  onAccepted?: (socket: Socket) => void,
): void {
  namespace.use((socket, next) => {
    authenticateSocket(sessions, socket, refusal)
      .then((error) => {
        if (!error) {
          answerUnknownEvents(socket, events);
          onAccepted?.(socket);
        }
        // Refused before any session is known: worded in the browser's language (Accept-Language of the handshake).
        const language = languageFromAcceptLanguage(socket.handshake.headers['accept-language']) ?? 'en';
        next(error ? Object.assign(new Error(translateMessage(error, language)), { data: { id: 'unauthenticated' } }) : undefined);
      })
      .catch(() => next(new Error('Could not check the session')));
  });
  sessions.onRevoked((ended) => {
    for (const socket of namespace.sockets.values()) {
      const auth = (socket.data as { auth?: AuthContext }).auth;
      if (auth && ended.has(auth.sessionId)) socket.disconnect(true);
    }
  });
  // A profile changed (a new name, language or zone): open connections read their session again, so that what they
  // say and stamp (the name beside a cursor, the language of a refusal) follows without reconnecting.
  sessions.onChanged(({ sessionIds, userIds }) => {
    for (const socket of namespace.sockets.values()) {
      const data = socket.data as { auth?: AuthContext };
      const auth = data.auth;
      if (!auth || !(userIds.has(auth.userId) || sessionIds.has(auth.sessionId))) continue;
      const token = parseCookie(socket.handshake.headers.cookie ?? '')[SESSION_COOKIE];
      if (!token) continue;
      sessions
        .resolve(token)
        .then((session) => {
          // A rotated token (a password change) no longer reads: the connection keeps what it had until it ends.
          if (session && session.auth.sessionId === auth.sessionId) data.auth = session.auth;
        })
        .catch(() => undefined);
    }
  });
}

/** Unknown events sent with an acknowledgement get a refusal in the person's language; others are ignored as before. */
function answerUnknownEvents(socket: Socket, events: readonly string[]): void {
  socket.use((packet, next) => {
    const [event] = packet;
    const ack: unknown = packet[packet.length - 1];
    if (typeof event === 'string' && events.includes(event)) return next();
    if (packet.length > 1 && typeof ack === 'function') {
      const auth = (socket.data as { auth?: AuthContext }).auth;
      const language = auth ? readerLanguage(auth) : (languageFromAcceptLanguage(socket.handshake.headers['accept-language']) ?? 'en');
      ack({ ok: false, error: { id: 'validation_error', message: translateMessage('Unknown event', language) } });
    }
  });
}
