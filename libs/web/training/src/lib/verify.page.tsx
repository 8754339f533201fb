import { useSession } from '@simashe/web-accounts';
import { ApiError } from '@simashe/web-api-client';
import { isolate, useFormatters } from '@simashe/web-i18n';
import { PublicFrame } from '@simashe/web-shell';
import { Alert, Button, Card, ErrorState, LoadingState, QueryError, TextField, useFocusFirstInvalid, usePageTitle } from '@simashe/web-ui';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { browserTimeZone, normaliseCertificateCode } from './training-logic';
import { useCertificate } from './training-queries';
import './training.css';

/** What the server says of a code: the certificate, or that no certificate has it. */
function CertificateResult({ code }: { code: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const format = useFormatters(session.data?.user.timeZone ?? browserTimeZone());
  const certificate = useCertificate(code);
  if (certificate.isPending) return <LoadingState label={t('common.loading')} />;
  if (certificate.error instanceof ApiError && certificate.error.status === 404) {
    return <ErrorState title={t('training.verify.notFoundTitle')} message={t('training.verify.notFound', { code })} />;
  }
  if (certificate.error instanceof ApiError && certificate.error.status === 400) {
    return <ErrorState title={t('training.verify.malformedTitle')} message={t('training.verify.malformed')} />;
  }
  if (certificate.isError) return <QueryError error={certificate.error} onRetry={() => certificate.refetch()} />;
  const data = certificate.data;
  return (
    <section className="training-certificate-valid" aria-labelledby="training-valid-title">
      <Alert kind="success">
        <h2 id="training-valid-title">{t('training.verify.validTitle')}</h2>
        <p>
          {t('training.verify.valid', { learner: isolate(data.learnerName), course: isolate(data.courseTitle), organisation: isolate(data.organisationName), date: format.date(data.completedAt) })}
        </p>
        <p className="muted">
          {t('training.verify.codeIs')} <code className="training-code">{data.code}</code>
        </p>
      </Alert>
    </section>
  );
}

/** `/verify` and `/verify/:code` (anyone, no session): checks a certificate's verification code. */
export function VerifyCertificatePage() {
  const { t } = useTranslation();
  usePageTitle(t('training.verify.title'));
  const { code: given = '' } = useParams();
  const navigate = useNavigate();
  const [text, setText] = useState(given);
  const [invalid, setInvalid] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const code = given ? normaliseCertificateCode(given) : null;

  useFocusFirstInvalid(form, attempt);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const normalised = normaliseCertificateCode(text);
    setInvalid(normalised === null);
    setAttempt((n) => n + 1);
    if (normalised) {
      setText(normalised);
      navigate(`/verify/${normalised}`);
    }
  };

  return (
    <PublicFrame next="/training">
      <h1>{t('training.verify.title')}</h1>
      <p className="muted">{t('training.verify.intro')}</p>
      <Card>
        <form ref={form} onSubmit={submit} noValidate className="training-verify-form">
          <TextField
            label={t('training.verify.code')}
            hint={t('training.verify.codeHint')}
            value={text}
            dir="ltr"
            autoComplete="off"
            spellCheck={false}
            maxLength={40}
            onChange={(event) => {
              setText(event.target.value);
              setInvalid(false);
            }}
            error={invalid ? t('training.verify.malformed') : undefined}
          />
          <Button type="submit">{t('training.verify.check')}</Button>
        </form>
      </Card>
      <div aria-live="polite">
        {given && code === null && <ErrorState title={t('training.verify.malformedTitle')} message={t('training.verify.malformed')} />}
        {code && <CertificateResult key={code} code={code} />}
      </div>
    </PublicFrame>
  );
}
