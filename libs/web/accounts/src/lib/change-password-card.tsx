import { ApiError } from '@simashe/web-api-client';
import { Alert, Button, Card, TextField } from '@simashe/web-ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangePassword } from './account-security';
import { NewPasswordFields } from './new-password-fields';
import { checkNewPassword, type NewPasswordProblems } from './password-form';
import { useCurrentUser } from './session';

/** Current password, new one twice. On success the other sessions end and this one is renewed by the server. */
export function ChangePasswordCard() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problems, setProblems] = useState<NewPasswordProblems & { current?: boolean }>({});

  const error = change.error instanceof ApiError ? change.error : null;
  const currentError = problems.current
    ? t('accountSecurity.password.required')
    : error?.fieldError('currentPassword')
      ? t('accountSecurity.password.wrongCurrent')
      : undefined;
  const newError = problems.newPassword ? t(`accountSecurity.password.${problems.newPassword}`) : error?.fieldError('newPassword');
  const generalError = error?.id === 'rate_limited' ? t('accountSecurity.password.rateLimited') : error && error.details.length === 0 ? error.message : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = { ...checkNewPassword(next, confirmation), ...(current ? {} : { current: true }) };
    setProblems(found);
    if (Object.keys(found).length > 0) {
      change.reset();
      return;
    }
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setConfirmation('');
        },
      },
    );
  };

  return (
    <Card title={t('accountSecurity.password.title')}>
      {change.isSuccess && <Alert kind="success">{t('accountSecurity.password.changed')}</Alert>}
      {generalError && <Alert kind="error">{generalError}</Alert>}
      <form onSubmit={submit} noValidate>
        {/* Lets password managers file the new password under the right account. */}
        <input type="email" name="username" autoComplete="username" value={user.email} readOnly hidden />
        <TextField
          label={t('accountSecurity.password.current')}
          type="password"
          name="current-password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={currentError}
          dir="ltr"
        />
        <NewPasswordFields
          labels={{ new: t('accountSecurity.password.new'), hint: t('accountSecurity.password.newHint'), confirm: t('accountSecurity.password.confirm') }}
          value={next}
          onChange={setNext}
          confirmation={confirmation}
          onConfirmationChange={setConfirmation}
          error={newError}
          mismatch={!!problems.confirmation}
        />
        <Button type="submit" busy={change.isPending}>
          {change.isPending ? t('accountSecurity.password.submitting') : t('accountSecurity.password.submit')}
        </Button>
      </form>
    </Card>
  );
}
