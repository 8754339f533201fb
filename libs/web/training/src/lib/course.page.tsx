import type { Course, CourseModule, QuizResult } from '@simashe/contracts';
import { useCurrentUser } from '@simashe/web-accounts';
import { ApiError } from '@simashe/web-api-client';
import { LANGUAGE_NAMES, useFormatters } from '@simashe/web-i18n';
import { Alert, BackLink, Button, Card, LoadingState, QueryError, TextAreaField, useFocusFirstInvalid, usePageTitle } from '@simashe/web-ui';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { CourseBadges, CourseProgress } from './training.pages';
import { certificateHref, orderedModules, quizAnswers, reflectionLength, REFLECTION_MIN } from './training-logic';
import { useCourse, useEnrol, useModuleProgress } from './training-queries';
import './training.css';

type ModuleProps = { course: Course; module: CourseModule & { done: boolean }; enrolled: boolean };

function ProgressError({ error }: { error: Error | null }) {
  if (!error) return null;
  return <Alert kind="error">{error.message}</Alert>;
}

/** "Mark as done" for what is read or watched elsewhere (a resource, a recording). */
function MarkDone({ course, module }: Omit<ModuleProps, 'enrolled'>) {
  const { t } = useTranslation();
  const progress = useModuleProgress(course.id, module.id);
  if (module.done) return null;
  return (
    <>
      <Button variant="secondary" busy={progress.isPending} onClick={() => progress.mutate({ done: true })} aria-label={t('training.module.markDoneOf', { title: module.title })}>
        {t('training.module.markDone')}
      </Button>
      <ProgressError error={progress.error} />
    </>
  );
}

function ReflectionModule({ course, module, enrolled }: ModuleProps) {
  const { t } = useTranslation();
  const saved = module.progress?.reflection ?? null;
  const progress = useModuleProgress(course.id, module.id);
  const [text, setText] = useState(saved ?? '');
  const [editing, setEditing] = useState(saved === null);
  const [attempt, setAttempt] = useState(0);
  const [tooShort, setTooShort] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const length = reflectionLength(text);
  const apiError = progress.error instanceof ApiError ? progress.error : null;
  const fieldError = tooShort ? t('training.reflection.tooShort', { min: REFLECTION_MIN }) : apiError?.fieldError('reflection');

  useFocusFirstInvalid(form, attempt, progress.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!length.ok) {
      setTooShort(true);
      setAttempt((n) => n + 1);
      return;
    }
    setTooShort(false);
    progress.mutate({ reflection: text.trim() }, { onSuccess: () => setEditing(false), onSettled: () => setAttempt((n) => n + 1) });
  };

  return (
    <>
      {module.body && (
        <p className="training-prompt" dir="auto">
          {module.body}
        </p>
      )}
      {saved !== null && !editing ? (
        <div className="training-reflection">
          <h4>{t('training.reflection.yours')}</h4>
          <p dir="auto">{saved}</p>
          <Button variant="secondary" onClick={() => setEditing(true)}>
            {t('training.reflection.edit')}
          </Button>
        </div>
      ) : (
        enrolled && (
          <form ref={form} onSubmit={submit} noValidate>
            {apiError && !apiError.fieldError('reflection') && <Alert kind="error">{apiError.message}</Alert>}
            <TextAreaField
              label={t('training.reflection.label')}
              value={text}
              rows={6}
              maxLength={5000}
              onChange={(event) => {
                setText(event.target.value);
                if (tooShort && reflectionLength(event.target.value).ok) setTooShort(false);
              }}
              error={fieldError}
              after={t('training.reflection.count', { count: length.length, min: REFLECTION_MIN })}
            />
            <div className="button-row">
              <Button type="submit" busy={progress.isPending}>
                {t('training.reflection.submit')}
              </Button>
              {saved !== null && (
                <Button
                  variant="secondary"
                  onClick={() => {
                    setText(saved);
                    setEditing(false);
                  }}
                >
                  {t('common.cancel')}
                </Button>
              )}
            </div>
          </form>
        )
      )}
    </>
  );
}

function QuizModule({ course, module, enrolled }: ModuleProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const format = useFormatters(user.timeZone);
  const progress = useModuleProgress(course.id, module.id);
  const [chosen, setChosen] = useState<Record<number, number | undefined>>({});
  const [unanswered, setUnanswered] = useState<number[]>([]);
  const [result, setResult] = useState<QuizResult | null>(null);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const baseId = useId();
  const best = module.progress?.score ?? null;
  const percent = (value: number) => format.number(value / 100, { style: 'percent', maximumFractionDigits: 0 });

  useFocusFirstInvalid(form, attempt, progress.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const answers = quizAnswers(module.questions.length, chosen);
    if ('unanswered' in answers) {
      setUnanswered(answers.unanswered);
      setAttempt((n) => n + 1);
      return;
    }
    setUnanswered([]);
    progress.mutate(answers, {
      onSuccess: (answer) => {
        setResult(answer.quiz);
        // The result is what the learner waits for: it takes the focus, so it is read out.
        setTimeout(() => resultRef.current?.focus(), 0);
      },
    });
  };

  const retry = () => {
    setChosen({});
    setResult(null);
    progress.reset();
  };

  return (
    <>
      {module.body && (
        <p className="training-prompt" dir="auto">
          {module.body}
        </p>
      )}
      <p className="muted">
        {t('training.quiz.passMark', { mark: percent(module.passMark ?? 0) })}
        {best !== null && <> {t('training.quiz.best', { score: percent(best) })}</>}
      </p>
      {result && (
        <div ref={resultRef} tabIndex={-1} className={`training-quiz-result ${result.passed ? 'training-passed' : 'training-failed'}`}>
          <Alert kind={result.passed ? 'success' : 'error'}>
            {result.passed ? t('training.quiz.passed', { score: percent(result.score), mark: percent(result.passMark) }) : t('training.quiz.failed', { score: percent(result.score), mark: percent(result.passMark) })}
          </Alert>
        </div>
      )}
      {enrolled ? (
        <form ref={form} onSubmit={submit} noValidate className="training-quiz">
          {progress.error && <Alert kind="error">{progress.error.message}</Alert>}
          <ol>
            {module.questions.map((question, index) => {
              const missing = unanswered.includes(index);
              const right = result?.correct[index];
              return (
                <li key={index}>
                  <fieldset className={missing ? 'field-invalid' : undefined} aria-describedby={missing ? `${baseId}-${index}-error` : undefined}>
                    <legend dir="auto">{question.prompt}</legend>
                    {question.options.map((option, at) => (
                      <label key={at} className="training-option">
                        <input
                          type="radio"
                          name={`${baseId}-q${index}`}
                          checked={chosen[index] === at}
                          disabled={result !== null}
                          aria-invalid={missing ? true : undefined}
                          onChange={() => setChosen((current) => ({ ...current, [index]: at }))}
                        />{' '}
                        <bdi>{option}</bdi>
                      </label>
                    ))}
                    {missing && (
                      <p className="field-error" id={`${baseId}-${index}-error`}>
                        {t('training.quiz.unanswered')}
                      </p>
                    )}
                    {right !== undefined && <p className={right ? 'training-right' : 'training-wrong'}>{right ? t('training.quiz.right') : t('training.quiz.wrong')}</p>}
                  </fieldset>
                </li>
              );
            })}
          </ol>
          {result ? (
            <Button variant="secondary" onClick={retry}>
              {t('training.quiz.retry')}
            </Button>
          ) : (
            <Button type="submit" busy={progress.isPending}>
              {t('training.quiz.submit')}
            </Button>
          )}
        </form>
      ) : (
        <p className="muted">{t('training.quiz.questionCount', { count: module.questions.length })}</p>
      )}
    </>
  );
}

function ModuleBody({ course, module, enrolled }: ModuleProps) {
  const { t } = useTranslation();
  switch (module.kind) {
    case 'resource':
      return (
        <>
          {module.body && (
            <p className="training-prompt" dir="auto">
              {module.body}
            </p>
          )}
          <p>
            {module.resourceId && module.resourceTitle !== null ? (
              <Link to={`/resources/${module.resourceId}`} dir="auto">
                {t('training.module.openResource', { title: module.resourceTitle })}
              </Link>
            ) : (
              <span className="muted">{t('training.module.resourceGone')}</span>
            )}
          </p>
          {enrolled && <MarkDone course={course} module={module} />}
        </>
      );
    case 'webinar':
      return (
        <>
          {module.body && (
            <p className="training-prompt" dir="auto">
              {module.body}
            </p>
          )}
          {module.url && (
            <p>
              <a href={module.url} target="_blank" rel="noopener noreferrer">
                {t('training.module.watch')}
                <span className="visually-hidden">{` (${t('training.newTab')})`}</span>
              </a>
            </p>
          )}
          {enrolled && <MarkDone course={course} module={module} />}
        </>
      );
    case 'reflection':
      return <ReflectionModule course={course} module={module} enrolled={enrolled} />;
    case 'quiz':
      return <QuizModule course={course} module={module} enrolled={enrolled} />;
  }
}

function CompletionBanner({ course }: { course: Course }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const format = useFormatters(user.timeZone);
  const enrolment = course.enrolment;
  if (!enrolment?.completedAt) return null;
  return (
    <section className="training-completed" aria-labelledby="training-completed-title">
      <h2 id="training-completed-title">{t('training.certificate.title')}</h2>
      <p>{t('training.certificate.body', { date: format.date(enrolment.completedAt) })}</p>
      <p className="button-row">
        <a className="btn btn-primary" href={certificateHref(course.id)} download>
          {t('training.certificate.download')}
        </a>
        <Link className="btn btn-secondary" to={`/training/${course.id}/certificate`}>
          {t('training.certificate.print')}
        </Link>
      </p>
      {enrolment.certificateCode && (
        <p>
          {t('training.certificate.code')} <code className="training-code">{enrolment.certificateCode}</code>{' '}
          <Link to={`/verify/${enrolment.certificateCode}`}>{t('training.certificate.verifyLink')}</Link>
        </p>
      )}
    </section>
  );
}

/** `/training/:id`: the course, its modules in order, and the learner's way through them. */
export function CoursePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const course = useCourse(id);
  const enrol = useEnrol(id);
  usePageTitle(course.data?.title ?? t('training.title'));
  if (course.isPending) return <LoadingState label={t('common.loading')} />;
  if (course.isError) return <QueryError error={course.error} onRetry={() => course.refetch()} />;
  const data = course.data;
  const enrolled = data.enrolment !== null;
  const modules = orderedModules(data);
  return (
    <>
      <BackLink to="/training">{t('training.title')}</BackLink>
      <h1 dir="auto">{data.title}</h1>
      <p>
        <CourseBadges course={data} />
      </p>
      <p className="muted training-meta">
        {t('training.offeredBy')} <bdi>{data.organisationName}</bdi>
        {' · '}
        {LANGUAGE_NAMES[data.language]}
      </p>
      {data.summary && (
        <p className="training-summary" dir="auto">
          {data.summary}
        </p>
      )}
      {(data.canEdit || data.canTrack) && (
        <div className="button-row">
          {data.canEdit && (
            <Link className="btn btn-secondary" to={`/training/${data.id}/edit`}>
              {t('training.edit')}
            </Link>
          )}
          {data.canTrack && (
            <Link className="btn btn-secondary" to={`/training/${data.id}/completion`}>
              {t('training.completion.link')}
            </Link>
          )}
        </div>
      )}
      <CompletionBanner course={data} />
      {enrolled && data.enrolment && <CourseProgress completed={data.enrolment.completedModules} total={data.moduleCount} />}
      {!enrolled && data.canEnrol && (
        <Card>
          <p>{t('training.enrolHint')}</p>
          <Button busy={enrol.isPending} onClick={() => enrol.mutate()}>
            {t('training.enrol')}
          </Button>
          {enrol.error && <Alert kind="error">{enrol.error.message}</Alert>}
        </Card>
      )}
      <h2>{t('training.modules')}</h2>
      {modules.length === 0 ? (
        <p className="muted">{t('training.noModules')}</p>
      ) : (
        <ol className="training-modules">
          {modules.map((module, index) => (
            <li key={module.id} className="training-module">
              <section aria-labelledby={`module-${module.id}`}>
                <h3 id={`module-${module.id}`}>
                  <span dir="auto">{t('training.module.heading', { number: index + 1, title: module.title })}</span>{' '}
                  <span className="badge training-kind">{t(`training.kinds.${module.kind}`)}</span>{' '}
                  {enrolled && <span className={`badge ${module.done ? 'training-badge-done' : 'training-badge-todo'}`}>{module.done ? t('training.module.done') : t('training.module.notDone')}</span>}
                </h3>
                <ModuleBody course={data} module={module} enrolled={enrolled} />
              </section>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
