import { COURSE_MODULE_KINDS, SUPPORTED_LANGUAGES, type Course, type CourseModuleKind } from '@simashe/contracts';
import { useCurrentUser } from '@simashe/web-accounts';
import { ApiError } from '@simashe/web-api-client';
import { LANGUAGE_NAMES } from '@simashe/web-i18n';
import { canWriteIn, useOrganisations } from '@simashe/web-organisations';
import { useResources } from '@simashe/web-resources';
import { Alert, BackLink, Button, Card, ConfirmDialog, LoadingState, QueryError, SelectField, TextAreaField, TextField, useFocusFirstInvalid, usePageTitle } from '@simashe/web-ui';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  addOption,
  courseInput,
  draftFromCourse,
  emptyCourse,
  emptyModule,
  emptyQuestion,
  MAX_MODULES,
  MAX_OPTIONS,
  MAX_QUESTIONS,
  MIN_OPTIONS,
  moveItem,
  removeOption,
  type CourseDraft,
  type ModuleDraft,
  type QuestionDraft,
} from './training-logic';
import { useCourse, useCreateCourse, useDeleteCourse, useUpdateCourse } from './training-queries';
import './training.css';

type FieldError = (path: string) => string | undefined;

/** A library resource to point a module at; one the picker does not list (deleted, unreadable) stays as it was. */
function ResourcePicker({ module, onChange, error }: { module: ModuleDraft; onChange: (resourceId: string) => void; error?: string }) {
  const { t } = useTranslation();
  const resources = useResources('member', {});
  const items = resources.data?.items ?? [];
  const options = [{ value: '', label: resources.isPending ? t('common.loading') : t('training.editor.chooseResource') }, ...items.map((resource) => ({ value: resource.id, label: resource.title }))];
  if (module.resourceId && !items.some((resource) => resource.id === module.resourceId)) {
    options.push({ value: module.resourceId, label: module.resourceTitle ?? t('training.module.resourceGone') });
  }
  return <SelectField label={t('training.editor.resource')} value={module.resourceId} onChange={(event) => onChange(event.target.value)} options={options} error={error ?? (resources.isError ? resources.error.message : undefined)} />;
}

function QuestionEditor({
  question,
  number,
  path,
  fieldError,
  onChange,
  onRemove,
}: {
  question: QuestionDraft;
  number: number;
  path: string;
  fieldError: FieldError;
  onChange: (question: QuestionDraft) => void;
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  const groupName = useId();
  const correctError = fieldError(`${path}.correct`);
  const optionsError = fieldError(`${path}.options`);
  return (
    <fieldset className="training-question">
      <legend>{t('training.editor.question', { number })}</legend>
      <TextField label={t('training.editor.prompt')} value={question.prompt} maxLength={500} dir="auto" onChange={(event) => onChange({ ...question, prompt: event.target.value })} error={fieldError(`${path}.prompt`)} />
      <fieldset className={`training-options ${correctError || optionsError ? 'field-invalid' : ''}`}>
        <legend>{t('training.editor.answers')}</legend>
        <p className="field-hint">{t('training.editor.answersHint', { min: MIN_OPTIONS, max: MAX_OPTIONS })}</p>
        <ol>
          {question.options.map((option, index) => (
            // Answers have no identity of their own; the index is what the API's error paths name too.
            <li key={index} className="training-option-row">
              <label className="training-correct">
                <input
                  type="radio"
                  name={groupName}
                  checked={question.correct === index}
                  aria-invalid={correctError ? true : undefined}
                  onChange={() => onChange({ ...question, correct: index })}
                />{' '}
                {t('training.editor.isCorrect', { number: index + 1 })}
              </label>
              <TextField
                label={t('training.editor.answer', { number: index + 1 })}
                value={option}
                maxLength={300}
                dir="auto"
                onChange={(event) => onChange({ ...question, options: question.options.map((current, at) => (at === index ? event.target.value : current)) })}
                error={fieldError(`${path}.options.${index}`)}
              />
              {question.options.length > MIN_OPTIONS && (
                <Button variant="secondary" aria-label={t('training.editor.removeAnswer', { number: index + 1, question: number })} onClick={() => onChange(removeOption(question, index))}>
                  {t('common.remove')}
                </Button>
              )}
            </li>
          ))}
        </ol>
        {(correctError || optionsError) && <p className="field-error">{correctError ?? optionsError}</p>}
        {question.options.length < MAX_OPTIONS && (
          <Button variant="secondary" onClick={() => onChange(addOption(question))}>
            {t('training.editor.addAnswer')}
          </Button>
        )}
      </fieldset>
      {onRemove && (
        <Button variant="secondary" onClick={onRemove}>
          {t('training.editor.removeQuestion', { number })}
        </Button>
      )}
    </fieldset>
  );
}

function ModuleEditor({
  module,
  index,
  count,
  fieldError,
  onChange,
  onMove,
  onRemove,
}: {
  module: ModuleDraft;
  index: number;
  count: number;
  fieldError: FieldError;
  onChange: (module: ModuleDraft) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const path = `modules.${index}`;
  const set = <K extends keyof ModuleDraft>(key: K, value: ModuleDraft[K]) => onChange({ ...module, [key]: value });
  const number = index + 1;
  const questionsError = fieldError(`${path}.questions`);
  return (
    <fieldset className="training-module-editor" data-module-key={module.key}>
      <legend>{t('training.editor.moduleLegend', { number, kind: t(`training.kinds.${module.kind}`) })}</legend>
      <div className="button-row training-module-tools">
        <Button variant="secondary" data-move="up" disabled={index === 0} aria-label={t('training.editor.moveUp', { number })} onClick={() => onMove(-1)}>
          {t('training.editor.up')}
        </Button>
        <Button variant="secondary" data-move="down" disabled={index === count - 1} aria-label={t('training.editor.moveDown', { number })} onClick={() => onMove(1)}>
          {t('training.editor.down')}
        </Button>
        <Button variant="secondary" aria-label={t('training.editor.removeModule', { number })} onClick={onRemove}>
          {t('common.remove')}
        </Button>
      </div>
      <TextField label={t('training.editor.moduleTitle')} value={module.title} maxLength={200} dir="auto" required onChange={(event) => set('title', event.target.value)} error={fieldError(`${path}.title`)} />
      <TextAreaField
        label={module.kind === 'reflection' ? t('training.editor.reflectionPrompt') : t('training.editor.instructions')}
        value={module.body}
        rows={3}
        maxLength={4000}
        onChange={(event) => set('body', event.target.value)}
        error={fieldError(`${path}.body`)}
      />
      {module.kind === 'resource' && <ResourcePicker module={module} onChange={(resourceId) => set('resourceId', resourceId)} error={fieldError(`${path}.resourceId`)} />}
      {module.kind === 'webinar' && (
        <TextField label={t('training.editor.url')} type="url" dir="ltr" placeholder="https://" value={module.url} maxLength={2000} onChange={(event) => set('url', event.target.value)} error={fieldError(`${path}.url`)} />
      )}
      {module.kind === 'quiz' && (
        <>
          <TextField
            label={t('training.editor.passMark')}
            hint={t('training.editor.passMarkHint')}
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            step={1}
            value={module.passMark}
            onChange={(event) => set('passMark', event.target.value)}
            error={fieldError(`${path}.passMark`)}
          />
          {module.questions.map((question, at) => (
            <QuestionEditor
              key={question.key}
              question={question}
              number={at + 1}
              path={`${path}.questions.${at}`}
              fieldError={fieldError}
              onChange={(next) => set('questions', module.questions.map((current, i) => (i === at ? next : current)))}
              onRemove={module.questions.length > 1 ? () => set('questions', module.questions.filter((_, i) => i !== at)) : undefined}
            />
          ))}
          {questionsError && <p className="field-error">{questionsError}</p>}
          {module.questions.length < MAX_QUESTIONS && (
            <Button variant="secondary" onClick={() => set('questions', [...module.questions, emptyQuestion()])}>
              {t('training.editor.addQuestion')}
            </Button>
          )}
        </>
      )}
    </fieldset>
  );
}

/** The whole course in one form; saving sends all of it (the API replaces the modules, keeping those with an id). */
function CourseEditor({ course }: { course?: Course }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const organisations = useOrganisations();
  const writable = (organisations.data?.items ?? []).filter(canWriteIn);
  const [draft, setDraft] = useState<CourseDraft>(() => (course ? draftFromCourse(course) : emptyCourse('', user.preferredLanguage)));
  const [newKind, setNewKind] = useState<CourseModuleKind>('resource');
  const [removing, setRemoving] = useState<number | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [attempt, setAttempt] = useState(0);
  // After a move, the focus follows the moved module's button (the DOM node moved, and the browser may drop it).
  const [moved, setMoved] = useState<{ key: string; direction: 'up' | 'down' } | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const create = useCreateCourse();
  const update = useUpdateCourse(course?.id ?? '');
  const remove = useDeleteCourse(course?.id ?? '');
  const save = course ? update : create;
  const apiError = save.error instanceof ApiError ? save.error : null;
  const fieldError: FieldError = (path) => apiError?.fieldError(path);
  const organisationId = draft.organisationId || writable[0]?.id || '';
  const set = <K extends keyof CourseDraft>(key: K, value: CourseDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const setModules = (update: (modules: ModuleDraft[]) => ModuleDraft[]) => setDraft((current) => ({ ...current, modules: update(current.modules) }));

  useFocusFirstInvalid(form, attempt, save.error);

  useEffect(() => {
    if (!moved) return;
    const box = form.current?.querySelector(`[data-module-key="${moved.key}"]`);
    const button = box?.querySelector<HTMLButtonElement>(`[data-move="${moved.direction}"]`);
    (button && !button.disabled ? button : box?.querySelector<HTMLButtonElement>(`[data-move="${moved.direction === 'up' ? 'down' : 'up'}"]`))?.focus();
  }, [moved, draft.modules]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = courseInput({ ...draft, organisationId });
    save.mutate(input, { onSuccess: (saved) => navigate(`/training/${saved.id}`), onSettled: () => setAttempt((n) => n + 1) });
  };

  const addModule = () => {
    const module = emptyModule(newKind);
    setModules((modules) => [...modules, module]);
    // The new module's title is where the author types next.
    setTimeout(() => form.current?.querySelector<HTMLInputElement>(`[data-module-key="${module.key}"] input`)?.focus(), 0);
  };

  const otherErrors = apiError && (!apiError.details.length ? apiError.message : null);
  const modulesError = fieldError('modules');
  const removingModule = removing === null ? undefined : draft.modules[removing];

  return (
    <Card>
      <form ref={form} onSubmit={submit} noValidate className="training-editor">
        {apiError && <Alert kind="error">{otherErrors ?? t('training.editor.fixErrors')}</Alert>}
        {!course && writable.length === 0 && organisations.isSuccess && <Alert kind="info">{t('training.editor.noOrganisation')}</Alert>}
        {!course && (
          <SelectField
            label={t('training.organisation')}
            value={organisationId}
            onChange={(event) => set('organisationId', event.target.value)}
            options={writable.map((o) => ({ value: o.id, label: o.name }))}
            error={fieldError('organisationId')}
          />
        )}
        <TextField label={t('training.editor.title')} value={draft.title} maxLength={200} dir="auto" required onChange={(event) => set('title', event.target.value)} error={fieldError('title')} />
        <TextAreaField label={t('training.editor.summary')} value={draft.summary} rows={4} maxLength={4000} onChange={(event) => set('summary', event.target.value)} error={fieldError('summary')} />
        <SelectField
          label={t('training.language')}
          value={draft.language}
          onChange={(event) => set('language', event.target.value as CourseDraft['language'])}
          options={SUPPORTED_LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }))}
          error={fieldError('language')}
        />

        <section className="training-editor-modules" aria-labelledby="training-editor-modules">
          <h2 id="training-editor-modules">{t('training.modules')}</h2>
          {draft.modules.length === 0 && <p className="muted">{t('training.editor.noModules')}</p>}
          <ol>
            {draft.modules.map((module, index) => (
              <li key={module.key}>
                <ModuleEditor
                  module={module}
                  index={index}
                  count={draft.modules.length}
                  fieldError={fieldError}
                  onChange={(next) => setModules((modules) => modules.map((current) => (current.key === module.key ? next : current)))}
                  onMove={(delta) => {
                    setModules((modules) => moveItem(modules, modules.findIndex((current) => current.key === module.key), delta));
                    setMoved({ key: module.key, direction: delta < 0 ? 'up' : 'down' });
                  }}
                  onRemove={() => setRemoving(index)}
                />
              </li>
            ))}
          </ol>
          {modulesError && <p className="field-error">{modulesError}</p>}
          {draft.modules.length < MAX_MODULES && (
            <div className="form-row training-add-module">
              <SelectField
                label={t('training.editor.newKind')}
                value={newKind}
                onChange={(event) => setNewKind(event.target.value as CourseModuleKind)}
                options={COURSE_MODULE_KINDS.map((kind) => ({ value: kind, label: t(`training.kinds.${kind}`) }))}
              />
              <Button ref={addButton} variant="secondary" onClick={addModule}>
                {t('training.editor.addModule')}
              </Button>
            </div>
          )}
        </section>

        <div className={`field ${fieldError('published') ? 'field-invalid' : ''}`}>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.published}
              aria-invalid={fieldError('published') ? true : undefined}
              aria-describedby="training-published-hint"
              onChange={(event) => set('published', event.target.checked)}
            />{' '}
            {t('training.editor.published')}
          </label>
          <p className="field-hint" id="training-published-hint">
            {t('training.editor.publishedHint')}
          </p>
          {fieldError('published') && <p className="field-error">{fieldError('published')}</p>}
        </div>

        <div className="button-row">
          <Button type="submit" busy={save.isPending} disabled={!course && !organisationId}>
            {course ? t('common.save') : t('training.editor.create')}
          </Button>
          <Link className="btn btn-secondary" to={course ? `/training/${course.id}` : '/training'}>
            {t('common.cancel')}
          </Link>
          {course && (
            <Button variant="danger" onClick={() => setDeleting(true)}>
              {t('training.editor.delete')}
            </Button>
          )}
        </div>
      </form>
      <ConfirmDialog
        open={removingModule !== undefined}
        danger
        title={t('training.editor.removeModuleTitle')}
        message={<p>{t(removingModule?.id ? 'training.editor.removeModuleSaved' : 'training.editor.removeModuleBody', { title: removingModule?.title.trim() || t('training.editor.untitled') })}</p>}
        confirmLabel={t('common.remove')}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          const key = removingModule?.key;
          setModules((modules) => modules.filter((current) => current.key !== key));
          setRemoving(null);
          // The removed module's button, which opened the dialog, is gone: the focus goes to "Add module".
          setTimeout(() => addButton.current?.focus(), 0);
        }}
      />
      {course && (
        <ConfirmDialog
          open={deleting}
          danger
          title={t('training.editor.deleteTitle')}
          message={<p>{t('training.editor.deleteBody', { title: course.title })}</p>}
          confirmLabel={t('training.editor.delete')}
          busy={remove.isPending}
          error={remove.error && <Alert kind="error">{remove.error.message}</Alert>}
          onCancel={() => {
            setDeleting(false);
            remove.reset();
          }}
          onConfirm={() => remove.mutate(undefined, { onSuccess: () => navigate('/training') })}
        />
      )}
    </Card>
  );
}

/** `/training/new`. */
export function NewCoursePage() {
  const { t } = useTranslation();
  usePageTitle(t('training.newCourse'));
  return (
    <>
      <BackLink to="/training">{t('training.title')}</BackLink>
      <h1>{t('training.newCourse')}</h1>
      <CourseEditor />
    </>
  );
}

/** `/training/:id/edit`. */
export function EditCoursePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const course = useCourse(id);
  usePageTitle(course.data ? t('training.editor.editTitle', { title: course.data.title }) : t('training.edit'));
  if (course.isPending) return <LoadingState label={t('common.loading')} />;
  if (course.isError) return <QueryError error={course.error} onRetry={() => course.refetch()} />;
  return (
    <>
      <BackLink to={`/training/${id}`} auto>{course.data.title}</BackLink>
      <h1>{t('training.edit')}</h1>
      {course.data.canEdit ? <CourseEditor key={course.data.id} course={course.data} /> : <Alert kind="info">{t('training.editor.cannotEdit')}</Alert>}
    </>
  );
}
