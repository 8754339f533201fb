import { useMutation, useQuery } from '@tanstack/react-query';
import type { AcceptInvitationRequest, InvitationPreview } from '@simashe/contracts';
import { api, ApiError } from '@simashe/web-api-client';
import { currentLanguage, useTimeZoneOptions } from '@simashe/web-i18n';
import { Alert, Button, LoadingState, SelectField, TextField, usePageTitle } from '@simashe/web-ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useSession } from './session';

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const session = useSession();
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api.get<InvitationPreview>(`/invitations/${encodeURIComponent(token)}`),
    retry: false,
  });
  const accept = useMutation({
    mutationFn: (body: AcceptInvitationRequest) => api.post<{ organisationId: string; email: string }>(`/invitations/${encodeURIComponent(token)}/accept`, body),
  });
  const zones = useTimeZoneOptions();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [timeZone, setTimeZone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');

  const invalid = preview.error instanceof ApiError && (preview.error.status === 404 || preview.error.status === 400);
  usePageTitle(
    preview.data
      ? t('invitation.title', { organisation: preview.data.organisationName })
      : preview.isError
        ? invalid
          ? t('invitation.invalidTitle')
          : t('common.errorTitle')
        : t('common.loading'),
  );

  if (preview.isPending) return <main id="main" className="auth-page" tabIndex={-1}><LoadingState label={t('common.loading')} /></main>;
  if (preview.isError) {
    return (
      <main id="main" className="auth-page" tabIndex={-1}>
        <div className="card">
          <h1>{invalid ? t('invitation.invalidTitle') : t('common.errorTitle')}</h1>
          <p>{invalid ? t('invitation.invalid') : preview.error.message}</p>
          {invalid ? (
            <Link className="btn btn-primary" to="/sign-in">
              {t('invitation.goToSignIn')}
            </Link>
          ) : (
            <Button onClick={() => preview.refetch()}>{t('common.retry')}</Button>
          )}
        </div>
      </main>
    );
  }

  const invitation = preview.data;
  const role = t(`roles.${invitation.role}`);
  const error = accept.error instanceof ApiError ? accept.error : null;
  const signedInAsInvitee = session.data?.user.email === invitation.email;

  if (accept.isSuccess) {
    return (
      <main id="main" className="auth-page" tabIndex={-1}>
        <div className="card">
          <h1>{t('invitation.title', { organisation: invitation.organisationName })}</h1>
          <Alert kind="success">{t('invitation.accepted', { organisation: invitation.organisationName })}</Alert>
          {signedInAsInvitee ? (
            <Link to={`/organisations/${accept.data.organisationId}`}>{invitation.organisationName}</Link>
          ) : (
            <Link className="btn btn-primary" to={`/sign-in?email=${encodeURIComponent(invitation.email)}&next=${encodeURIComponent(`/organisations/${accept.data.organisationId}`)}`}>
              {t('invitation.goToSignIn')}
            </Link>
          )}
        </div>
      </main>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    accept.mutate(invitation.accountExists ? {} : { name, password, timeZone, preferredLanguage: currentLanguage() });
  };

  return (
    <main id="main" className="auth-page" tabIndex={-1}>
      <div className="card">
        <h1>{t('invitation.title', { organisation: invitation.organisationName })}</h1>
        <p>{t('invitation.intro', { organisation: invitation.organisationName, role })}</p>
        {error && error.details.length === 0 && <Alert kind="error">{error.message}</Alert>}
        {invitation.accountExists && !signedInAsInvitee ? (
          <>
            <Alert kind="info">{t('invitation.accountExists', { email: invitation.email })}</Alert>
            <Link className="btn btn-primary" to={`/sign-in?email=${encodeURIComponent(invitation.email)}&next=${encodeURIComponent(`/invitations/${token}`)}`}>
              {t('invitation.signInFirst')}
            </Link>
          </>
        ) : (
          <form onSubmit={submit} noValidate>
            {!invitation.accountExists && (
              <>
                <TextField label={t('signIn.email')} value={invitation.email} readOnly dir="ltr" />
                <TextField label={t('invitation.name')} name="name" autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} error={error?.fieldError('name')} />
                <TextField
                  label={t('invitation.password')}
                  name="new-password"
                  type="password"
                  autoComplete="new-password"
                  required
                  hint={t('invitation.passwordHint')}
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  error={error?.fieldError('password')}
                  dir="ltr"
                />
                <SelectField label={t('invitation.timeZone')} value={timeZone} onChange={(e) => setTimeZone(e.target.value)} options={zones} error={error?.fieldError('timeZone')} />
              </>
            )}
            <Button type="submit" busy={accept.isPending}>
              {accept.isPending ? t('invitation.submitting') : invitation.accountExists ? t('invitation.acceptAsMe', { email: invitation.email }) : t('invitation.submit')}
            </Button>
          </form>
        )}
      </div>
    </main>
  );
}
