/** Errors the browser itself meets talking to the server (no answer, cancelled), English (the reference). */
export const clientErrorsEn = {
  unreachable: 'The server could not be reached. Check your connection and try again.',
  cancelled: 'The upload was cancelled.',
  failed: 'The request failed (error {{status}}). Try again.',
};
export type ClientErrorsTranslation = typeof clientErrorsEn;
