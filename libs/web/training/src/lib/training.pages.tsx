import type { CourseSummary } from '@simashe/contracts';
import { useCurrentUser } from '@simashe/web-accounts';
import { LANGUAGE_NAMES, useFormatters } from '@simashe/web-i18n';
import { canWriteIn, useOrganisations } from '@simashe/web-organisations';
import { Alert, Button, EmptyState, LoadingState, QueryError, usePageTitle } from '@simashe/web-ui';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { certificateHref, progressPercent, splitCourses } from './training-logic';
import { useCourses, useEnrol } from './training-queries';
import './training.css';

/** Draft, completed: what a course card or page says of its state. */
export function CourseBadges({ course }: { course: Pick<CourseSummary, 'published' | 'enrolment'> }) {
  const { t } = useTranslation();
  return (
    <>
      {!course.published && <span className="badge training-badge-draft">{t('training.draft')}</span>}
      {course.enrolment?.completedAt && <span className="badge training-badge-done">{t('training.completed')}</span>}
    </>
  );
}

/** The learner's progress: a bar and the same in words (the bar alone says nothing to a screen reader). */
export function CourseProgress({ completed, total }: { completed: number; total: number }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const format = useFormatters(user.timeZone);
  const percent = progressPercent(completed, total);
  const label = t('training.progress', { done: format.number(completed), count: total, total: format.number(total) });
  return (
    <div className="training-progress">
      <progress max={100} value={percent} aria-label={label} />
      <span>{label}</span>
    </div>
  );
}

function EnrolButton({ course }: { course: CourseSummary }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const enrol = useEnrol(course.id);
  return (
    <>
      <Button busy={enrol.isPending} onClick={() => enrol.mutate(undefined, { onSuccess: () => navigate(`/training/${course.id}`) })} aria-label={t('training.enrolIn', { title: course.title })}>
        {t('training.enrol')}
      </Button>
      {enrol.error && <Alert kind="error">{enrol.error.message}</Alert>}
    </>
  );
}

function CourseCard({ course }: { course: CourseSummary }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const format = useFormatters(user.timeZone);
  const enrolment = course.enrolment;
  return (
    <li className="training-card">
      <h3>
        <Link to={`/training/${course.id}`} dir="auto">
          {course.title}
        </Link>{' '}
        <CourseBadges course={course} />
      </h3>
      {course.summary && (
        <p className="training-summary" dir="auto">
          {course.summary}
        </p>
      )}
      <p className="muted training-meta">
        <bdi>{course.organisationName}</bdi>
        {' · '}
        {LANGUAGE_NAMES[course.language]}
        {' · '}
        {t('training.moduleCount', { count: course.moduleCount, number: format.number(course.moduleCount) })}
      </p>
      {enrolment ? (
        <>
          <CourseProgress completed={enrolment.completedModules} total={course.moduleCount} />
          {enrolment.completedAt && (
            <p>
              {t('training.completedOn', { date: format.date(enrolment.completedAt) })}{' '}
              <a href={certificateHref(course.id)} download>
                {t('training.certificate.download')}
              </a>
            </p>
          )}
        </>
      ) : (
        course.canEnrol && <EnrolButton course={course} />
      )}
    </li>
  );
}

function CourseList({ courses, label }: { courses: CourseSummary[]; label: string }) {
  return (
    <ul className="training-cards" aria-label={label}>
      {courses.map((course) => (
        <CourseCard key={course.id} course={course} />
      ))}
    </ul>
  );
}

/** `/training`: the courses the person follows, then the catalogue of the others (drafts they write included). */
export function TrainingPage() {
  const { t } = useTranslation();
  usePageTitle(t('training.title'));
  const courses = useCourses();
  // Offered to those who write in an organisation (editors and admins): anyone else would be refused.
  const organisations = useOrganisations();
  const writes = (organisations.data?.items ?? []).some(canWriteIn);
  const { mine, catalogue } = splitCourses(courses.data?.items ?? []);
  return (
    <>
      <h1>{t('training.title')}</h1>
      <p className="muted">{t('training.intro')}</p>
      {writes && (
        <div className="button-row">
          <Link className="btn btn-primary" to="/training/new">
            {t('training.newCourse')}
          </Link>
        </div>
      )}
      {courses.isPending ? (
        <LoadingState label={t('common.loading')} />
      ) : courses.isError ? (
        <QueryError error={courses.error} onRetry={() => courses.refetch()} />
      ) : (
        <>
          <section aria-labelledby="training-mine">
            <h2 id="training-mine">{t('training.mine')}</h2>
            {mine.length === 0 ? <EmptyState>{t('training.mineEmpty')}</EmptyState> : <CourseList courses={mine} label={t('training.mine')} />}
          </section>
          <section aria-labelledby="training-catalogue">
            <h2 id="training-catalogue">{t('training.catalogue')}</h2>
            {catalogue.length === 0 ? <EmptyState>{t('training.catalogueEmpty')}</EmptyState> : <CourseList courses={catalogue} label={t('training.catalogue')} />}
          </section>
        </>
      )}
    </>
  );
}
