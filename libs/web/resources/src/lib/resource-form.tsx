import {
  DETERMINANTS,
  RESOURCE_KINDS,
  RESOURCE_TOPICS,
  RESOURCE_VISIBILITIES,
  SUPPORTED_LANGUAGES,
  WHO_REGION_CODES,
  type Resource,
  type ResourceInput,
} from '@simashe/contracts';
import { useCurrentUser } from '@simashe/web-accounts';
import { ApiError } from '@simashe/web-api-client';
import { useLanguage, LANGUAGE_NAMES } from '@simashe/web-i18n';
import { canWriteIn, useOrganisations } from '@simashe/web-organisations';
import { Alert, Button, Card, SelectField, TextAreaField, TextField, useFocusFirstInvalid } from '@simashe/web-ui';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useCreateResource, useCreateResourceWithFile, useUpdateResource, useUploadResourceFile } from './queries';
import { addAuthor, checkResourceFile, formatFileSize, parseYear, RESOURCE_FILE_ACCEPT, uploadErrorKey, type FileCheck } from './resources-logic';

type Draft = Omit<ResourceInput, 'year'> & { year: string };

/** The upload's progress: the share sent, then "processing" while the server checks the file. */
type Upload = { state: 'idle' } | { state: 'sending'; share: number } | { state: 'processing' } | { state: 'failed'; message: string };

/** Authors one by one, in the order they are credited. */
function AuthorsField({ authors, onChange, error }: { authors: string[]; onChange: (authors: string[]) => void; error?: string }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const add = () => {
    onChange(addAuthor(authors, name));
    setName('');
  };
  return (
    <fieldset className="resource-authors">
      <legend>{t('resources.authors')}</legend>
      {authors.length > 0 && (
        <ol>
          {authors.map((author, index) => (
            <li key={`${index}-${author}`}>
              <bdi>{author}</bdi>{' '}
              <Button variant="link" className="link-dark" onClick={() => onChange(authors.filter((_, i) => i !== index))}>
                {t('resources.form.removeAuthor', { name: author })}
              </Button>
            </li>
          ))}
        </ol>
      )}
      <div className="form-row">
        <TextField
          label={t('resources.form.authorName')}
          value={name}
          maxLength={120}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            // Enter adds the author rather than sending the whole form.
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <Button variant="secondary" disabled={!name.trim()} onClick={add}>
          {t('resources.form.addAuthor')}
        </Button>
      </div>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}

const FILE_PROBLEM_KEYS: Record<Exclude<FileCheck, 'ok'>, string> = {
  wrongType: 'resources.file.wrongType',
  tooBig: 'resources.file.tooBig',
  empty: 'resources.file.empty',
};

/**
 * Creating or editing a resource. A new resource with a file goes up in one request with it: both are stored, or
 * neither (a refused file leaves nothing behind). When editing, the file goes up after the fields are saved; if
 * that upload fails the fields stay saved, the form says so, and sending again retries the file.
 */
export function ResourceForm({ resource }: { resource?: Resource }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const organisations = useOrganisations();
  const writable = (organisations.data?.items ?? []).filter(canWriteIn);
  const [draft, setDraft] = useState<Draft>(() => ({
    organisationId: resource?.organisationId ?? '',
    kind: resource?.kind ?? 'guidance',
    title: resource?.title ?? '',
    summary: resource?.summary ?? '',
    authors: resource?.authors ?? [],
    language: resource?.language ?? user.preferredLanguage,
    topic: resource?.topic ?? 'inequality_monitoring',
    determinant: resource?.determinant ?? null,
    regionCode: (resource?.regionCode as Draft['regionCode']) ?? null,
    year: resource?.year === null || resource?.year === undefined ? '' : String(resource.year),
    url: resource?.url ?? null,
    visibility: resource?.visibility ?? 'network',
  }));
  // Once created, further sends update the same resource (an upload that failed is retried, nothing is duplicated).
  const [savedId, setSavedId] = useState<string | null>(resource?.id ?? null);
  const [file, setFile] = useState<File | null>(null);
  const [upload, setUpload] = useState<Upload>({ state: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const fileId = useId();
  const create = useCreateResource();
  const createWithFile = useCreateResourceWithFile();
  const update = useUpdateResource();
  const send = useUploadResourceFile();
  // A refused field of a resource sent with its file is shown at the field; a refused file, at the file.
  const fieldRefusal = createWithFile.error instanceof ApiError && createWithFile.error.details.some((detail) => detail.path !== 'file') ? createWithFile.error : null;
  const saveError = savedId ? update.error : (create.error ?? fieldRefusal);
  const apiError = saveError instanceof ApiError ? saveError : null;
  const fileProblem = file ? checkResourceFile(file) : 'ok';
  const busy = create.isPending || createWithFile.isPending || update.isPending || send.isPending;
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const organisationId = draft.organisationId || writable[0]?.id || '';

  useFocusFirstInvalid(formRef, attempt, saveError);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempt((count) => count + 1);
    if (fileProblem !== 'ok') {
      fileInput.current?.focus();
      return;
    }
    const { organisationId: _organisation, year, url, ...rest } = draft;
    const input = { ...rest, year: parseYear(year), url: url?.trim() ? url.trim() : null };
    const progress = { onProgress: (share: number) => setUpload({ state: 'sending', share }), onSent: () => setUpload({ state: 'processing' }) };
    const uploadFailed = (error: unknown) => {
      const status = error instanceof ApiError ? error.status : 0;
      const message = error instanceof Error ? error.message : '';
      setUpload({ state: 'failed', message: status >= 400 && status < 500 && message ? `${t(uploadErrorKey(status))} ${message}` : t(uploadErrorKey(status)) });
    };
    if (!savedId && file) {
      setUpload({ state: 'sending', share: 0 });
      try {
        const created = await createWithFile.mutateAsync({ input: { ...input, organisationId }, file, ...progress });
        navigate(`/resources/${created.id}`);
      } catch (error) {
        if (error instanceof ApiError && error.details.some((detail) => detail.path !== 'file')) setUpload({ state: 'idle' });
        else uploadFailed(error);
      }
      return;
    }
    let saved: Resource;
    try {
      saved = savedId ? await update.mutateAsync({ id: savedId, input }) : await create.mutateAsync({ ...input, organisationId });
    } catch {
      return; // worded from the mutation's error
    }
    setSavedId(saved.id);
    if (file) {
      setUpload({ state: 'sending', share: 0 });
      try {
        await send.mutateAsync({ id: saved.id, file, ...progress });
      } catch (error) {
        uploadFailed(error);
        return;
      }
    }
    navigate(`/resources/${saved.id}`);
  };

  const options = <T extends string>(values: readonly T[], label: (value: T) => string) => values.map((value) => ({ value, label: label(value) }));

  return (
    <Card>
      <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate className="resource-form">
        {apiError && <Alert kind="error">{apiError.details.length ? t('resources.form.fixErrors') : apiError.message}</Alert>}
        {!resource && writable.length === 0 && organisations.isSuccess && <Alert kind="info">{t('resources.form.noOrganisation')}</Alert>}
        {!resource && (
          <SelectField
            label={t('resources.organisation')}
            value={organisationId}
            onChange={(e) => set('organisationId')(e.target.value)}
            options={writable.map((o) => ({ value: o.id, label: o.name }))}
            error={apiError?.fieldError('organisationId')}
          />
        )}
        <div className="form-row">
          <SelectField label={t('resources.kind')} value={draft.kind} onChange={(e) => set('kind')(e.target.value as Draft['kind'])} options={options(RESOURCE_KINDS, (k) => t(`resources.kinds.${k}`))} error={apiError?.fieldError('kind')} />
          <SelectField label={t('resources.topic')} value={draft.topic} onChange={(e) => set('topic')(e.target.value as Draft['topic'])} options={options(RESOURCE_TOPICS, (k) => t(`resources.topics.${k}`))} error={apiError?.fieldError('topic')} />
        </div>
        <TextField label={t('resources.form.title')} value={draft.title} maxLength={200} dir="auto" required onChange={(e) => set('title')(e.target.value)} error={apiError?.fieldError('title')} />
        <TextAreaField label={t('resources.summary')} rows={5} maxLength={4000} value={draft.summary} onChange={(event) => set('summary')(event.target.value)} error={apiError?.fieldError('summary')} />
        <AuthorsField authors={draft.authors} onChange={set('authors')} error={apiError?.details.find((d) => d.path.startsWith('authors'))?.message} />
        <div className="form-row">
          <SelectField
            label={t('resources.language')}
            value={draft.language}
            onChange={(e) => set('language')(e.target.value as Draft['language'])}
            options={options(SUPPORTED_LANGUAGES, (k) => LANGUAGE_NAMES[k])}
            error={apiError?.fieldError('language')}
          />
          <SelectField
            label={t('resources.determinant')}
            value={draft.determinant ?? ''}
            onChange={(e) => set('determinant')((e.target.value || null) as Draft['determinant'])}
            options={[{ value: '', label: t('resources.none') }, ...options(DETERMINANTS, (k) => t(`lessons.determinant.${k}`))]}
            error={apiError?.fieldError('determinant')}
          />
          <SelectField
            label={t('resources.region')}
            value={draft.regionCode ?? ''}
            onChange={(e) => set('regionCode')((e.target.value || null) as Draft['regionCode'])}
            options={[{ value: '', label: t('resources.none') }, ...options(WHO_REGION_CODES, (k) => t(`resources.regions.${k}`))]}
            error={apiError?.fieldError('regionCode')}
          />
          <TextField label={t('resources.year')} type="number" inputMode="numeric" min={1950} max={2100} step={1} value={draft.year} onChange={(e) => set('year')(e.target.value)} error={apiError?.fieldError('year')} />
        </div>
        <TextField
          label={t('resources.form.link')}
          type="url"
          dir="ltr"
          placeholder="https://"
          value={draft.url ?? ''}
          maxLength={2000}
          onChange={(e) => set('url')(e.target.value)}
          hint={t('resources.form.linkHint')}
          error={apiError?.fieldError('url')}
        />
        <SelectField
          label={t('resources.visibility')}
          value={draft.visibility}
          onChange={(e) => set('visibility')(e.target.value as Draft['visibility'])}
          options={options(RESOURCE_VISIBILITIES, (k) => t(`resources.visibilities.${k}`))}
          hint={t(`resources.visibilityHints.${draft.visibility}`)}
          error={apiError?.fieldError('visibility')}
        />
        <div className={`field ${fileProblem !== 'ok' ? 'field-invalid' : ''}`}>
          <label htmlFor={fileId}>{t('resources.file.label')}</label>
          {resource?.file && (
            <p className="muted">
              {t('resources.file.current')} <bdi>{resource.file.name}</bdi> ({formatFileSize(resource.file.size, language)})
            </p>
          )}
          <input
            ref={fileInput}
            id={fileId}
            type="file"
            accept={RESOURCE_FILE_ACCEPT}
            aria-invalid={fileProblem !== 'ok' || undefined}
            aria-describedby={`${fileId}-hint`}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setUpload({ state: 'idle' });
            }}
          />
          <p className="field-hint" id={`${fileId}-hint`}>
            {resource?.file ? t('resources.file.replaceHint') : t('resources.file.hint')}
          </p>
          {fileProblem !== 'ok' && (
            <p className="field-error" role="alert">
              {t(FILE_PROBLEM_KEYS[fileProblem])}
            </p>
          )}
        </div>
        <div className="upload-status" role="status">
          {upload.state === 'sending' && (
            <>
              {t('resources.file.uploading', { percent: Math.round(upload.share * 100) })}{' '}
              <progress max={1} value={upload.share} aria-label={t('resources.file.label')} />
            </>
          )}
          {upload.state === 'processing' && t('resources.file.processing')}
        </div>
        {upload.state === 'failed' && (
          <Alert kind="error">
            <p>{upload.message}</p>
            {savedId && (
              <p>
                {t('resources.file.savedWithoutFile')} <Link to={`/resources/${savedId}`}>{t('resources.file.openSaved')}</Link>
              </p>
            )}
          </Alert>
        )}
        <div className="button-row">
          <Button type="submit" busy={busy} disabled={!resource && !organisationId}>
            {upload.state === 'failed' ? t('resources.form.retry') : resource ? t('common.save') : t('resources.form.create')}
          </Button>
          <Link className="btn btn-secondary" to={savedId ? `/resources/${savedId}` : '/resources'}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </Card>
  );
}
