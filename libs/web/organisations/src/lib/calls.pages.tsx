import { EXPERTISE_AREAS, type ApplicationDetail, type ApplicationStatus, type Call, type ExpertiseArea } from '@simashe/contracts';
import { useCurrentUser, useSession } from '@simashe/web-accounts';
import { ApiError } from '@simashe/web-api-client';
import { countryName, useFormatters, useTimeZoneOptions } from '@simashe/web-i18n';
import { PublicFrame } from '@simashe/web-shell';
import { Alert, Button, Card, ConfirmDialog, CopyField, EmptyState, ErrorState, LoadingState, QueryError, SelectField, TextAreaField, TextField, useFocusFirstInvalid, usePageTitle } from '@simashe/web-ui';
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import {
  applicationPayload,
  browserTimeZone,
  callPayload,
  checkDocuments,
  countryOptions,
  DOCUMENT_ACCEPT,
  EMPTY_APPLICATION,
  fieldErrors,
  formatDocumentSize,
  MAX_CRITERIA,
  missingScores,
  MOTIVATION_MAX,
  motivationLength,
  SCORES,
  statusTone,
  type ApplicationDraft,
  type CallDraft,
} from './calls-logic';
import { useApplication, useApplicationStatus, useApply, useCallApplications, useCalls, useCreateCall, useCurrentCall, useDecideApplication, useReviewApplication } from './calls-queries';
import { useSteeringCommittee } from './network-queries';
import { websiteLabel } from './network-logic';
import { useOrganisations } from './queries';
import './calls.css';

/** The deadline in the reader's zone, with the call's own wall-clock time and zone beside it. */
function Deadline({ call, readerZone }: { call: Call; readerZone: string }) {
  const { t } = useTranslation();
  const mine = useFormatters(readerZone);
  const theirs = useFormatters(call.timeZone);
  const same = mine.dateTime(call.deadlineAt) === theirs.dateTime(call.deadlineAt) && readerZone === call.timeZone;
  return (
    <span>
      {t('calls.deadline.yours', { date: mine.dateTime(call.deadlineAt, { weekday: true }), zone: readerZone })}
      {!same && <span className="muted calls-deadline-zone">{t('calls.deadline.call', { date: theirs.dateTime(call.deadlineAt), zone: call.timeZone })}</span>}
    </span>
  );
}

function StatusBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return <span className={`badge calls-status calls-status-${statusTone(status)}`}>{t(`calls.status.${status}`)}</span>;
}

function OpenBadge({ open }: { open: boolean }) {
  const { t } = useTranslation();
  return <span className={`badge calls-status calls-status-${open ? 'success' : 'muted'}`}>{open ? t('calls.open') : t('calls.closed')}</span>;
}

/** The call as applicants read it: what it is about, what the committee looks at, and until when. */
function CallSummary({ call, readerZone }: { call: Call; readerZone: string }) {
  const { t } = useTranslation();
  return (
    <section className="calls-summary" aria-labelledby="calls-current-title">
      <h2 id="calls-current-title" dir="auto">
        {call.title}
      </h2>
      {call.description && (
        <p className="calls-description" dir="auto">
          {call.description}
        </p>
      )}
      <dl className="network-facts">
        <div>
          <dt>{t('calls.deadline.label')}</dt>
          <dd>
            <Deadline call={call} readerZone={readerZone} />
          </dd>
        </div>
        <div>
          <dt>{t('calls.criteria')}</dt>
          <dd>
            <ol className="calls-criteria">
              {call.criteria.map((criterion) => (
                // The item keeps the page's direction (its number on the reading side); the text inside takes its own.
                <li key={criterion.key}>
                  <bdi>{criterion.label}</bdi>
                </li>
              ))}
            </ol>
          </dd>
        </div>
      </dl>
    </section>
  );
}

/** The application form. The browser checks the documents (type by name, size); everything else is the API's to word. */
function ApplicationForm({ call }: { call: Call }) {
  const { t, i18n } = useTranslation();
  const apply = useApply(call.id);
  const form = useRef<HTMLFormElement>(null);
  const expertiseId = useId();
  const documentsId = useId();
  const [draft, setDraft] = useState<ApplicationDraft>(EMPTY_APPLICATION);
  const [files, setFiles] = useState<File[]>([]);
  const [attempt, setAttempt] = useState(0);
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  const set = <K extends keyof ApplicationDraft>(key: K) => (value: ApplicationDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  const error = apply.error instanceof ApiError ? apply.error : null;
  const errors = error ? fieldErrors(error.details) : {};
  const documentCheck = checkDocuments(files);
  const documentProblem =
    documentCheck.problem === 'ok' ? undefined : documentCheck.problem === 'tooMany' ? t('calls.apply.documentsTooMany') : t(`calls.apply.document.${documentCheck.problem}`, { name: files['index' in documentCheck ? documentCheck.index : 0]?.name ?? '' });
  // A file over the limit is stopped by the upload itself (413, no details): it belongs to the documents field all the same.
  const tooLarge = error?.status === 413 ? error.message : undefined;
  const documentsError = documentProblem ?? errors['documents'] ?? tooLarge;
  const motivation = motivationLength(draft.motivation);

  useFocusFirstInvalid(form, attempt, apply.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (apply.isPending) return;
    if (documentProblem) {
      setAttempt((n) => n + 1);
      return;
    }
    apply.mutate({ application: applicationPayload(draft, EXPERTISE_AREAS), files }, { onSettled: () => setAttempt((n) => n + 1) });
  };

  if (apply.isSuccess) {
    return (
      <Card title={t('calls.apply.sentTitle')}>
        <Alert kind="success">{t('calls.apply.sent', { institution: draft.institutionName.trim() })}</Alert>
        <p>{apply.data.emailSent ? t('calls.apply.emailSent', { email: draft.contactEmail.trim() }) : t('calls.apply.emailNotSent')}</p>
        <CopyField label={t('calls.apply.statusLink')} value={apply.data.statusUrl} copyLabel={t('common.copy')} copiedLabel={t('common.copied')} />
        <p>
          <a href={apply.data.statusUrl}>{t('calls.apply.openStatus')}</a>
        </p>
      </Card>
    );
  }

  const describedDocs = [`${documentsId}-hint`, documentsError ? `${documentsId}-error` : ''].filter(Boolean).join(' ');
  return (
    <Card title={t('calls.apply.title')}>
      <p className="muted">{t('calls.apply.intro')}</p>
      {error && (error.details.length || tooLarge ? <Alert kind="error">{t('calls.apply.fixErrors')}</Alert> : <Alert kind="error">{error.message}</Alert>)}
      <form ref={form} className="calls-form" onSubmit={submit} noValidate>
        <TextField label={t('calls.apply.institutionName')} value={draft.institutionName} onChange={(e) => set('institutionName')(e.target.value)} required maxLength={200} autoComplete="organization" dir="auto" error={errors['institutionName']} />
        <SelectField
          label={t('calls.apply.country')}
          value={draft.countryIso3}
          onChange={(e) => set('countryIso3')(e.target.value)}
          required
          error={errors['countryIso3']}
          options={[{ value: '', label: t('calls.apply.chooseCountry') }, ...countries]}
        />
        <TextField label={t('calls.apply.website')} hint={t('calls.apply.websiteHint')} type="url" inputMode="url" dir="ltr" value={draft.website} maxLength={300} onChange={(e) => set('website')(e.target.value)} error={errors['website']} />
        <fieldset className={`calls-expertise field ${errors['expertise'] ? 'field-invalid' : ''}`} aria-describedby={errors['expertise'] ? `${expertiseId}-error` : undefined}>
          <legend>{t('calls.apply.expertise')}</legend>
          <div className="calls-checkboxes">
            {EXPERTISE_AREAS.map((area) => (
              <label key={area} className="checkbox">
                <input
                  type="checkbox"
                  checked={draft.expertise.includes(area)}
                  aria-invalid={errors['expertise'] ? true : undefined}
                  onChange={(e) => set('expertise')(e.target.checked ? [...draft.expertise, area] : draft.expertise.filter((chosen: ExpertiseArea) => chosen !== area))}
                />{' '}
                {t(`network.expertise.${area}`)}
              </label>
            ))}
          </div>
          {errors['expertise'] && (
            <p className="field-error" id={`${expertiseId}-error`}>
              {errors['expertise']}
            </p>
          )}
        </fieldset>
        <TextField label={t('calls.apply.contactName')} value={draft.contactName} onChange={(e) => set('contactName')(e.target.value)} required maxLength={120} autoComplete="name" dir="auto" error={errors['contactName']} />
        <TextField label={t('calls.apply.contactEmail')} type="email" value={draft.contactEmail} onChange={(e) => set('contactEmail')(e.target.value)} required autoComplete="email" dir="ltr" error={errors['contactEmail']} />
        <TextAreaField
          label={t('calls.apply.motivation')}
          value={draft.motivation}
          onChange={(event) => set('motivation')(event.target.value)}
          rows={8}
          maxLength={MOTIVATION_MAX + 200}
          required
          error={errors['motivation']}
          after={<span className={motivation.ok || motivation.length === 0 ? undefined : 'calls-count-off'}>{t('calls.apply.motivationCount', { count: motivation.length })}</span>}
        />
        <div className={`field ${documentsError ? 'field-invalid' : ''}`}>
          <label htmlFor={documentsId}>{t('calls.apply.documents')}</label>
          <input
            id={documentsId}
            type="file"
            multiple
            accept={DOCUMENT_ACCEPT}
            aria-invalid={documentsError ? true : undefined}
            aria-describedby={describedDocs}
            onChange={(e) => {
              setFiles(Array.from(e.target.files ?? []));
              apply.reset();
            }}
          />
          <p className="field-hint" id={`${documentsId}-hint`}>
            {t('calls.apply.documentsHint')}
          </p>
          {files.length > 0 && (
            <ul className="calls-files">
              {files.map((file) => (
                <li key={`${file.name}-${file.size}`}>
                  <bdi>{file.name}</bdi> <span className="muted">({formatDocumentSize(file.size, i18n.language)})</span>
                </li>
              ))}
            </ul>
          )}
          {documentsError && (
            <p className="field-error" id={`${documentsId}-error`}>
              {documentsError}
            </p>
          )}
        </div>
        <Button type="submit" busy={apply.isPending}>
          {apply.isPending ? t('calls.apply.sending') : t('calls.apply.submit')}
        </Button>
      </form>
    </Card>
  );
}

/** `/join` (anyone): the open call and its application form, or a plain sentence when no call is open. */
export function JoinPage() {
  const { t } = useTranslation();
  usePageTitle(t('calls.join.title'));
  const call = useCurrentCall();
  const session = useSession();
  const readerZone = session.data?.user.timeZone ?? browserTimeZone();
  const noCall = call.error instanceof ApiError && call.error.status === 404;
  return (
    <PublicFrame next="/network">
      <h1>{t('calls.join.title')}</h1>
      <p className="muted">{t('calls.join.intro')}</p>
      {call.isPending ? (
        <LoadingState label={t('common.loading')} />
      ) : noCall ? (
        <EmptyState>{t('calls.join.noCall')}</EmptyState>
      ) : call.isError ? (
        <QueryError error={call.error} onRetry={() => call.refetch()} />
      ) : (
        <>
          <CallSummary call={call.data} readerZone={readerZone} />
          {call.data.open ? <ApplicationForm call={call.data} /> : <Alert kind="info">{t('calls.join.closed')}</Alert>}
        </>
      )}
    </PublicFrame>
  );
}

/** `/join/status/:token` (anyone with the link): where the application stands, in plain words. */
export function ApplicationStatusPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  usePageTitle(t('calls.statusPage.title'));
  const status = useApplicationStatus(token);
  const session = useSession();
  const format = useFormatters(session.data?.user.timeZone ?? browserTimeZone());
  const badLink = status.error instanceof ApiError && (status.error.status === 404 || status.error.status === 400);
  return (
    <PublicFrame next="/network">
      <h1>{t('calls.statusPage.title')}</h1>
      {status.isPending ? (
        <LoadingState label={t('common.loading')} />
      ) : badLink ? (
        <ErrorState title={t('calls.statusPage.badLinkTitle')} message={t('calls.statusPage.badLink')} />
      ) : status.isError ? (
        <QueryError error={status.error} onRetry={() => status.refetch()} />
      ) : (
        <Card>
          <dl className="network-facts">
            <div>
              <dt>{t('calls.statusPage.institution')}</dt>
              <dd dir="auto">{status.data.institutionName}</dd>
            </div>
            <div>
              <dt>{t('calls.statusPage.call')}</dt>
              <dd dir="auto">{status.data.callTitle}</dd>
            </div>
            <div>
              <dt>{t('calls.statusPage.status')}</dt>
              <dd>
                <StatusBadge status={status.data.status} />
                <p>{t(`calls.statusPage.explain.${status.data.status}`)}</p>
              </dd>
            </div>
            <div>
              <dt>{t('calls.statusPage.submitted')}</dt>
              <dd>{format.dateTime(status.data.submittedAt)}</dd>
            </div>
            {status.data.decidedAt && (
              <div>
                <dt>{t('calls.statusPage.decided')}</dt>
                <dd>{format.dateTime(status.data.decidedAt)}</dd>
              </div>
            )}
          </dl>
        </Card>
      )}
      <p>
        <Link to="/join">{t('calls.statusPage.backToCall')}</Link>
      </p>
    </PublicFrame>
  );
}

/**
 * On `/network`: a way to the open calls for those who may read them. Only secretariat and steering-committee members
 * ask (anyone else would get a 404, which the browser logs as an error); a 404 all the same keeps the link hidden.
 */
export function OpenCallsLink() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const committee = useSteeringCommittee();
  const organisations = useOrganisations();
  const mayRead =
    !!committee.data?.items.some((member) => member.userId === user.id) || !!organisations.data?.items.some((organisation) => organisation.kind === 'secretariat' && organisation.relation === 'member');
  const calls = useCalls(mayRead);
  if (!calls.data) return null;
  const open = calls.data.items.filter((call) => call.open).length;
  return (
    <p className="calls-network-link">
      <Link to="/network/calls">{t('calls.networkLink')}</Link> <span className="muted">{t('calls.openCount', { count: open })}</span>
    </p>
  );
}

const EMPTY_CALL: Omit<CallDraft, 'timeZone'> = { title: '', description: '', criteria: [''], deadlineLocal: '' };

/** Secretariat admins open a call: criteria as rows to add and remove, the deadline as a wall-clock time in a zone. */
function NewCallForm({ ownZone }: { ownZone: string }) {
  const { t } = useTranslation();
  const create = useCreateCall();
  const zones = useTimeZoneOptions();
  const form = useRef<HTMLFormElement>(null);
  const deadlineId = useId();
  const [draft, setDraft] = useState<CallDraft>({ ...EMPTY_CALL, timeZone: ownZone });
  const [attempt, setAttempt] = useState(0);
  const error = create.error instanceof ApiError ? create.error : null;
  const errors = error ? fieldErrors(error.details) : {};
  const criterionError = (index: number) => error?.fieldError(`criteria.${index}.label`) ?? error?.fieldError(`criteria.${index}`);
  const set = <K extends keyof CallDraft>(key: K, value: CallDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  useFocusFirstInvalid(form, attempt, create.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(callPayload(draft), {
      onSuccess: () => setDraft({ ...EMPTY_CALL, timeZone: draft.timeZone }),
      onSettled: () => setAttempt((n) => n + 1),
    });
  };

  return (
    <Card title={t('calls.create.title')}>
      <div aria-live="polite">{create.isSuccess && <Alert kind="success">{t('calls.create.created', { title: create.data.title })}</Alert>}</div>
      {error && (error.details.length ? <Alert kind="error">{t('calls.apply.fixErrors')}</Alert> : <Alert kind="error">{error.message}</Alert>)}
      <form ref={form} className="calls-form" onSubmit={submit} noValidate>
        <TextField label={t('calls.create.callTitle')} value={draft.title} maxLength={200} required dir="auto" onChange={(e) => set('title', e.target.value)} error={errors['title']} />
        <TextAreaField label={t('calls.create.description')} value={draft.description} maxLength={5000} rows={5} onChange={(event) => set('description', event.target.value)} error={errors['description']} />
        <fieldset className={`calls-criteria-rows ${errors['criteria'] ? 'field-invalid' : ''}`}>
          <legend>{t('calls.create.criteria')}</legend>
          <p className="field-hint">{t('calls.create.criteriaHint', { max: MAX_CRITERIA })}</p>
          <ol>
            {draft.criteria.map((label, index) => (
              // Rows have no identity of their own; the index is what the API's error paths name too.
              <li key={index} className="calls-criterion-row">
                <TextField
                  label={t('calls.create.criterion', { number: index + 1 })}
                  value={label}
                  maxLength={200}
                  dir="auto"
                  onChange={(e) => set('criteria', draft.criteria.map((current, at) => (at === index ? e.target.value : current)))}
                  error={criterionError(index)}
                />
                {draft.criteria.length > 1 && (
                  <Button variant="secondary" aria-label={t('calls.create.removeCriterion', { number: index + 1 })} onClick={() => set('criteria', draft.criteria.filter((_, at) => at !== index))}>
                    {t('common.remove')}
                  </Button>
                )}
              </li>
            ))}
          </ol>
          {errors['criteria'] && !draft.criteria.some((_, index) => criterionError(index)) && <p className="field-error">{errors['criteria']}</p>}
          {draft.criteria.length < MAX_CRITERIA && (
            <Button variant="secondary" onClick={() => set('criteria', [...draft.criteria, ''])}>
              {t('calls.create.addCriterion')}
            </Button>
          )}
        </fieldset>
        <div className="form-row">
          <div className={`field ${errors['deadlineLocal'] ? 'field-invalid' : ''}`}>
            <label htmlFor={deadlineId}>{t('calls.create.deadline')}</label>
            <input
              id={deadlineId}
              type="datetime-local"
              value={draft.deadlineLocal}
              required
              onChange={(e) => set('deadlineLocal', e.target.value)}
              aria-invalid={errors['deadlineLocal'] ? true : undefined}
              aria-describedby={errors['deadlineLocal'] ? `${deadlineId}-error` : `${deadlineId}-hint`}
            />
            {errors['deadlineLocal'] ? (
              <p className="field-error" id={`${deadlineId}-error`}>
                {errors['deadlineLocal']}
              </p>
            ) : (
              <p className="field-hint" id={`${deadlineId}-hint`}>
                {t('calls.create.deadlineHint')}
              </p>
            )}
          </div>
          <SelectField label={t('calls.create.timeZone')} value={draft.timeZone} dir="ltr" onChange={(e) => set('timeZone', e.target.value)} options={zones} error={errors['timeZone']} />
        </div>
        <Button type="submit" busy={create.isPending}>
          {t('calls.create.submit')}
        </Button>
      </form>
    </Card>
  );
}

/** `/network/calls` (secretariat and steering committee): every call, and the form to open one for secretariat admins. */
export function CallsPage() {
  const { t } = useTranslation();
  usePageTitle(t('calls.title'));
  const user = useCurrentUser();
  const calls = useCalls();
  return (
    <>
      <p>
        <Link to="/network">{t('calls.backToNetwork')}</Link>
      </p>
      <h1>{t('calls.title')}</h1>
      <p className="muted">{t('calls.intro')}</p>
      {calls.isPending ? (
        <LoadingState label={t('common.loading')} />
      ) : calls.isError ? (
        <QueryError error={calls.error} onRetry={() => calls.refetch()} />
      ) : (
        <>
          {calls.data.items.length === 0 ? (
            <EmptyState>{t('calls.empty')}</EmptyState>
          ) : (
            <div className="table-scroll" role="region" aria-label={t('calls.title')} tabIndex={0}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('calls.table.title')}</th>
                    <th scope="col">{t('calls.deadline.label')}</th>
                    <th scope="col">{t('calls.table.state')}</th>
                    <th scope="col">{t('calls.table.applications')}</th>
                  </tr>
                </thead>
                <tbody>
                  {calls.data.items.map((call) => (
                    <tr key={call.id}>
                      <td>
                        <Link to={`/network/calls/${call.id}`} dir="auto">
                          {call.title}
                        </Link>
                      </td>
                      <td>
                        <Deadline call={call} readerZone={user.timeZone} />
                      </td>
                      <td>
                        <OpenBadge open={call.open} />
                      </td>
                      <td>{call.applicationCount ?? 0}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {calls.data.canManage && <NewCallForm ownZone={user.timeZone} />}
        </>
      )}
    </>
  );
}

/** `/network/calls/:id`: the call's applications, with a conflict badge where the reader may not review. */
export function CallPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const calls = useCalls();
  const applications = useCallApplications(id);
  const format = useFormatters(user.timeZone);
  const call = calls.data?.items.find((item) => item.id === id);
  usePageTitle(call?.title ?? t('calls.applications.title'));
  return (
    <>
      <p>
        <Link to="/network/calls">{t('calls.backToCalls')}</Link>
      </p>
      <h1 dir="auto">{call?.title ?? t('calls.applications.title')}</h1>
      {call && (
        <p>
          <OpenBadge open={call.open} /> <Deadline call={call} readerZone={user.timeZone} />
        </p>
      )}
      <h2>{t('calls.applications.title')}</h2>
      {applications.isPending ? (
        <LoadingState label={t('common.loading')} />
      ) : applications.isError ? (
        <QueryError error={applications.error} onRetry={() => applications.refetch()} />
      ) : applications.data.items.length === 0 ? (
        <EmptyState>{t('calls.applications.empty')}</EmptyState>
      ) : (
        <div className="table-scroll" role="region" aria-label={t('calls.applications.title')} tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('calls.applications.institution')}</th>
                <th scope="col">{t('calls.applications.country')}</th>
                <th scope="col">{t('calls.applications.expertise')}</th>
                <th scope="col">{t('calls.applications.submitted')}</th>
                <th scope="col">{t('calls.applications.reviews')}</th>
                <th scope="col">{t('calls.applications.average')}</th>
                <th scope="col">{t('calls.applications.status')}</th>
              </tr>
            </thead>
            <tbody>
              {applications.data.items.map((application) => (
                <tr key={application.id}>
                  <td>
                    <Link to={`/network/applications/${application.id}`} dir="auto">
                      {application.institutionName}
                    </Link>
                    {application.conflict && <span className="badge calls-conflict">{t('calls.conflict')}</span>}
                    {application.reviewedByMe && <span className="badge">{t('calls.reviewedByMe')}</span>}
                  </td>
                  <td>{application.country ? countryName(application.country, i18n.language) : '—'}</td>
                  <td>{application.expertise.map((area) => t(`network.expertise.${area}`)).join(', ')}</td>
                  <td>{format.date(application.submittedAt)}</td>
                  <td>{format.number(application.reviewCount)}</td>
                  <td>{application.averageScore === null ? t('calls.noScore') : format.number(application.averageScore, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}</td>
                  <td>
                    <StatusBadge status={application.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** One 1–5 choice per criterion (radio groups) and a comment; the reviewer's own earlier review fills it in. */
function ReviewForm({ application }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const review = useReviewApplication(application.id);
  const form = useRef<HTMLFormElement>(null);
  const mine = application.reviews.find((item) => item.reviewerId === user.id);
  const [scores, setScores] = useState<Record<string, number | undefined>>(mine?.scores ?? {});
  const [comment, setComment] = useState(mine?.comment ?? '');
  const [missing, setMissing] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const hintId = useId();
  const error = review.error instanceof ApiError ? review.error : null;

  useFocusFirstInvalid(form, attempt, review.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const gaps = missingScores(application.criteria, scores);
    setMissing(gaps);
    if (gaps.length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    const complete = Object.fromEntries(application.criteria.map(({ key }) => [key, scores[key] as number]));
    review.mutate({ scores: complete, comment: comment.trim() }, { onSettled: () => setAttempt((n) => n + 1) });
  };

  return (
    <Card title={t('calls.review.title')}>
      <p className="muted" id={hintId}>
        {t('calls.review.scale')}
      </p>
      {error && !error.details.length && <Alert kind="error">{error.message}</Alert>}
      <form ref={form} className="calls-form" onSubmit={submit} noValidate>
        {application.criteria.map((criterion) => {
          const message = missing.includes(criterion.key) ? t('calls.review.missing') : error?.fieldError(`scores.${criterion.key}`);
          return (
            <fieldset key={criterion.key} className={`calls-score ${message ? 'field-invalid' : ''}`} aria-describedby={hintId}>
              <legend dir="auto">{criterion.label}</legend>
              <div className="calls-score-choices">
                {SCORES.map((score) => (
                  <label key={score} className="calls-score-choice">
                    <input
                      type="radio"
                      name={`score-${criterion.key}`}
                      value={score}
                      checked={scores[criterion.key] === score}
                      aria-invalid={message ? true : undefined}
                      onChange={() => setScores((current) => ({ ...current, [criterion.key]: score }))}
                    />{' '}
                    {score}
                  </label>
                ))}
              </div>
              {message && <p className="field-error">{message}</p>}
            </fieldset>
          );
        })}
        <TextAreaField label={t('calls.review.comment')} value={comment} maxLength={2000} rows={4} onChange={(event) => setComment(event.target.value)} error={error?.fieldError('comment')} />
        <Button type="submit" busy={review.isPending}>
          {mine ? t('calls.review.update') : t('calls.review.submit')}
        </Button>
        <div aria-live="polite">{review.isSuccess && <Alert kind="success">{t('calls.review.saved')}</Alert>}</div>
      </form>
    </Card>
  );
}

/** Secretariat admins accept (the organisation is created and its first admin invited) or decline; both ask first, starting on Cancel. */
function DecisionCard({ application, decide }: { application: ApplicationDetail; decide: ReturnType<typeof useDecideApplication> }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<'accept' | 'decline' | null>(null);
  const [adminEmail, setAdminEmail] = useState(application.contactEmail);
  const [note, setNote] = useState('');
  const error = decide.error instanceof ApiError ? decide.error : null;
  const close = () => {
    setAsking(null);
    decide.reset();
  };
  const confirm = () => {
    if (!asking) return;
    decide.mutate({ decision: asking, note: note.trim(), ...(asking === 'accept' ? { adminEmail: adminEmail.trim() } : {}) }, { onSuccess: () => setAsking(null) });
  };
  return (
    <Card title={t('calls.decision.title')}>
      <p className="muted">{t('calls.decision.intro')}</p>
      <div className="calls-decision-buttons">
        <Button onClick={() => setAsking('accept')}>{t('calls.decision.accept')}</Button>
        <Button variant="secondary" onClick={() => setAsking('decline')}>
          {t('calls.decision.decline')}
        </Button>
      </div>
      <ConfirmDialog
        open={asking !== null}
        danger
        title={asking === 'accept' ? t('calls.decision.acceptTitle') : t('calls.decision.declineTitle')}
        confirmLabel={asking === 'accept' ? t('calls.decision.accept') : t('calls.decision.decline')}
        busy={decide.isPending}
        error={error && !error.fieldError('adminEmail') && <Alert kind="error">{error.message}</Alert>}
        onCancel={close}
        onConfirm={confirm}
        message={
          <>
            <p>{asking === 'accept' ? t('calls.decision.acceptBody', { name: application.institutionName }) : t('calls.decision.declineBody', { name: application.institutionName })}</p>
            {asking === 'accept' && (
              <TextField label={t('calls.decision.adminEmail')} hint={t('calls.decision.adminEmailHint')} type="email" dir="ltr" value={adminEmail} onChange={(e) => setAdminEmail(e.target.value)} error={error?.fieldError('adminEmail')} />
            )}
            <TextAreaField label={t('calls.decision.note')} hint={t('calls.decision.noteHint')} value={note} maxLength={2000} rows={3} onChange={(event) => setNote(event.target.value)} error={error?.fieldError('note')} />
          </>
        }
      />
    </Card>
  );
}

/** `/network/applications/:id`: the application, its documents and reviews; the scoring form and the decision for those who may. */
export function ApplicationPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const application = useApplication(id);
  const decide = useDecideApplication(id);
  const format = useFormatters(user.timeZone);
  usePageTitle(application.data?.institutionName ?? t('calls.application.title'));
  if (application.isPending) return <LoadingState label={t('common.loading')} />;
  if (application.isError) return <QueryError error={application.error} onRetry={() => application.refetch()} />;
  const data = application.data;
  const labelOf = (key: string) => data.criteria.find((criterion) => criterion.key === key)?.label ?? key;
  return (
    <>
      <p>
        <Link to={`/network/calls/${data.callId}`}>{t('calls.backToApplications')}</Link>
      </p>
      <h1 dir="auto">{data.institutionName}</h1>
      <p>
        <StatusBadge status={data.status} />
        {data.conflict && <span className="badge calls-conflict">{t('calls.conflict')}</span>}
      </p>
      {data.conflict && <Alert kind="info">{t('calls.application.conflictExplained')}</Alert>}
      {decide.data?.invitation && (
        <Card title={t('calls.decision.invitationTitle')}>
          <Alert kind="success">{t('calls.decision.accepted', { name: data.institutionName, email: decide.data.invitation.email })}</Alert>
          <p>{decide.data.invitation.emailSent ? t('calls.decision.invitationEmailed', { email: decide.data.invitation.email }) : t('calls.decision.invitationNotEmailed')}</p>
          <CopyField label={t('calls.decision.invitationLink')} value={decide.data.invitation.acceptUrl} copyLabel={t('common.copy')} copiedLabel={t('common.copied')} />
        </Card>
      )}
      <Card title={t('calls.application.details')}>
        <dl className="network-facts">
          <div>
            <dt>{t('calls.applications.country')}</dt>
            <dd>{data.country ? countryName(data.country, i18n.language) : '—'}</dd>
          </div>
          <div>
            <dt>{t('calls.apply.website')}</dt>
            <dd>
              {data.website ? (
                <a href={data.website} target="_blank" rel="noopener noreferrer" dir="ltr">
                  {websiteLabel(data.website)}
                  <span className="visually-hidden">{` (${t('network.institutions.newTab')})`}</span>
                </a>
              ) : (
                <span className="muted">{t('network.profile.noWebsite')}</span>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('calls.applications.expertise')}</dt>
            <dd>
              <ul className="tags network-tags">
                {data.expertise.map((area) => (
                  <li key={area} className="badge">
                    {t(`network.expertise.${area}`)}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
          <div>
            <dt>{t('calls.application.contact')}</dt>
            <dd>
              <bdi>{data.contactName}</bdi>{' '}
              <a href={`mailto:${data.contactEmail}`} dir="ltr">
                {data.contactEmail}
              </a>
            </dd>
          </div>
          <div>
            <dt>{t('calls.applications.submitted')}</dt>
            <dd>{format.dateTime(data.submittedAt)}</dd>
          </div>
          <div>
            <dt>{t('calls.apply.motivation')}</dt>
            <dd className="calls-description" dir="auto">
              {data.motivation}
            </dd>
          </div>
        </dl>
      </Card>
      <Card title={t('calls.application.documents')}>
        {data.documents.length === 0 ? (
          <EmptyState>{t('calls.application.noDocuments')}</EmptyState>
        ) : (
          <ul className="calls-files">
            {data.documents.map((document) => (
              <li key={document.id}>
                <a href={`/api/membership-applications/${data.id}/documents/${document.id}`} download={document.name}>
                  <bdi>{document.name}</bdi>
                </a>{' '}
                <span className="muted">({formatDocumentSize(document.size, i18n.language)})</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t('calls.application.reviews')}>
        {data.averageScore !== null && <p>{t('calls.application.average', { score: format.number(data.averageScore, { minimumFractionDigits: 1, maximumFractionDigits: 1 }), count: data.reviewCount })}</p>}
        {data.reviews.length === 0 ? (
          <EmptyState>{t('calls.application.noReviews')}</EmptyState>
        ) : (
          <ul className="calls-reviews">
            {data.reviews.map((item) => (
              <li key={item.reviewerId}>
                <strong>
                  <bdi>{item.reviewerName}</bdi>
                </strong>{' '}
                <span className="muted">{format.dateTime(item.updatedAt)}</span>
                <ul className="calls-review-scores">
                  {Object.entries(item.scores).map(([key, score]) => (
                    <li key={key}>
                      <bdi>{labelOf(key)}</bdi>
                      {': '}
                      {t('calls.review.scoreOf', { score })}
                    </li>
                  ))}
                </ul>
                {item.comment && (
                  <p className="calls-description" dir="auto">
                    {item.comment}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {data.decision && (
        <Card title={t('calls.decision.made')}>
          <p>
            {t(`calls.decision.outcome.${data.status}`, { date: format.dateTime(data.decision.decidedAt) })}
            {data.decision.decidedByName && <> {t('calls.decision.decidedBy', { name: data.decision.decidedByName })}</>}
          </p>
          {data.decision.note && (
            <p className="calls-description" dir="auto">
              {data.decision.note}
            </p>
          )}
          {data.organisationId && (
            <p>
              <Link to={`/organisations/${data.organisationId}`}>{t('calls.decision.openOrganisation')}</Link>
            </p>
          )}
        </Card>
      )}
      {data.canReview && data.status === 'submitted' && <ReviewForm application={data} />}
      {data.canDecide && data.status === 'submitted' && !decide.data && <DecisionCard application={data} decide={decide} />}
    </>
  );
}
