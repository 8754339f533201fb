import { ApiError } from '@simashe/web-api-client';
import { useDateFormatter } from '@simashe/web-i18n';
import { Alert, Button, ErrorState, LoadingState, usePageTitle } from '@simashe/web-ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { usePasswordResetLink, useResetPassword } from './account-security';
import { NewPasswordFields } from './new-password-fields';
import { checkNewPassword, type NewPasswordProblems } from './password-form';

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Reached from the one-time link in the "forgot password" email. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const link = usePasswordResetLink(token);
  const reset = useResetPassword();
  const format = useDateFormatter(browserTimeZone());
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problems, setProblems] = useState<NewPasswordProblems>({});
  usePageTitle(t('accountSecurity.reset.title'));

  const invalidLink = (
    <>
      <ErrorState title={t('accountSecurity.reset.invalidTitle')} message={t('accountSecurity.reset.invalid')} />
      <Link className="btn btn-primary" to="/forgot-password">
        {t('accountSecurity.reset.askAgain')}
      </Link>
    </>
  );
  const isBadLink = (error: unknown) => error instanceof ApiError && (error.status === 400 || error.status === 404) && (error.details.length === 0 || !!error.fieldError('token'));

  let body;
  if (link.isPending) body = <LoadingState label={t('common.loading')} />;
  else if (link.isError) {
    body =
      link.error instanceof ApiError && link.error.id === 'rate_limited' ? (
        <Alert kind="error">{t('accountSecurity.reset.rateLimited')}</Alert>
      ) : isBadLink(link.error) ? (
        invalidLink
      ) : (
        <ErrorState title={t('common.errorTitle')} message={link.error.message} onRetry={() => link.refetch()} retryLabel={t('common.retry')} />
      );
  } else if (reset.isSuccess) {
    body = (
      <>
        <Alert kind="success">{t('accountSecurity.reset.done')}</Alert>
        <Link className="btn btn-primary" to={`/sign-in?email=${encodeURIComponent(reset.data.email)}`}>
          {t('accountSecurity.reset.goToSignIn')}
        </Link>
      </>
    );
  } else if (isBadLink(reset.error)) {
    body = invalidLink;
  } else {
    const error = reset.error instanceof ApiError ? reset.error : null;
    const generalError = error?.id === 'rate_limited' ? t('accountSecurity.reset.rateLimited') : error && error.details.length === 0 ? error.message : null;
    const submit = (event: FormEvent) => {
      event.preventDefault();
      const found = checkNewPassword(next, confirmation);
      setProblems(found);
      if (Object.keys(found).length === 0) reset.mutate({ token, newPassword: next });
    };
    body = (
      <>
        <p>{t('accountSecurity.reset.intro')}</p>
        <p className="muted">{t('accountSecurity.reset.validUntil', { time: format(link.data.expiresAt, { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
        {generalError && <Alert kind="error">{generalError}</Alert>}
        <form onSubmit={submit} noValidate>
          <NewPasswordFields
            labels={{ new: t('accountSecurity.reset.new'), hint: t('accountSecurity.reset.newHint'), confirm: t('accountSecurity.reset.confirm') }}
            value={next}
            onChange={setNext}
            confirmation={confirmation}
            onConfirmationChange={setConfirmation}
            error={problems.newPassword ? t(`accountSecurity.password.${problems.newPassword}`) : error?.fieldError('newPassword')}
            mismatch={!!problems.confirmation}
          />
          <Button type="submit" busy={reset.isPending}>
            {reset.isPending ? t('accountSecurity.reset.submitting') : t('accountSecurity.reset.submit')}
          </Button>
        </form>
      </>
    );
  }

  return (
    <main id="main" className="auth-page" tabIndex={-1}>
      <div className="card">
        <h1>{t('accountSecurity.reset.title')}</h1>
        {body}
      </div>
    </main>
  );
}
