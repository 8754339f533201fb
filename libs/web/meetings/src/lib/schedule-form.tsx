import { MEETING_KINDS, WHO_REGION_CODES, type CreateMeetingRequest, type Meeting, type RegionCode } from '@simashe/contracts';
import { useCurrentUser } from '@simashe/web-accounts';
import { ApiError } from '@simashe/web-api-client';
import { canWriteIn, useDirectory, useOrganisations } from '@simashe/web-organisations';
import { Alert, Button, Dialog, SelectField, TextField, useFocusFirstInvalid } from '@simashe/web-ui';
import { DateTime } from 'luxon';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FindATime } from './find-a-time';
import { useCreateMeeting } from './queries';
import { TimeZonePicker } from './time-zone-picker';
import { canonicalZone } from './time-zones';

const RULES: Record<string, string> = { daily: 'FREQ=DAILY', weekly: 'FREQ=WEEKLY', monthly: 'FREQ=MONTHLY' };

type FieldErrors = Partial<Record<'title' | 'localStart' | 'localEnd' | 'count', string>>;

/** The organisations the person may schedule for: editors and admins of their own. */
export function useOrganisers() {
  const organisations = useOrganisations();
  return (organisations.data?.items ?? []).filter(canWriteIn);
}

/**
 * The schedule form, checked here first (title, times, end after start) so mistakes show at their field at once;
 * what only the server knows (a time that does not exist in the zone, a rule it refuses) comes back to the field too.
 * Focus moves to the first field in error.
 */
function ScheduleForm({ onScheduled, onCancel }: { onScheduled: (meeting: Meeting) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const organisers = useOrganisers();
  const create = useCreateMeeting();
  const directory = useDirectory();
  const formRef = useRef<HTMLFormElement>(null);
  const [findingTime, setFindingTime] = useState(false);
  const [filter, setFilter] = useState('');
  const [checked, setChecked] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const others = directory.data?.items ?? [];
  const [form, setForm] = useState({
    title: '',
    kind: 'action_learning_session',
    organiserOrganisationId: '',
    localStart: '',
    localEnd: '',
    timeZone: canonicalZone(user.timeZone),
    repeat: 'none',
    count: '6',
    conferencingUrl: '',
    region: '',
    networkWide: false,
    capacity: '',
  });
  const [invited, setInvited] = useState<string[]>([]);
  const set = (key: keyof typeof form) => (value: string | boolean) => {
    setForm((current) => ({ ...current, [key]: value }));
    // A corrected field loses its message at once; the others keep theirs until the next attempt.
    setChecked((current) => Object.fromEntries(Object.entries(current).filter(([path]) => path !== key)));
  };
  const error = create.error instanceof ApiError ? create.error : null;
  const fieldError = (path: keyof FieldErrors | 'timeZone' | 'rrule' | 'conferencingUrl' | 'capacity') => (path in checked ? checked[path as keyof FieldErrors] : undefined) ?? error?.fieldError(path);
  const organiserId = form.organiserOrganisationId || organisers[0]?.id || '';

  // After each attempt (checked here or refused by the server), the first field in error takes focus; a refusal
  // that names no field is read out by its alert.
  // The dialog focuses its first control (the close button) when it opens; the title is where work starts.
  useEffect(() => {
    const timer = setTimeout(() => formRef.current?.querySelector<HTMLElement>('input')?.focus(), 0);
    return () => clearTimeout(timer);
  }, []);

  useFocusFirstInvalid(formRef, attempt, create.error);

  const validate = (): FieldErrors => {
    const errors: FieldErrors = {};
    if (!form.title.trim()) errors.title = t('meetings.errors.titleRequired');
    if (!form.localStart) errors.localStart = t('meetings.errors.startRequired');
    if (!form.localEnd) errors.localEnd = t('meetings.errors.endRequired');
    else if (form.localStart && form.localEnd <= form.localStart) errors.localEnd = t('meetings.errors.endAfterStart');
    if (form.repeat !== 'none' && !(Number(form.count) >= 1 && Number(form.count) <= 2000)) errors.count = t('meetings.errors.count');
    return errors;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors = validate();
    setChecked(errors);
    setAttempt((n) => n + 1);
    if (Object.keys(errors).length > 0) return;
    const request: CreateMeetingRequest = {
      organiserOrganisationId: organiserId,
      title: form.title.trim(),
      description: '',
      kind: form.kind as (typeof MEETING_KINDS)[number],
      localStart: form.localStart,
      localEnd: form.localEnd,
      timeZone: form.timeZone,
      rrule: form.repeat === 'none' ? undefined : `${RULES[form.repeat]};COUNT=${form.count}`,
      conferencingUrl: form.conferencingUrl || undefined,
      networkWide: form.kind === 'webinar' && form.networkWide,
      capacity: form.kind === 'webinar' && form.capacity !== '' ? Number(form.capacity) : undefined,
      invitees: { organisationIds: invited, regionCodes: form.region ? [form.region as RegionCode] : [], userIds: [] },
    };
    create.mutate(request, { onSuccess: onScheduled, onError: () => setAttempt((n) => n + 1) });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t('meetings.schedule')}>
      {error && error.details.length === 0 && <Alert kind="error">{error.message}</Alert>}
      {error && error.details.length > 0 && <Alert kind="error">{t('meetings.errors.fix')}</Alert>}
      <div className="form-row">
        <TextField label={t('meetings.meetingTitle')} value={form.title} onChange={(e) => set('title')(e.target.value)} error={fieldError('title')} required />
        <SelectField label={t('meetings.kind')} value={form.kind} onChange={(e) => set('kind')(e.target.value)} options={MEETING_KINDS.map((k) => ({ value: k, label: t(`meetings.kinds.${k}`) }))} />
        <SelectField label={t('meetings.organiser')} value={organiserId} onChange={(e) => set('organiserOrganisationId')(e.target.value)} options={organisers.map((o) => ({ value: o.id, label: o.name }))} />
      </div>
      <div className="form-row">
        <TextField label={t('meetings.start')} type="datetime-local" value={form.localStart} onChange={(e) => set('localStart')(e.target.value)} error={fieldError('localStart')} required />
        <TextField label={t('meetings.end')} type="datetime-local" value={form.localEnd} onChange={(e) => set('localEnd')(e.target.value)} error={fieldError('localEnd')} required />
      </div>
      <TimeZonePicker label={t('meetings.timeZone')} value={form.timeZone} ownZone={user.timeZone} onChange={set('timeZone')} error={fieldError('timeZone')} />
      <div className="form-row">
        <SelectField
          label={t('meetings.repeat')}
          value={form.repeat}
          onChange={(e) => set('repeat')(e.target.value)}
          options={[
            { value: 'none', label: t('meetings.repeatNone') },
            { value: 'daily', label: t('meetings.repeatDaily') },
            { value: 'weekly', label: t('meetings.repeatWeekly') },
            { value: 'monthly', label: t('meetings.repeatMonthly') },
          ]}
          error={fieldError('rrule')}
        />
        {form.repeat !== 'none' && (
          <TextField label={t('meetings.count')} type="number" min={1} max={2000} value={form.count} onChange={(e) => set('count')(e.target.value)} error={fieldError('count')} />
        )}
        <TextField label={t('meetings.link')} type="url" value={form.conferencingUrl} onChange={(e) => set('conferencingUrl')(e.target.value)} error={fieldError('conferencingUrl')} dir="ltr" />
      </div>
      <fieldset className="invitees">
        <legend>{t('meetings.inviteOrganisations')}</legend>
        <TextField label={t('meetings.filterOrganisations')} value={filter} onChange={(e) => setFilter(e.target.value)} />
        {others
          .filter((o) => o.id !== organiserId && (invited.includes(o.id) || o.name.toLowerCase().includes(filter.trim().toLowerCase())))
          .map((o) => (
            <label key={o.id} className="checkbox">
              <input type="checkbox" checked={invited.includes(o.id)} onChange={(e) => setInvited((list) => (e.target.checked ? [...list, o.id] : list.filter((id) => id !== o.id)))} />{' '}
              <bdi>{o.name}</bdi>
            </label>
          ))}
      </fieldset>
      <div className="button-row">
        <Button variant="secondary" aria-expanded={findingTime} onClick={() => setFindingTime((open) => !open)}>
          {t('meetings.findATime')}
        </Button>
      </div>
      {findingTime && (
        <FindATime
          organisations={others.filter((o) => o.id === organiserId || invited.includes(o.id))}
          zone={form.timeZone}
          onPick={(startIso) => {
            const start = DateTime.fromISO(startIso).setZone(form.timeZone);
            setForm((current) => ({
              ...current,
              localStart: start.toFormat("yyyy-LL-dd'T'HH:mm"),
              localEnd: start.plus({ hours: 1 }).toFormat("yyyy-LL-dd'T'HH:mm"),
            }));
          }}
        />
      )}
      <div className="form-row">
        <SelectField
          label={t('meetings.inviteRegion')}
          value={form.region}
          onChange={(e) => set('region')(e.target.value)}
          options={[{ value: '', label: t('meetings.noRegion') }, ...WHO_REGION_CODES.map((code) => ({ value: code, label: code }))]}
        />
      </div>
      {form.kind === 'webinar' && (
        <div className="form-row">
          <TextField label={t('meetings.capacity')} type="number" min={0} value={form.capacity} onChange={(e) => set('capacity')(e.target.value)} error={fieldError('capacity')} />
        </div>
      )}
      {form.kind === 'webinar' && (
        <label className="checkbox">
          <input type="checkbox" checked={form.networkWide} onChange={(e) => set('networkWide')(e.target.checked)} /> {t('meetings.networkWide')}
        </label>
      )}
      <div className="button-row">
        <Button type="submit" busy={create.isPending}>
          {t('meetings.create')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('meetings.cancelForm')}
        </Button>
      </div>
    </form>
  );
}

/** "New meeting": the schedule form in a dialog; once scheduled, the caller shows the new meeting. */
export function NewMeetingButton({ onScheduled }: { onScheduled: (meeting: Meeting) => void }) {
  const { t } = useTranslation();
  const organisers = useOrganisers();
  const [open, setOpen] = useState(false);
  if (organisers.length === 0) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)} aria-haspopup="dialog">
        {t('meetings.newMeeting')}
      </Button>
      <Dialog open={open} title={t('meetings.schedule')} onClose={() => setOpen(false)} size="large">
        <ScheduleForm
          onCancel={() => setOpen(false)}
          onScheduled={(meeting) => {
            setOpen(false);
            onScheduled(meeting);
          }}
        />
      </Dialog>
    </>
  );
}
