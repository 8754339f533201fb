import { SUPPORTED_LANGUAGES, type Language } from '@simashe/contracts';
import { ApiError } from '@simashe/web-api-client';
import { LANGUAGE_NAMES, setLanguage, useDateFormatter, useTimeZoneOptions } from '@simashe/web-i18n';
import { Alert, Button, Card, SelectField, TextField } from '@simashe/web-ui';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordCard } from './change-password-card';
import { useCurrentUser, useUpdateProfile } from './session';
import { SessionsCard } from './sessions-card';

/** Reminder times offered before a meeting, in minutes. */
const REMINDER_CHOICES = [10080, 1440, 60, 15, 5] as const;

export function ProfilePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const update = useUpdateProfile();
  const [name, setName] = useState(user.name);
  const [language, setLanguageChoice] = useState<Language>(user.preferredLanguage);
  const [timeZone, setTimeZone] = useState(user.timeZone);
  const [reminders, setReminders] = useState<number[]>(user.reminderMinutes);
  const [emailReminders, setEmailReminders] = useState(user.emailReminders);
  const format = useDateFormatter(user.timeZone);
  const zones = useTimeZoneOptions();
  const error = update.error instanceof ApiError ? update.error : null;

  useEffect(() => {
    document.title = `${t('profile.title')} · ${t('app.name')}`;
  }, [t]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { name, preferredLanguage: language, timeZone, reminderMinutes: reminders, emailReminders },
      { onSuccess: (saved) => void setLanguage(saved.preferredLanguage) },
    );
  };

  return (
    <>
      <h1>{t('profile.title')}</h1>
      <Card>
        {update.isSuccess && <Alert kind="success">{t('profile.saved')}</Alert>}
        {error && error.details.length === 0 && <Alert kind="error">{error.message}</Alert>}
        <form onSubmit={submit} noValidate>
          <TextField label={t('profile.email')} value={user.email} readOnly dir="ltr" />
          <TextField label={t('profile.name')} value={name} onChange={(e) => setName(e.target.value)} required error={error?.fieldError('name')} />
          <SelectField
            label={t('profile.language')}
            value={language}
            onChange={(e) => setLanguageChoice(e.target.value as Language)}
            options={SUPPORTED_LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }))}
          />
          <SelectField
            label={t('profile.timeZone')}
            hint={t('profile.timeZoneHint')}
            value={timeZone}
            onChange={(e) => setTimeZone(e.target.value)}
            options={zones}
            error={error?.fieldError('timeZone')}
          />
          <p className="muted">{t('profile.now', { time: format(new Date(), { dateStyle: 'full', timeStyle: 'short' }) })}</p>
          <fieldset className="invitees">
            <legend>{t('profile.reminders')}</legend>
            {REMINDER_CHOICES.map((minutes) => (
              <label key={minutes} className="checkbox">
                <input
                  type="checkbox"
                  checked={reminders.includes(minutes)}
                  onChange={(e) => setReminders((list) => (e.target.checked ? [...list, minutes] : list.filter((m) => m !== minutes)))}
                />{' '}
                {t(`profile.reminderChoices.${minutes}`)}
              </label>
            ))}
            <label className="checkbox">
              <input type="checkbox" checked={emailReminders} onChange={(e) => setEmailReminders(e.target.checked)} /> {t('profile.emailReminders')}
            </label>
            {error?.fieldError('reminderMinutes') && <p className="field-error">{error.fieldError('reminderMinutes')}</p>}
          </fieldset>
          <Button type="submit" busy={update.isPending}>
            {update.isPending ? t('common.saving') : t('common.save')}
          </Button>
        </form>
      </Card>
      <SessionsCard />
      <ChangePasswordCard />
    </>
  );
}
