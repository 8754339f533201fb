import { useQuery } from '@tanstack/react-query';
import type { HealthResponse } from '@simashe/contracts';
import { api, ApiError } from '@simashe/web-api-client';
import { Alert, Button, TextField } from '@simashe/web-ui';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useSession, useSignIn } from './session';

/** Only same-site paths are followed after sign-in, never an absolute URL from the query string. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useSession();
  const signIn = useSignIn();
  const health = useQuery({ queryKey: ['health'], queryFn: () => api.get<HealthResponse>('/health'), staleTime: Infinity });
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const next = safeNext(params.get('next'));

  useEffect(() => {
    document.title = `${t('signIn.title')} · ${t('app.name')}`;
  }, [t]);
  useEffect(() => {
    if (session.data) navigate(next, { replace: true });
  }, [session.data, navigate, next]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email, password });
  };

  const error = signIn.error instanceof ApiError ? signIn.error : null;
  const message =
    error?.id === 'unauthenticated' ? t('signIn.invalid') : error?.id === 'rate_limited' ? t('signIn.rateLimited') : error?.message;

  return (
    <main id="main" className="auth-page" tabIndex={-1}>
      {/* The app's name and mark are in the public header above. */}
      <p className="auth-tagline">{t('app.tagline')}</p>
      <div className="card">
        <h1>{t('signIn.title')}</h1>
        <p className="muted">{t('signIn.intro')}</p>
        {message && <Alert kind="error">{message}</Alert>}
        <form onSubmit={submit} noValidate>
          <TextField
            label={t('signIn.email')}
            type="email"
            name="email"
            autoComplete="username"
            autoFocus
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={error?.fieldError('email')}
            dir="ltr"
          />
          <TextField
            label={t('signIn.password')}
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={error?.fieldError('password')}
            dir="ltr"
          />
          <Button type="submit" busy={signIn.isPending}>
            {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
          </Button>
        </form>
        <p>
          <Link to={`/forgot-password${email.trim() ? `?email=${encodeURIComponent(email.trim())}` : ''}`}>{t('accountSecurity.forgot.link')}</Link>
        </p>
        {health.data?.demoWorkspace && <Alert kind="info">{t('signIn.demoHint')}</Alert>}
      </div>
      {/* The network's public page, for a visitor who came to see who takes part rather than to sign in. */}
      <p>
        <Link to="/public/members">{t('network.public.signInLink')}</Link>
      </p>
    </main>
  );
}
