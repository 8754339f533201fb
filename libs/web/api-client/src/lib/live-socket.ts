import { io, type Socket } from 'socket.io-client';

const sockets = new Map<string, Socket>();

/**
 * One socket.io connection per namespace for the whole tab (live discussions, inbox count), authenticated by
 * the session cookie. It reconnects on its own; listeners re-subscribe on "connect".
 */
export function liveSocket(namespace: string): Socket {
  let socket = sockets.get(namespace);
  if (!socket) {
    socket = io(namespace, { transports: ['websocket'], withCredentials: true, reconnectionDelay: 1000, reconnectionDelayMax: 10_000 });
    sockets.set(namespace, socket);
  }
  return socket;
}

/** Closes every live connection (on sign-out, so the next person does not inherit them). */
export function closeLiveSockets(): void {
  for (const socket of sockets.values()) socket.disconnect();
  sockets.clear();
}
