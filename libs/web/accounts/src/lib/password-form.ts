import { NewPasswordSchema } from '@simashe/contracts';

export interface NewPasswordProblems {
  newPassword?: 'tooShort' | 'tooLong';
  confirmation?: 'mismatch';
}

/**
 * Checks a new password and its repetition before anything is sent, with the same rule the server applies (the
 * shared schema), so the form can say what is wrong beside each field in the reader's language.
 */
export function checkNewPassword(newPassword: string, confirmation: string): NewPasswordProblems {
  const problems: NewPasswordProblems = {};
  const parsed = NewPasswordSchema.safeParse(newPassword);
  if (!parsed.success) problems.newPassword = parsed.error.issues[0]?.code === 'too_big' ? 'tooLong' : 'tooShort';
  if (confirmation !== newPassword) problems.confirmation = 'mismatch';
  return problems;
}
