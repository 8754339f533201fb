import { CYCLE_STAGES_FLOW, REFLECTION_DECISIONS, type Cycle, type CyclePlan, type DriverNode, type ObservationEvidence, type Reflection, type StartCycleRequest, type StoredFile } from '@simashe/contracts';
import { useCurrentUser } from '@simashe/web-accounts';
import { useDateFormatter, useFormatters } from '@simashe/web-i18n';
import { Alert, Button, SelectField, TextAreaField, TextField, useConfirm } from '@simashe/web-ui';
import { Fragment, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DeleteLink, StageBadge, fieldError } from './common';
import { dateInZone, nextStage, observationDateProblem, previousStage } from './cycle-logic';
import { MilestoneBoard } from './milestone-board';
import { useAddObservation, useCitableActionItems, useEvidenceOptions, useMoveStage, usePublishLesson, useReflect, useRemoveObservation, useStartCycle, useUpdateCycle, useUploadEvidenceFile } from './queries';

const PLAN_FIELDS = ['objective', 'prediction', 'measurement', 'who', 'when', 'where'] as const;
const EMPTY_PLAN: CyclePlan = { objective: '', prediction: '', measurement: '', who: '', when: '', where: '' };

/** Plan fields and the change ideas a cycle tests: used to start a cycle and to edit its plan. */
function PlanForm({ initial, changeIdeas, busy, error, submitLabel, onSubmit, readOnly }: {
  initial: StartCycleRequest;
  changeIdeas: DriverNode[];
  busy: boolean;
  error: Error | null;
  submitLabel: string;
  onSubmit: (input: StartCycleRequest) => void;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<StartCycleRequest>(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(draft);
  };
  // Someone who cannot change the plan, or a closed cycle, reads it as text: greyed-out fields cut it off.
  if (readOnly) {
    const tested = changeIdeas.filter((idea) => initial.changeIdeaIds.includes(idea.id));
    return (
      <dl className="read-fields">
        <dt>{t('cycles.plan.title')}</dt>
        <dd dir="auto">{initial.title}</dd>
        {PLAN_FIELDS.filter((field) => initial.plan[field].trim()).map((field) => (
          <Fragment key={field}>
            <dt>{t(`cycles.plan.${field}`)}</dt>
            <dd dir="auto">{initial.plan[field]}</dd>
          </Fragment>
        ))}
        {tested.length > 0 && (
          <>
            <dt>{t('cycles.plan.changeIdeas')}</dt>
            <dd>
              <ul>
                {tested.map((idea) => (
                  <li key={idea.id} dir="auto">{idea.label}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      {error && <Alert kind="error">{error.message}</Alert>}
      <TextField label={t('cycles.plan.title')} value={draft.title} required maxLength={200} onChange={(e) => setDraft({ ...draft, title: e.target.value })} error={fieldError(error, 'title')} />
      <div className="plan-grid">
        {PLAN_FIELDS.map((field) => (
          <TextAreaField key={field} label={t(`cycles.plan.${field}`)} rows={2} maxLength={4000} value={draft.plan[field]} onChange={(event) => setDraft({ ...draft, plan: { ...draft.plan, [field]: event.target.value } })} error={fieldError(error, `plan.${field}`)} />
        ))}
      </div>
      {changeIdeas.length > 0 && (
        <fieldset className="invitees">
          <legend>{t('cycles.plan.changeIdeas')}</legend>
          {changeIdeas.map((idea) => (
            <label key={idea.id} className="checkbox">
              <input
                type="checkbox"
                checked={draft.changeIdeaIds.includes(idea.id)}
                onChange={(e) => setDraft({ ...draft, changeIdeaIds: e.target.checked ? [...draft.changeIdeaIds, idea.id] : draft.changeIdeaIds.filter((id) => id !== idea.id) })}
              />{' '}
              {idea.label}
            </label>
          ))}
        </fieldset>
      )}
      <Button type="submit" busy={busy} disabled={draft.title.trim().length < 3}>
        {submitLabel}
      </Button>
    </form>
  );
}

export function StartCycleForm({ initiativeId, changeIdeas, nextNumber }: { initiativeId: string; changeIdeas: DriverNode[]; nextNumber: number }) {
  const { t } = useTranslation();
  const start = useStartCycle(initiativeId);
  return (
    <PlanForm
      initial={{ title: '', changeIdeaIds: [], plan: EMPTY_PLAN }}
      changeIdeas={changeIdeas}
      busy={start.isPending}
      error={start.error}
      submitLabel={t('cycles.start', { number: nextNumber })}
      onSubmit={(input) => start.mutate(input)}
      readOnly={false}
    />
  );
}

function StageStepper({ cycle }: { cycle: Cycle }) {
  const { t } = useTranslation();
  const current = CYCLE_STAGES_FLOW.indexOf(cycle.stage);
  return (
    <ol className="stage-stepper" aria-label={t('cycles.stagesLabel')}>
      {CYCLE_STAGES_FLOW.map((stage, index) => (
        <li key={stage} className={index < current ? 'stage-done' : index === current ? 'stage-current' : 'stage-next'} aria-current={index === current ? 'step' : undefined}>
          <span className="stage-name">{t(`cycles.stages.${stage}`)}</span>
          {stage !== 'closed' && <span className="stage-pdsa">{t(`cycles.pdsa.${stage}`)}</span>}
        </li>
      ))}
    </ol>
  );
}

/** What an observation cites, as a link: the page of a report, meeting or lesson, a download, or the web address. */
function EvidenceLink({ item, initiativeId }: { item: ObservationEvidence; initiativeId: string }) {
  const { t } = useTranslation();
  // Labels are in whatever language they were written: isolated, so right-to-left pages keep their punctuation.
  if (item.kind === 'link') return <a href={item.url} rel="noopener noreferrer" target="_blank" dir="auto">{item.label || item.url}</a>;
  const label = <bdi>{item.label || t(`cycles.evidence.${item.kind}`)}</bdi>;
  if (item.kind === 'file') {
    return (
      <a href={`/api/initiatives/${initiativeId}/files/${item.id}`} download>
        {t('cycles.evidence.labelled', { kind: t('cycles.evidence.file') })}
        {label}
      </a>
    );
  }
  const path = item.kind === 'report' ? `/reports/${item.id}` : item.kind === 'lesson' ? `/lessons/${item.id}` : `/meetings/${item.id}`;
  return (
    <Link to={path}>
      {item.kind === 'action_item' && t('cycles.evidence.labelled', { kind: t('cycles.evidence.action_item') })}
      {label}
    </Link>
  );
}

function Observations({ cycle, canEdit }: { cycle: Cycle; canEdit: boolean }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const format = useDateFormatter(user.timeZone);
  const { calendarDate } = useFormatters(user.timeZone);
  const add = useAddObservation(cycle.id);
  const remove = useRemoveObservation();
  const confirm = useConfirm();
  const upload = useUploadEvidenceFile(cycle.initiativeId);
  const options = useEvidenceOptions(canEdit);
  const fileInput = useId();
  const [observedOn, setObservedOn] = useState(() => dateInZone(new Date(), user.timeZone));
  const [dateProblem, setDateProblem] = useState<'future' | 'beforeStart' | null>(null);
  const [note, setNote] = useState('');
  const [link, setLink] = useState('');
  const [cited, setCited] = useState('');
  const [itemId, setItemId] = useState('');
  const [files, setFiles] = useState<StoredFile[]>([]);
  const citedMeeting = cited.startsWith('meeting:') ? cited.slice('meeting:'.length) : null;
  const actionItems = useCitableActionItems(citedMeeting);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = observationDateProblem(observedOn, cycle.startedAt, user.timeZone);
    setDateProblem(problem);
    if (problem) return;
    const evidence: ObservationEvidence[] = [];
    if (link.trim()) evidence.push({ kind: 'link', url: link.trim(), label: '' });
    if (cited) {
      const [kind, id] = cited.split(':') as ['report' | 'lesson' | 'meeting', string];
      const item = itemId ? actionItems.data?.find((candidate) => candidate.itemId === itemId) : undefined;
      if (kind === 'meeting' && item) {
        evidence.push({ kind: 'action_item', id, itemId: item.itemId, label: (item.text || item.ownerName || '').slice(0, 200) });
      } else {
        const label = [...options.reports, ...options.lessons, ...options.meetings].find((o) => o.id === id)?.title ?? '';
        evidence.push({ kind, id, label: label.slice(0, 200) });
      }
    }
    evidence.push(...files.map((file) => ({ kind: 'file' as const, id: file.id, label: file.name.slice(0, 200) })));
    add.mutate({ observedOn, note, evidence }, { onSuccess: () => (setNote(''), setLink(''), setCited(''), setItemId(''), setFiles([])) });
  };
  return (
    <>
      {cycle.observations.length === 0 ? (
        <p className="muted">{t('cycles.observations.empty')}</p>
      ) : (
        <ul className="observation-list">
          {cycle.observations.map((observation) => (
            <li key={observation.id}>
              <strong>{calendarDate(observation.observedOn)}</strong> — <bdi>{observation.note}</bdi>
              {observation.evidence.length > 0 && (
                <ul className="evidence-list">
                  {observation.evidence.map((item, index) => (
                    <li key={index}>
                      <EvidenceLink item={item} initiativeId={cycle.initiativeId} />
                    </li>
                  ))}
                </ul>
              )}
              <div className="muted">
                <bdi>{observation.authorName}</bdi>
                {canEdit && (
                  <DeleteLink
                    label={t('cycles.observations.deleteOf', { date: calendarDate(observation.observedOn) })}
                    message={t('cycles.observations.confirmDelete')}
                    ask={confirm.ask}
                    onConfirmed={() => remove.mutate(observation.id)}
                  />
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form onSubmit={submit} aria-label={t('cycles.observations.add')}>
          {add.error && <Alert kind="error">{add.error.message}</Alert>}
          <div className="form-row">
            <TextField
              label={t('cycles.observations.date')}
              type="date"
              required
              value={observedOn}
              onChange={(e) => (setObservedOn(e.target.value), setDateProblem(null))}
              error={
                dateProblem === 'future'
                  ? t('cycles.observations.future')
                  : dateProblem === 'beforeStart'
                    ? t('cycles.observations.beforeStart', { date: format(cycle.startedAt, { dateStyle: 'medium' }) })
                    : fieldError(add.error, 'observedOn')
              }
            />
            <TextField label={t('cycles.observations.link')} type="url" dir="ltr" value={link} placeholder="https://" onChange={(e) => setLink(e.target.value)} error={fieldError(add.error, 'evidence.0.url')} />
            <SelectField
              label={t('cycles.observations.cite')}
              value={cited}
              onChange={(e) => (setCited(e.target.value), setItemId(''))}
              options={[
                { value: '', label: t('cycles.observations.nothing') },
                ...options.reports.map((r) => ({ value: `report:${r.id}`, label: `${t('cycles.evidence.labelled', { kind: t('cycles.evidence.report') })}${r.title}` })),
                ...options.meetings.map((m) => ({ value: `meeting:${m.id}`, label: `${t('cycles.evidence.labelled', { kind: t('cycles.evidence.meeting') })}${m.title}` })),
                ...options.lessons.map((l) => ({ value: `lesson:${l.id}`, label: `${t('cycles.evidence.labelled', { kind: t('cycles.evidence.lesson') })}${l.title}` })),
              ]}
            />
            {citedMeeting && (actionItems.data?.length ?? 0) > 0 && (
              <SelectField
                label={t('cycles.observations.actionItem')}
                value={itemId}
                onChange={(e) => setItemId(e.target.value)}
                options={[
                  { value: '', label: t('cycles.observations.wholeMeeting') },
                  ...(actionItems.data ?? []).map((item) => ({
                    value: item.itemId,
                    label: [item.text || t('cycles.evidence.action_item'), item.ownerName, item.dueDate].filter(Boolean).join(' · '),
                  })),
                ]}
              />
            )}
          </div>
          <div className="field">
            <label htmlFor={fileInput}>{t('cycles.observations.attach')}</label>
            <input
              id={fileInput}
              type="file"
              disabled={upload.isPending}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) upload.mutate(file, { onSuccess: (stored) => setFiles((current) => [...current, stored]), onSettled: () => (e.target.value = '') });
              }}
            />
            <p className="muted">{upload.isPending ? t('cycles.observations.uploading') : t('cycles.observations.fileHint')}</p>
            {upload.error && <p className="field-error">{upload.error.message}</p>}
            {files.length > 0 && (
              <ul className="evidence-list" aria-label={t('cycles.observations.attached')}>
                {files.map((file) => (
                  <li key={file.id}>
                    {file.name}{' '}
                    <Button variant="link" className="danger-link" onClick={() => setFiles((current) => current.filter((other) => other.id !== file.id))}>
                      {t('cycles.observations.removeFile', { name: file.name })}
                    </Button>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <TextAreaField label={t('cycles.observations.note')} rows={2} maxLength={4000} value={note} onChange={(event) => setNote(event.target.value)} error={fieldError(add.error, 'note')} />
          <Button type="submit" busy={add.isPending} disabled={!note.trim() || upload.isPending}>
            {t('cycles.observations.add')}
          </Button>
        </form>
      )}
      {confirm.dialog}
    </>
  );
}

function ReflectionSection({ cycle, canEdit }: { cycle: Cycle; canEdit: boolean }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const reflect = useReflect(cycle.id);
  const publish = usePublishLesson(cycle.id);
  const [draft, setDraft] = useState<Reflection>(cycle.reflection ?? { whatChanged: '', learned: '', decision: 'adapt' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reflect.mutate(draft);
  };
  // Someone who cannot write it, or a closed cycle, shows the reflection as text, not as greyed-out fields.
  const readOnly = !canEdit || cycle.stage === 'closed';
  return (
    <>
      {readOnly ? (
        cycle.reflection ? (
          <dl className="read-fields">
            <dt>{t('cycles.reflection.whatChanged')}</dt>
            <dd dir="auto">{cycle.reflection.whatChanged}</dd>
            <dt>{t('cycles.reflection.learned')}</dt>
            <dd dir="auto">{cycle.reflection.learned}</dd>
            <dt>{t('cycles.reflection.decision')}</dt>
            <dd>{t(`cycles.reflection.decisions.${cycle.reflection.decision}`)}</dd>
          </dl>
        ) : (
          <p className="muted">{t('cycles.reflection.none')}</p>
        )
      ) : (
        <form onSubmit={submit} noValidate>
          {reflect.error && <Alert kind="error">{reflect.error.message}</Alert>}
          <TextAreaField label={t('cycles.reflection.whatChanged')} rows={2} maxLength={4000} value={draft.whatChanged} onChange={(event) => setDraft({ ...draft, whatChanged: event.target.value })} error={fieldError(reflect.error, 'whatChanged')} />
          <TextAreaField label={t('cycles.reflection.learned')} rows={2} maxLength={4000} value={draft.learned} onChange={(event) => setDraft({ ...draft, learned: event.target.value })} error={fieldError(reflect.error, 'learned')} />
          <fieldset className="invitees">
            <legend>{t('cycles.reflection.decision')}</legend>
            {REFLECTION_DECISIONS.map((decision) => (
              <label key={decision} className="checkbox">
                <input type="radio" name={`decision-${cycle.id}`} value={decision} checked={draft.decision === decision} onChange={() => setDraft({ ...draft, decision })} />{' '}
                {t(`cycles.reflection.decisions.${decision}`)}
              </label>
            ))}
          </fieldset>
          <Button type="submit" busy={reflect.isPending} disabled={!draft.whatChanged.trim() || !draft.learned.trim()}>
            {t('cycles.reflection.save')}
          </Button>
        </form>
      )}
      {cycle.lessonId ? (
        <p>
          <Link to={`/lessons/${cycle.lessonId}`}>{t('cycles.reflection.lessonLink')}</Link>
        </p>
      ) : (
        canEdit &&
        cycle.reflection && (
          <div className="button-row">
            {publish.error && <Alert kind="error">{publish.error.message}</Alert>}
            <Button variant="secondary" busy={publish.isPending} onClick={() => publish.mutate(user.preferredLanguage)}>
              {t('cycles.reflection.publish')}
            </Button>
            {publish.data && <Link to={`/lessons/${publish.data.id}/edit`}>{t('cycles.reflection.openDraft')}</Link>}
          </div>
        )
      )}
    </>
  );
}

/** One cycle: where it stands, its plan, milestones, observations and reflection, with the moves allowed now. */
export function CyclePanel({ cycle, changeIdeas, people, canEdit }: { cycle: Cycle; changeIdeas: DriverNode[]; people: Array<{ id: string; name: string }>; canEdit: boolean }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const format = useDateFormatter(user.timeZone);
  const move = useMoveStage(cycle.id);
  const update = useUpdateCycle(cycle.id);
  const closed = cycle.stage === 'closed';
  const editable = canEdit && !closed;
  const next = nextStage(cycle.stage);
  const previous = previousStage(cycle.stage);
  const confirm = useConfirm();
  return (
    <div className="cycle-panel" id={`cycle-${cycle.number}`}>
      {confirm.dialog}
      <h3>
        {t('cycles.cycleTitle', { number: cycle.number, title: cycle.title })} <StageBadge stage={cycle.stage} />
      </h3>
      <StageStepper cycle={cycle} />
      <p className="field-hint">{t('cycles.pdsaHelp')}</p>
      {closed && <Alert kind="info">{t('cycles.closedReadOnly')}</Alert>}
      {move.error && <Alert kind="error">{move.error.message}</Alert>}
      {editable && (
        <div className="button-row">
          {next && (
            <Button
              busy={move.isPending}
              disabled={next === 'closed' && !cycle.reflection}
              title={next === 'closed' && !cycle.reflection ? t('cycles.needReflection') : undefined}
              onClick={async () => (next !== 'closed' || (await confirm.ask({ title: t('cycles.close'), message: t('cycles.confirmClose'), confirmLabel: t('cycles.close'), startOnCancel: true }))) && move.mutate(next)}
            >
              {next === 'closed' ? t('cycles.close') : t('cycles.moveTo', { stage: t(`cycles.stages.${next}`) })}
            </Button>
          )}
          {previous && (
            <Button variant="secondary" busy={move.isPending} onClick={async () => {
                const back = t('cycles.backTo', { stage: t(`cycles.stages.${previous}`) });
                if (await confirm.ask({ title: back, message: t('cycles.confirmBack', { stage: t(`cycles.stages.${previous}`) }), confirmLabel: back })) move.mutate(previous);
              }}
            >
              {t('cycles.backTo', { stage: t(`cycles.stages.${previous}`) })}
            </Button>
          )}
          {next === 'closed' && !cycle.reflection && <span className="field-hint">{t('cycles.needReflection')}</span>}
        </div>
      )}
      <details open={cycle.stage === 'plan'}>
        <summary>{t('cycles.plan.heading')}</summary>
        <PlanForm
          key={cycle.id}
          initial={{ title: cycle.title, changeIdeaIds: cycle.changeIdeaIds, plan: cycle.plan }}
          changeIdeas={changeIdeas}
          busy={update.isPending}
          error={update.error}
          submitLabel={t('cycles.plan.save')}
          onSubmit={(input) => update.mutate(input)}
          readOnly={!editable}
        />
      </details>
      <h4>{t('cycles.milestones.heading')}</h4>
      <MilestoneBoard cycleId={cycle.id} milestones={cycle.milestones} people={people} canEdit={editable} />
      <h4>{t('cycles.observations.heading')}</h4>
      <Observations cycle={cycle} canEdit={editable} />
      <h4>{t('cycles.reflection.heading')}</h4>
      <ReflectionSection key={`${cycle.id}-${cycle.reflection ? 1 : 0}`} cycle={cycle} canEdit={canEdit} />
      <details>
        <summary>{t('cycles.history')}</summary>
        <ol className="stage-history">
          {cycle.events.map((event, index) => (
            <li key={index}>
              <time dateTime={event.at}>{format(event.at, { dateStyle: 'medium', timeStyle: 'short' })}</time>{' '}
              {event.from
                ? t(event.backwards ? 'cycles.eventBack' : 'cycles.eventMoved', { who: event.byName ?? t('cycles.someone'), from: t(`cycles.stages.${event.from}`), to: t(`cycles.stages.${event.to}`) })
                : t('cycles.eventStarted', { who: event.byName ?? t('cycles.someone') })}
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}
