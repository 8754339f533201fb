import { ApiError } from '@simashe/web-api-client';
import { Alert, Button, TextField, usePageTitle } from '@simashe/web-ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useForgotPassword } from './account-security';

/** Asks for the account's email; the answer is the same whether or not an account uses it. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const forgot = useForgotPassword();
  usePageTitle(t('accountSecurity.forgot.title'));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    forgot.mutate(email.trim());
  };

  const error = forgot.error instanceof ApiError ? forgot.error : null;
  const emailError = error?.fieldError('email') ? t('accountSecurity.forgot.invalidEmail') : undefined;
  const generalError = error?.id === 'rate_limited' ? t('accountSecurity.forgot.rateLimited') : error && !emailError ? error.message : null;
  const signInLink = `/sign-in${email ? `?email=${encodeURIComponent(email.trim())}` : ''}`;

  return (
    <main id="main" className="auth-page" tabIndex={-1}>
      <div className="card">
        <h1>{t('accountSecurity.forgot.title')}</h1>
        {forgot.isSuccess ? (
          <>
            <Alert kind="success">{t('accountSecurity.forgot.sent', { email: `\u2066${forgot.variables}\u2069` })}</Alert>
            <p className="muted">{t('accountSecurity.forgot.noMail')}</p>
          </>
        ) : (
          <>
            <p className="muted">{t('accountSecurity.forgot.intro')}</p>
            {generalError && <Alert kind="error">{generalError}</Alert>}
            <form onSubmit={submit} noValidate>
              <TextField
                label={t('accountSecurity.forgot.email')}
                type="email"
                name="email"
                autoComplete="username"
                autoFocus
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                error={emailError}
                dir="ltr"
              />
              <Button type="submit" busy={forgot.isPending}>
                {forgot.isPending ? t('accountSecurity.forgot.submitting') : t('accountSecurity.forgot.submit')}
              </Button>
            </form>
          </>
        )}
        <p>
          <Link to={signInLink}>{t('accountSecurity.forgot.backToSignIn')}</Link>
        </p>
      </div>
    </main>
  );
}
