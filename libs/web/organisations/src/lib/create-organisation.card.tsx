import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ORGANISATION_KINDS,
  type CreateOrganisationRequest,
  type Organisation,
  type OrganisationKind,
  type RegionCode,
  type RegionWithCountries,
} from '@simashe/contracts';
import { api, ApiError } from '@simashe/web-api-client';
import { Alert, Button, Card, SelectField, TextField } from '@simashe/web-ui';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

/** Secretariat admins add pathfinders, offices and partners; the server re-checks the right to do so. */
export function CreateOrganisationCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const countryId = useId();
  const regions = useQuery({ queryKey: ['regions'], queryFn: () => api.get<{ items: RegionWithCountries[] }>('/regions'), staleTime: Infinity });
  const create = useMutation({
    mutationFn: (input: CreateOrganisationRequest) => api.post<Organisation>('/organisations', input),
    onSuccess: (organisation) => {
      void queryClient.invalidateQueries({ queryKey: ['organisations'] });
      navigate(`/organisations/${organisation.id}`);
    },
  });
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OrganisationKind>('country_pathfinder');
  const [regionCode, setRegionCode] = useState('');
  const [countryIso3, setCountryIso3] = useState('');
  const error = create.error instanceof ApiError ? create.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({
      name,
      kind,
      ...(kind === 'country_pathfinder' && countryIso3 ? { countryIso3 } : {}),
      ...(kind === 'who_regional_office' && regionCode ? { regionCode: regionCode as RegionCode } : {}),
    });
  };

  return (
    <Card title={t('createOrganisation.title')}>
      {error && error.details.length === 0 && <Alert kind="error">{error.message}</Alert>}
      <form onSubmit={submit} noValidate>
        <div className="form-row">
          <TextField label={t('createOrganisation.name')} value={name} onChange={(e) => setName(e.target.value)} required error={error?.fieldError('name')} />
          <SelectField
            label={t('createOrganisation.kind')}
            value={kind}
            onChange={(e) => setKind(e.target.value as OrganisationKind)}
            options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          />
          {kind === 'who_regional_office' && (
            <SelectField
              label={t('createOrganisation.region')}
              value={regionCode}
              onChange={(e) => setRegionCode(e.target.value)}
              error={error?.fieldError('regionCode')}
              options={[
                { value: '', label: t('createOrganisation.chooseRegion') },
                ...(regions.data?.items ?? []).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` })),
              ]}
            />
          )}
          {kind === 'country_pathfinder' && (
            <div className={`field ${error?.fieldError('countryIso3') ? 'field-invalid' : ''}`}>
              <label htmlFor={countryId}>{t('createOrganisation.country')}</label>
              <select id={countryId} value={countryIso3} onChange={(e) => setCountryIso3(e.target.value)}>
                <option value="">{t('createOrganisation.chooseCountry')}</option>
                {(regions.data?.items ?? []).map((region) => (
                  <optgroup key={region.code} label={`${region.name} (${region.code})`}>
                    {region.countries.map((country) => (
                      <option key={country.iso3} value={country.iso3}>
                        {country.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
              {error?.fieldError('countryIso3') && <p className="field-error">{error.fieldError('countryIso3')}</p>}
            </div>
          )}
        </div>
        <p className="muted">{t('createOrganisation.nextStep')}</p>
        <Button type="submit" busy={create.isPending}>
          {t('createOrganisation.submit')}
        </Button>
      </form>
    </Card>
  );
}
