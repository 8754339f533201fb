import { z } from 'zod';
import { UuidSchema } from './common.schema';
import { COLLAB_DOCUMENT_KINDS } from './collaboration.events';
import { MAX_COLLAB_FRAME_BYTES } from './constants';
import { decodeFrame } from './collaboration.frames';

// Not binary counts as a wrong type (zod's instanceof stops there): a union then reports the other option's complaint.
const BinaryFrameSchema = z
  .instanceof(Uint8Array, { message: 'Expected binary data' })
  .refine((bytes) => bytes.byteLength <= MAX_COLLAB_FRAME_BYTES, {
    message: `Frame larger than ${MAX_COLLAB_FRAME_BYTES / 1024} kB`,
  });

export const DocumentRefSchema = z.strictObject({
  kind: z.enum(COLLAB_DOCUMENT_KINDS),
  documentId: UuidSchema,
});

/** Base64 text of at most MAX_COLLAB_FRAME_BYTES bytes (small updates travel as text: one WebSocket frame). */
const TextFrameSchema = z
  .string()
  .max(Math.ceil(MAX_COLLAB_FRAME_BYTES / 3) * 4, { message: `Frame larger than ${MAX_COLLAB_FRAME_BYTES / 1024} kB` })
  // Whole groups of four characters, padded: a shorter tail would be cut off silently when decoded.
  .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, { message: 'Expected binary data or base64 text' });

/**
 * A Yjs update either as base64 text or as binary. Text first: every keystroke comes as text, and a union tries its
 * options in order (a failed first try costs an error object, four times the time of the whole parse). A failure
 * reports the option of the right type (e.g. "Frame larger"); neither type, the message below. The text is decoded
 * after the union: a pipe that fails counts as a wrong type, and the union would then say only "Invalid input".
 */
const FrameSchema = z
  .union([TextFrameSchema, BinaryFrameSchema], { message: 'Expected binary data or base64 text' })
  .transform((frame) => decodeFrame(frame));

export const JoinPayloadSchema = DocumentRefSchema.extend({ stateVector: BinaryFrameSchema });
export const UpdatePayloadSchema = DocumentRefSchema.extend({ update: FrameSchema });
