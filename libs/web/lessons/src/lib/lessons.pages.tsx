import { CYCLE_STAGES, DETERMINANTS, LESSON_STATUSES, SECTORS, type Lesson, type LessonFilters } from '@simashe/contracts';
import { useCurrentUser } from '@simashe/web-accounts';
import { SubjectDiscussion } from '@simashe/web-discussions';
import { countryName, useDateFormatter } from '@simashe/web-i18n';
import { canWriteIn, useOrganisations } from '@simashe/web-organisations';
import { Alert, BackLink, Button, Card, EmptyState, LoadingState, QueryError, SelectField, useConfirm, usePageTitle } from '@simashe/web-ui';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { LessonForm } from './lesson-form';
import { filterQuery, useCreateLesson, useDeleteLesson, useLesson, useLessons, useLessonStatus, useRemoveFile, useUpdateLesson, useUploadFile } from './queries';

function Tags({ lesson }: { lesson: Lesson }) {
  const { t } = useTranslation();
  return (
    <p className="tags">
      {lesson.determinants.map((d) => (
        <span key={d} className="badge">{t(`lessons.determinant.${d}`)}</span>
      ))}{' '}
      {lesson.sectors.map((s) => (
        <span key={s} className="badge badge-sector">{t(`lessons.sector.${s}`)}</span>
      ))}{' '}
      {lesson.levels.map((l) => (
        <span key={l} className="badge badge-level">{t(`lessons.level.${l}`)}</span>
      ))}
      {lesson.cycleStage && <span className="badge badge-stage">{t(`lessons.stages.${lesson.cycleStage}`)}</span>}
    </p>
  );
}

export function LessonsPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<LessonFilters>({});
  const lessons = useLessons(filters);
  usePageTitle(t('lessons.title'));
  const set = (key: keyof LessonFilters) => (value: string) => setFilters((current) => ({ ...current, [key]: value || undefined }));
  const query = filterQuery(filters);
  // Offered to those who can write a lesson somewhere (an editor or administrator of an organisation they belong to).
  const organisations = useOrganisations();
  const canWrite = (organisations.data?.items ?? []).some(canWriteIn);
  return (
    <>
      <h1>{t('lessons.title')}</h1>
      <div className="button-row">
        {canWrite && (
          <Link className="btn btn-primary" to="/lessons/new">
            {t('lessons.logLesson')}
          </Link>
        )}
        <a className="btn btn-secondary" href={`/api/lessons/export${query ? `${query}&` : '?'}format=csv`} download>
          {t('lessons.exportCsv')}
        </a>
        <a className="btn btn-secondary" href={`/api/lessons/export${query ? `${query}&` : '?'}format=xlsx`} download>
          {t('lessons.exportXlsx')}
        </a>
      </div>
      <Card title={t('lessons.filters')}>
        <div className="form-row">
          <SelectField label={t('lessons.status')} value={filters.status ?? ''} onChange={(e) => set('status')(e.target.value)} options={[{ value: '', label: t('lessons.any') }, ...LESSON_STATUSES.map((s) => ({ value: s, label: t(`lessons.statuses.${s}`) }))]} />
          <SelectField label={t('lessons.determinant.label')} value={filters.determinant ?? ''} onChange={(e) => set('determinant')(e.target.value)} options={[{ value: '', label: t('lessons.any') }, ...DETERMINANTS.map((d) => ({ value: d, label: t(`lessons.determinant.${d}`) }))]} />
          <SelectField label={t('lessons.sector.label')} value={filters.sector ?? ''} onChange={(e) => set('sector')(e.target.value)} options={[{ value: '', label: t('lessons.any') }, ...SECTORS.map((s) => ({ value: s, label: t(`lessons.sector.${s}`) }))]} />
          <SelectField label={t('lessons.stage')} value={filters.stage ?? ''} onChange={(e) => set('stage')(e.target.value)} options={[{ value: '', label: t('lessons.any') }, ...CYCLE_STAGES.map((s) => ({ value: s, label: t(`lessons.stages.${s}`) }))]} />
        </div>
      </Card>
      <Card title={t('lessons.list')}>
        {lessons.isPending ? (
          <LoadingState label={t('common.loading')} />
        ) : lessons.isError ? (
          <QueryError error={lessons.error} onRetry={() => lessons.refetch()} />
        ) : lessons.data.items.length === 0 ? (
          <EmptyState>{t('lessons.empty')}</EmptyState>
        ) : (
          <ul className="lesson-list">
            {lessons.data.items.map((lesson) => (
              <li key={lesson.id} lang={lesson.language}>
                <Link to={`/lessons/${lesson.id}`}>
                  <strong dir="auto">{lesson.title}</strong>
                </Link>{' '}
                {lesson.status === 'draft' && <span className="badge status-draft">{t('lessons.statuses.draft')}</span>}
                <div className="muted">
                  <bdi>{lesson.organisationName}</bdi>
                  {lesson.regionCode && ` · ${t(`resources.regions.${lesson.regionCode}`)}`} · {t(`lessons.visibilities.${lesson.visibility}`)}
                </div>
                <Tags lesson={lesson} />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}

export function NewLessonPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateLesson();
  usePageTitle(t('lessons.logLesson'));
  return (
    <>
      <BackLink to="/lessons">{t('lessons.title')}</BackLink>
      <h1>{t('lessons.logLesson')}</h1>
      <LessonForm busy={create.isPending} error={create.error} onSubmit={(draft) => create.mutate(draft, { onSuccess: (lesson) => navigate(`/lessons/${lesson.id}`) })} />
    </>
  );
}

export function EditLessonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const lesson = useLesson(id);
  const update = useUpdateLesson(id);
  usePageTitle(lesson.data?.title);
  if (lesson.isPending) return <LoadingState label={t('common.loading')} />;
  if (lesson.isError) return <QueryError error={lesson.error} onRetry={() => lesson.refetch()} />;
  return (
    <>
      <BackLink to={`/lessons/${id}`} auto>{lesson.data.title}</BackLink>
      <h1>{t('lessons.edit')}</h1>
      <LessonForm
        lesson={lesson.data}
        busy={update.isPending}
        error={update.error}
        onSubmit={({ organisationId: _organisation, ...draft }) => update.mutate(draft, { onSuccess: () => navigate(`/lessons/${id}`) })}
      />
    </>
  );
}

function FilesSection({ lesson }: { lesson: Lesson }) {
  const { t } = useTranslation();
  const upload = useUploadFile(lesson.id);
  const remove = useRemoveFile(lesson.id);
  const inputId = useId();
  const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
  if (lesson.files.length === 0 && !lesson.canEdit) return null;
  return (
    <section className="lesson-section">
      <h2>{t('lessons.files')}</h2>
      {lesson.files.length > 0 && (
        <ul>
          {lesson.files.map((file) => (
            <li key={file.id}>
              <a href={`/api/lessons/${lesson.id}/files/${file.id}`} download>
                <bdi>{file.name}</bdi>
              </a>{' '}
              <span className="muted">({size(file.size)})</span>{' '}
              {lesson.canEdit && (
                <Button variant="link" className="link-dark" onClick={() => remove.mutate(file.id)}>
                  {t('lessons.removeEvidence')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {lesson.canEdit && (
        <div className="field">
          <label htmlFor={inputId}>{t('lessons.uploadFile')}</label>
          <input
            id={inputId}
            type="file"
            accept=".pdf,.docx,.xlsx,.pptx,.csv,.txt,.png,.jpg,.jpeg"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) upload.mutate(file, { onSettled: () => (e.target.value = '') });
            }}
          />
          <p className="muted">{t('lessons.fileHint')}</p>
          {upload.isPending && <p role="status">{t('lessons.uploading')}</p>}
          {upload.error && <Alert kind="error">{upload.error.message}</Alert>}
        </div>
      )}
    </section>
  );
}

export function LessonPage() {
  const { t, i18n } = useTranslation();
  const format = useDateFormatter(useCurrentUser().timeZone);
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const lesson = useLesson(id);
  const status = useLessonStatus(id);
  const remove = useDeleteLesson(id);
  const confirm = useConfirm();
  usePageTitle(lesson.data?.title);
  if (lesson.isPending) return <LoadingState label={t('common.loading')} />;
  if (lesson.isError) return <QueryError error={lesson.error} onRetry={() => lesson.refetch()} />;
  const data = lesson.data;
  return (
    <>
      <BackLink to="/lessons">{t('lessons.title')}</BackLink>
      <article lang={data.language}>
        <h1 dir="auto">{data.title}</h1>
        <p className="org-meta">
          <bdi>{data.organisationName}</bdi>
          {data.countryName && (
            <>
              {' '}
              · <bdi>{data.countryIso2 ? countryName({ iso2: data.countryIso2, name: data.countryName }, i18n.language) : data.countryName}</bdi>
            </>
          )}
          {data.regionCode && ` · ${t(`resources.regions.${data.regionCode}`)}`}
          {data.initiative && (
            <>
              {' '}
              · <bdi>{data.initiative}</bdi>
            </>
          )}{' '}
          · <span className={`badge status-${data.status}`}>{t(`lessons.statuses.${data.status}`)}</span> ·{' '}
          {t(`lessons.visibilities.${data.visibility}`)}
          {data.publishedAt && ` · ${format(data.publishedAt)}`}
        </p>
        <Tags lesson={data} />
        {(['context', 'actions', 'worked', 'didNotWork', 'recommendation'] as const).map((section) =>
          data[section] ? (
            <section key={section} className="lesson-section">
              <h2>{t(`lessons.sections.${section}`)}</h2>
              <p className="post-text">{data[section]}</p>
            </section>
          ) : null,
        )}
        {data.evidence.length > 0 && (
          <section className="lesson-section">
            <h2>{t('lessons.evidence')}</h2>
            <ul>
              {data.evidence.map((item, index) => (
                <li key={index}>
                  {item.kind === 'link' ? (
                    <a href={item.url} rel="noopener noreferrer nofollow" target="_blank" dir="ltr">
                      {item.label || item.url}
                    </a>
                  ) : (
                    <Link to={`/${item.kind}s/${item.id}`}>{item.label || t(`lessons.evidenceKinds.${item.kind}`)}</Link>
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}
        <FilesSection lesson={data} />
      </article>
      {data.canEdit && (
        <div className="button-row">
          {status.error && <Alert kind="error">{status.error.message}</Alert>}
          {data.status === 'draft' ? (
            <Button busy={status.isPending} onClick={() => status.mutate('published')}>
              {t('lessons.publish')}
            </Button>
          ) : (
            <Button variant="secondary" busy={status.isPending} onClick={() => status.mutate('draft')}>
              {t('lessons.unpublish')}
            </Button>
          )}
          <Link className="btn btn-secondary" to={`/lessons/${id}/edit`}>
            {t('lessons.edit')}
          </Link>
          <Button variant="danger" busy={remove.isPending} onClick={async () => (await confirm.ask({ title: t('lessons.delete'), message: t('lessons.confirmDelete'), confirmLabel: t('lessons.delete'), danger: true })) && remove.mutate(undefined, { onSuccess: () => navigate('/lessons') })}>
            {t('lessons.delete')}
          </Button>
        </div>
      )}
      <SubjectDiscussion kind="lesson" id={id} />
      {confirm.dialog}
    </>
  );
}
