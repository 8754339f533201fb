import { DETERMINANTS, SECTORS, type Initiative, type InitiativeInput } from '@simashe/contracts';
import { ApiError } from '@simashe/web-api-client';
import { canWriteIn, useDirectory, useOrganisations } from '@simashe/web-organisations';
import { Alert, Button, CheckboxGroup, SelectField, TextField } from '@simashe/web-ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from './common';

/** Creating or editing an initiative: owner, aim (what, how much, by when), determinants, sectors, partners. */
export function InitiativeForm({ initiative, busy, error, canManage = true, onSubmit, onCancel }: {
  initiative?: Initiative;
  busy: boolean;
  error: Error | null;
  canManage?: boolean;
  onSubmit: (input: InitiativeInput) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const directory = useDirectory();
  const owners = (organisations.data?.items ?? []).filter(
    (o) => canWriteIn(o) && (o.kind === 'country_pathfinder' || o.kind === 'core_partner'),
  );
  const [draft, setDraft] = useState<InitiativeInput>(() => ({
    organisationId: initiative?.organisationId ?? '',
    title: initiative?.title ?? '',
    aimWhat: initiative?.aimWhat ?? '',
    aimHowMuch: initiative?.aimHowMuch ?? '',
    aimByWhen: initiative?.aimByWhen ?? null,
    determinants: initiative?.determinants ?? [],
    sectors: initiative?.sectors ?? [],
    partnerOrganisationIds: initiative?.partners.map((p) => p.organisationId) ?? [],
  }));
  const organisationId = draft.organisationId || owners[0]?.id || '';
  const set = <K extends keyof InitiativeInput>(key: K) => (value: InitiativeInput[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const candidates = (directory.data?.items ?? []).filter((o) => o.id !== organisationId && (o.kind === 'country_pathfinder' || o.kind === 'core_partner'));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ ...draft, organisationId });
  };
  const apiError = error instanceof ApiError ? error : null;
  return (
    <form onSubmit={submit} noValidate>
      {apiError && <Alert kind="error">{apiError.message}</Alert>}
      {!initiative && (
        <SelectField
          label={t('cycles.form.owner')}
          value={organisationId}
          onChange={(e) => set('organisationId')(e.target.value)}
          options={owners.map((o) => ({ value: o.id, label: o.name }))}
          hint={owners.length === 0 ? t('cycles.form.noOwner') : undefined}
        />
      )}
      <TextField label={t('cycles.form.title')} value={draft.title} required maxLength={200} onChange={(e) => set('title')(e.target.value)} error={fieldError(apiError, 'title')} />
      <fieldset>
        <legend>{t('cycles.form.aim')}</legend>
        <TextField label={t('cycles.form.aimWhat')} value={draft.aimWhat} required maxLength={1000} onChange={(e) => set('aimWhat')(e.target.value)} error={fieldError(apiError, 'aimWhat')} />
        <TextField label={t('cycles.form.aimHowMuch')} value={draft.aimHowMuch} maxLength={500} onChange={(e) => set('aimHowMuch')(e.target.value)} error={fieldError(apiError, 'aimHowMuch')} />
        <TextField label={t('cycles.form.aimByWhen')} type="date" value={draft.aimByWhen ?? ''} onChange={(e) => set('aimByWhen')(e.target.value || null)} error={fieldError(apiError, 'aimByWhen')} />
      </fieldset>
      <CheckboxGroup legend={t('lessons.determinants')} values={DETERMINANTS} chosen={draft.determinants} label={(d) => t(`lessons.determinant.${d}`)} onChange={set('determinants')} />
      <CheckboxGroup legend={t('cycles.form.sectors')} values={SECTORS} chosen={draft.sectors} label={(s) => t(`lessons.sector.${s}`)} onChange={set('sectors')} />
      {canManage && (
        <fieldset className="invitees">
          <legend>{t('cycles.form.partners')}</legend>
          <p className="field-hint">{t('cycles.form.partnersHint')}</p>
          {candidates.map((o) => (
            <label key={o.id} className="checkbox">
              <input
                type="checkbox"
                checked={draft.partnerOrganisationIds.includes(o.id)}
                onChange={(e) => set('partnerOrganisationIds')(e.target.checked ? [...draft.partnerOrganisationIds, o.id] : draft.partnerOrganisationIds.filter((id) => id !== o.id))}
              />{' '}
              {o.name}
            </label>
          ))}
        </fieldset>
      )}
      <div className="button-row">
        <Button type="submit" busy={busy} disabled={!organisationId}>
          {initiative ? t('common.save') : t('cycles.form.create')}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
