import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Requests Node cannot read (an address or headers past its 16 KB limit, a malformed request line) get the API's
 * error shape with a sentence, as every other error does. Node's own answer is a bare status line ("431", "400")
 * with no body. Nothing of the request could be read, the reader's language included: the sentence is in English.
 */
export function answerUnreadableRequests(server: Server): void {
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) => {
    // Gone, or a request already under way (its answer has started): nothing sensible to write.
    if (error.code === 'ECONNRESET' || !socket.writable || (socket as Duplex & { _httpMessage?: unknown })._httpMessage) {
      socket.destroy();
      return;
    }
    const tooLong = error.code === 'HPE_HEADER_OVERFLOW';
    const timedOut = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    const statusCode = tooLong ? 431 : timedOut ? 408 : 400;
    const message = tooLong
      ? 'The address or the headers of the request are too long'
      : timedOut
        ? 'The request took too long to arrive'
        : 'The request could not be read';
    const body = JSON.stringify({ statusCode, id: tooLong ? 'payload_too_large' : 'validation_error', message });
    socket.end(
      `HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
