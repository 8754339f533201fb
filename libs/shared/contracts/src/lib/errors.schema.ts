import { z } from 'zod';

/** Stable error ids: clients branch on these, never on message text. */
export const ERROR_IDS = [
  'validation_error',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'payload_too_large',
  'internal_error',
] as const;
export type ErrorId = (typeof ERROR_IDS)[number];

export const ErrorDetailSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type ErrorDetail = z.infer<typeof ErrorDetailSchema>;

export const ErrorResponseSchema = z.object({
  statusCode: z.number().int(),
  id: z.enum(ERROR_IDS),
  message: z.string(),
  details: z.array(ErrorDetailSchema).optional(),
  requestId: z.string(),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
