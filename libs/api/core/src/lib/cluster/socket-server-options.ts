import { MAX_COLLAB_FRAME_BYTES } from '@simashe/contracts';

/**
 * Options of the one socket.io server that every gateway's namespace shares. Nest creates that server with the
 * options of whichever gateway it meets first, so each gateway states the same ones. Frames up to 4× the largest
 * accepted change get a clear "too large" reply from the collaboration gateway; anything larger is cut off by the
 * transport. (With socket.io's default of 1 MB, frames between 1 and 2 MB dropped the connection without a word,
 * and a client resending them after reconnecting could loop.)
 */
export const SOCKET_SERVER_OPTIONS = { serveClient: false, maxHttpBufferSize: MAX_COLLAB_FRAME_BYTES * 4 } as const;
