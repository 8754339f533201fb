import {
  CYCLE_STAGES,
  DETERMINANTS,
  LESSON_VISIBILITIES,
  LEVELS,
  SECTORS,
  SUPPORTED_LANGUAGES,
  type Evidence,
  type Lesson,
  type LessonInput,
} from '@simashe/contracts';
import { useCurrentUser } from '@simashe/web-accounts';
import { ApiError } from '@simashe/web-api-client';
import { LANGUAGE_NAMES } from '@simashe/web-i18n';
import { canWriteIn, useOrganisations } from '@simashe/web-organisations';
import { Alert, Button, Card, CheckboxGroup, SelectField, TextAreaField, TextField, useFocusFirstInvalid } from '@simashe/web-ui';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useEvidenceChoices } from './queries';

type Draft = Omit<LessonInput, 'organisationId'> & { organisationId: string };

const TEXT_SECTIONS = ['context', 'actions', 'worked', 'didNotWork', 'recommendation'] as const;

/** Writing or editing a lesson: its story, tags, where it came from, its language and who may read it. */
export function LessonForm({ lesson, busy, error, onSubmit }: { lesson?: Lesson; busy: boolean; error: Error | null; onSubmit: (draft: Draft) => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const organisations = useOrganisations();
  const writable = (organisations.data?.items ?? []).filter(canWriteIn);
  const [draft, setDraft] = useState<Draft>(() => ({
    organisationId: lesson?.organisationId ?? '',
    title: lesson?.title ?? '',
    context: lesson?.context ?? '',
    actions: lesson?.actions ?? '',
    worked: lesson?.worked ?? '',
    didNotWork: lesson?.didNotWork ?? '',
    recommendation: lesson?.recommendation ?? '',
    determinants: lesson?.determinants ?? [],
    sectors: lesson?.sectors ?? [],
    levels: lesson?.levels ?? [],
    initiative: lesson?.initiative ?? '',
    cycleStage: lesson?.cycleStage ?? null,
    language: lesson?.language ?? user.preferredLanguage,
    visibility: lesson?.visibility ?? 'organisation',
    evidence: lesson?.evidence ?? [],
  }));
  const [link, setLink] = useState('');
  const choices = useEvidenceChoices();
  const apiError = error instanceof ApiError ? error : null;
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const organisationId = draft.organisationId || writable[0]?.id || '';
  // After a refused save, focus (and the view) goes to the first field to fix: on a phone the button is far below.
  const form = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstInvalid(form, attempt, error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    onSubmit({ ...draft, organisationId });
  };

  return (
    <Card>
      <form ref={form} onSubmit={submit} noValidate className="lesson-form">
        {!lesson && writable.length === 0 && organisations.isSuccess && <Alert kind="info">{t('lessons.noOrganisation')}</Alert>}
        {apiError && <Alert kind="error">{apiError.details.length ? t('lessons.fixErrors') : apiError.message}</Alert>}
        {!lesson && (
          <SelectField label={t('lessons.organisation')} value={organisationId} onChange={(e) => set('organisationId')(e.target.value)} options={writable.map((o) => ({ value: o.id, label: o.name }))} />
        )}
        <TextField label={t('lessons.titleField')} value={draft.title} onChange={(e) => set('title')(e.target.value)} error={apiError?.fieldError('title')} />
        {TEXT_SECTIONS.map((section) => (
          <TextAreaField key={section} label={t(`lessons.sections.${section}`)} rows={4} maxLength={10_000} value={draft[section]} onChange={(event) => set(section)(event.target.value)} error={apiError?.fieldError(section)} />
        ))}
        <CheckboxGroup legend={t('lessons.determinants')} values={DETERMINANTS} chosen={draft.determinants} label={(v) => t(`lessons.determinant.${v}`)} onChange={set('determinants')} />
        <CheckboxGroup legend={t('lessons.sectors')} values={SECTORS} chosen={draft.sectors} label={(v) => t(`lessons.sector.${v}`)} onChange={set('sectors')} />
        <CheckboxGroup legend={t('lessons.levels')} values={LEVELS} chosen={draft.levels} label={(v) => t(`lessons.level.${v}`)} onChange={set('levels')} />
        <div className="form-row">
          <TextField label={t('lessons.initiative')} value={draft.initiative} onChange={(e) => set('initiative')(e.target.value)} error={apiError?.fieldError('initiative')} />
          <SelectField
            label={t('lessons.stage')}
            value={draft.cycleStage ?? ''}
            onChange={(e) => set('cycleStage')((e.target.value || null) as Draft['cycleStage'])}
            options={[{ value: '', label: t('lessons.noStage') }, ...CYCLE_STAGES.map((stage) => ({ value: stage, label: t(`lessons.stages.${stage}`) }))]}
          />
          <SelectField label={t('lessons.language')} value={draft.language} onChange={(e) => set('language')(e.target.value as Draft['language'])} options={SUPPORTED_LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }))} />
          <SelectField
            label={t('lessons.visibility')}
            value={draft.visibility}
            onChange={(e) => set('visibility')(e.target.value as Draft['visibility'])}
            options={LESSON_VISIBILITIES.map((v) => ({ value: v, label: t(`lessons.visibilities.${v}`) }))}
          />
        </div>
        <fieldset className="invitees">
          <legend>{t('lessons.evidence')}</legend>
          <ul>
            {draft.evidence.map((item, index) => (
              <li key={index}>
                {item.kind === 'link' ? item.url : `${t(`lessons.evidenceKinds.${item.kind}`)} ${item.label || item.id}`}{' '}
                <Button variant="link" className="link-dark" onClick={() => set('evidence')(draft.evidence.filter((_, i) => i !== index))}>
                  {t('lessons.removeEvidence')}
                </Button>
                {apiError?.fieldError(`evidence.${index}.url`) && <p className="field-error">{apiError.fieldError(`evidence.${index}.url`)}</p>}
              </li>
            ))}
          </ul>
          <div className="form-row">
            <SelectField
              label={t('lessons.evidenceReport')}
              value=""
              onChange={(e) => {
                const report = choices.reports.find((r) => r.id === e.target.value);
                if (report) set('evidence')([...draft.evidence, { kind: 'report', id: report.id, label: report.title }]);
              }}
              options={[{ value: '', label: t('lessons.none') }, ...choices.reports.map((r) => ({ value: r.id, label: r.title }))]}
            />
            <SelectField
              label={t('lessons.evidenceMeeting')}
              value=""
              onChange={(e) => {
                const meeting = choices.meetings.find((m) => m.id === e.target.value);
                if (meeting) set('evidence')([...draft.evidence, { kind: 'meeting', id: meeting.id, label: meeting.title }]);
              }}
              options={[{ value: '', label: t('lessons.none') }, ...choices.meetings.map((m) => ({ value: m.id, label: m.title }))]}
            />
          </div>
          <div className="form-row">
            <TextField label={t('lessons.evidenceLink')} type="url" value={link} onChange={(e) => setLink(e.target.value)} dir="ltr" />
            <Button
              variant="secondary"
              disabled={!link.trim()}
              onClick={() => {
                set('evidence')([...draft.evidence, { kind: 'link', url: link.trim(), label: '' } as Evidence]);
                setLink('');
              }}
            >
              {t('lessons.addEvidence')}
            </Button>
          </div>
        </fieldset>
        <Button type="submit" busy={busy}>
          {lesson ? t('common.save') : t('lessons.saveDraft')}
        </Button>
      </form>
    </Card>
  );
}
