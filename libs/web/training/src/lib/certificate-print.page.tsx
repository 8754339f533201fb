import { useCurrentUser } from '@simashe/web-accounts';
import { isolate, useFormatters } from '@simashe/web-i18n';
import { Alert, BackLink, Button, LoadingState, QueryError, usePageTitle } from '@simashe/web-ui';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useCertificate, useCourse } from './training-queries';
import './training.css';

/**
 * `/training/:id/certificate`: the learner's certificate laid out for paper, in the interface language; the print
 * dialog saves it as PDF.
 */
export function CertificatePrintPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const format = useFormatters(user.timeZone);
  const course = useCourse(id);
  const code = course.data?.enrolment?.certificateCode ?? null;
  const certificate = useCertificate(code);
  usePageTitle(t('training.certificate.sheet.title'));
  if (course.isPending) return <LoadingState label={t('common.loading')} />;
  if (course.isError) return <QueryError error={course.error} onRetry={() => course.refetch()} />;
  const back = (
    <div className="no-print">
      <BackLink to={`/training/${id}`} auto>
        {course.data.title}
      </BackLink>
    </div>
  );
  if (!code) {
    return (
      <>
        {back}
        <Alert kind="info">{t('training.certificate.notYet')}</Alert>
      </>
    );
  }
  if (certificate.isPending) return <LoadingState label={t('common.loading')} />;
  if (certificate.isError) return <QueryError error={certificate.error} onRetry={() => certificate.refetch()} />;
  const data = certificate.data;
  const verifyUrl = `${window.location.origin}/verify/${data.code}`;
  return (
    <div className="print-page">
      {back}
      <div className="button-row no-print">
        <Button onClick={() => window.print()}>{t('training.certificate.print')}</Button>
      </div>
      <p className="muted no-print">{t('training.certificate.printHint')}</p>
      <article className="certificate-sheet" aria-labelledby="certificate-sheet-title">
        <p className="certificate-brand">SIMASHE Workspace</p>
        <h1 id="certificate-sheet-title">{t('training.certificate.sheet.title')}</h1>
        <p>{t('training.certificate.sheet.certifies')}</p>
        <p className="certificate-name" dir="auto">
          {data.learnerName}
        </p>
        <p>{t('training.certificate.sheet.completed')}</p>
        <p className="certificate-course" dir="auto">
          {data.courseTitle}
        </p>
        <p>{t('training.certificate.sheet.offered', { organisation: isolate(data.organisationName), date: format.date(data.completedAt) })}</p>
        <p className="certificate-code">
          {t('training.certificate.sheet.code')}: <code className="training-code">{data.code}</code>
        </p>
        <p className="certificate-check">
          {t('training.certificate.sheet.check')} <bdi>{verifyUrl}</bdi>
        </p>
      </article>
    </div>
  );
}
