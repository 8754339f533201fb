import { z } from 'zod';
import { UuidSchema } from './common.schema';
import { COLLAB_DOCUMENT_KINDS } from './collaboration.events';
import { MAX_COLLAB_FRAME_BYTES } from './constants';
import { decodeFrame } from './collaboration.frames';

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
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'Expected binary data or base64 text' })
  .transform((text) => decodeFrame(text));

/** A Yjs update either as binary or as base64 text. */
const FrameSchema = z.union([BinaryFrameSchema, TextFrameSchema]);

export const JoinPayloadSchema = DocumentRefSchema.extend({ stateVector: BinaryFrameSchema });
export const UpdatePayloadSchema = DocumentRefSchema.extend({ update: FrameSchema });
