import { EXPERTISE_AREAS, MEMBER_ROLES, type ExpertiseArea, type InvitationCreated, type MemberRole, type OrganisationDetail } from '@simashe/contracts';
import { useCurrentUser } from '@simashe/web-accounts';
import { ApiError } from '@simashe/web-api-client';
import { countryName, useDateFormatter, useTimeZoneOptions } from '@simashe/web-i18n';
import { Alert, BackLink, Button, Card, CheckboxGroup, CopyField, EmptyState, LoadingState, QueryError, SelectField, TextField, useConfirm } from '@simashe/web-ui';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import {
  useChangeRole,
  useGrantPartner,
  useInvite,
  useOrganisation,
  usePartnerDirectory,
  useRemoveMember,
  useRevokeInvitation,
  useRevokePartner,
  useSetRepresentative,
  useUpdateOrganisation,
} from './queries';

function useRoleOptions() {
  const { t } = useTranslation();
  return MEMBER_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}

/**
 * A member's role, changed only when saved: a closed select changes its value with each arrow key, and saving on
 * change made a keyboard user who browsed the options an editor, then an administrator, one key at a time.
 */
function RoleChoice({ name, role, options, busy, onSave }: { name: string; role: MemberRole; options: Array<{ value: string; label: string }>; busy: boolean; onSave: (role: MemberRole) => void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<MemberRole>(role);
  return (
    <span className="role-choice">
      <select aria-label={t('organisation.roleOf', { name })} value={chosen} disabled={busy} onChange={(event) => setChosen(event.target.value as MemberRole)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {chosen !== role && (
        <Button variant="secondary" busy={busy} aria-label={t('organisation.saveRoleOf', { name })} onClick={() => onSave(chosen)}>
          {t('organisation.saveRole')}
        </Button>
      )}
    </span>
  );
}

function MembersCard({ organisation }: { organisation: OrganisationDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const format = useDateFormatter(user.timeZone);
  const changeRole = useChangeRole(organisation.id);
  const removeMember = useRemoveMember(organisation.id);
  const confirm = useConfirm();
  const setRepresentative = useSetRepresentative(organisation.id);
  const roleOptions = useRoleOptions();
  const failure = changeRole.error ?? removeMember.error ?? setRepresentative.error;

  return (
    <Card title={t('organisation.members')}>
      {confirm.dialog}
      {changeRole.isSuccess && <Alert kind="success">{t('organisation.roleChanged')}</Alert>}
      {failure && <Alert kind="error">{failure.message}</Alert>}
      {organisation.members.length === 0 ? (
        <EmptyState>—</EmptyState>
      ) : (
        <div className="table-scroll" role="region" aria-label={t('organisation.members')} tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('organisation.name')}</th>
                <th scope="col">{t('organisation.role')}</th>
                <th scope="col">{t('organisation.joined')}</th>
                <th scope="col">{t('network.profile.representative')}</th>
                {organisation.canManage && <th scope="col">{t('organisation.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {organisation.members.map((member) => (
                <tr key={member.userId}>
                  {/* The address under the name, whole: in a column of its own a phone cut it off and it read as another. */}
                  <td>
                    <span dir="auto">{member.name}</span>
                    <span dir="ltr" className="cell-email muted">
                      {member.email}
                    </span>
                  </td>
                  <td>
                    {organisation.canManage ? (
                      <RoleChoice
                        key={member.role}
                        name={member.name}
                        role={member.role}
                        options={roleOptions}
                        busy={changeRole.isPending}
                        onSave={(role) => changeRole.mutate({ userId: member.userId, role })}
                      />
                    ) : (
                      t(`roles.${member.role}`)
                    )}
                  </td>
                  <td>{format(member.joinedAt)}</td>
                  <td>
                    {organisation.canManage ? (
                      <input
                        type="checkbox"
                        aria-label={t('network.profile.representativeOf', { name: member.name })}
                        checked={member.representative}
                        disabled={setRepresentative.isPending}
                        onChange={(event) => setRepresentative.mutate({ userId: member.userId, representative: event.target.checked })}
                      />
                    ) : member.representative ? (
                      <span className="badge">{t('network.profile.representative')}</span>
                    ) : null}
                  </td>
                  {organisation.canManage && (
                    <td>
                      <Button
                        variant="danger"
                        aria-label={t('organisation.removeMember', { name: member.name })}
                        disabled={removeMember.isPending}
                        onClick={async () => {
                          const question = {
                            title: t('organisation.removeMember', { name: member.name }),
                            message: t('organisation.confirmRemove', { name: member.name, organisation: organisation.name }),
                            confirmLabel: t('common.remove'),
                            danger: true,
                          };
                          if (await confirm.ask(question)) removeMember.mutate(member.userId);
                        }}
                      >
                        {t('common.remove')}
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

function InviteCard({ organisation }: { organisation: OrganisationDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const format = useDateFormatter(user.timeZone);
  const invite = useInvite(organisation.id);
  const revoke = useRevokeInvitation(organisation.id);
  const roleOptions = useRoleOptions();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MemberRole>('editor');
  const [created, setCreated] = useState<InvitationCreated | null>(null);
  const error = invite.error instanceof ApiError ? invite.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate(
      { email, role },
      {
        onSuccess: (invitation) => {
          setCreated(invitation);
          setEmail('');
        },
      },
    );
  };

  return (
    <Card title={t('organisation.invite')}>
      <form onSubmit={submit} noValidate>
        <div className="form-row">
          <TextField
            label={t('organisation.inviteEmail')}
            type="email"
            name="invite-email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={error?.fieldError('email')}
            dir="ltr"
          />
          <SelectField label={t('organisation.inviteRole')} value={role} onChange={(e) => setRole(e.target.value as MemberRole)} options={roleOptions} />
        </div>
        {error && !error.fieldError('email') && <Alert kind="error">{error.message}</Alert>}
        <Button type="submit" busy={invite.isPending}>
          {t('organisation.inviteSubmit')}
        </Button>
      </form>
      {created && (
        <Alert kind="success">
          <p>{t('organisation.inviteCreated', { email: created.email, expires: format(created.expiresAt, { dateStyle: 'long' }) })}</p>
          <CopyField label={t('organisation.inviteLink')} value={created.acceptUrl} copyLabel={t('common.copy')} copiedLabel={t('common.copied')} />
          {created.emailSent && <p>{t('organisation.inviteEmailed')}</p>}
        </Alert>
      )}
      <h3>{t('organisation.pendingInvitations')}</h3>
      {organisation.pendingInvitations.length === 0 ? (
        <EmptyState>{t('organisation.noPendingInvitations')}</EmptyState>
      ) : (
        <ul>
          {organisation.pendingInvitations.map((invitation) => (
            <li key={invitation.id}>
              <span dir="ltr">{invitation.email}</span> · {t(`roles.${invitation.role}`)} · {t('organisation.expires', { date: format(invitation.expiresAt) })}{' '}
              <Button variant="secondary" onClick={() => revoke.mutate(invitation.id)} disabled={revoke.isPending}>
                {t('organisation.revoke')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function PartnersCard({ organisation }: { organisation: OrganisationDetail }) {
  const { t } = useTranslation();
  const directory = usePartnerDirectory(organisation.canManage);
  const grant = useGrantPartner(organisation.id);
  const revoke = useRevokePartner(organisation.id);
  const [partnerId, setPartnerId] = useState('');
  const granted = new Set(organisation.partnerGrants.map((g) => g.organisationId));
  const choices = (directory.data?.items ?? []).filter((p) => !granted.has(p.id) && p.id !== organisation.id);

  return (
    <Card title={t('organisation.partners')}>
      {(grant.error ?? revoke.error) && <Alert kind="error">{(grant.error ?? revoke.error)?.message}</Alert>}
      {organisation.partnerGrants.length === 0 ? (
        <EmptyState>{t('organisation.noPartners')}</EmptyState>
      ) : (
        <ul>
          {organisation.partnerGrants.map((partner) => (
            <li key={partner.organisationId}>
              <bdi>{partner.organisationName}</bdi>{' '}
              {organisation.canManage && (
                <Button variant="secondary" aria-label={t('organisation.revokePartner', { name: partner.organisationName })} onClick={() => revoke.mutate(partner.organisationId)}>
                  {t('common.remove')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {organisation.canManage && choices.length > 0 && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (partnerId) grant.mutate(partnerId, { onSuccess: () => setPartnerId('') });
          }}
        >
          <div className="form-row">
            <SelectField
              label={t('organisation.grantPartner')}
              value={partnerId}
              onChange={(e) => setPartnerId(e.target.value)}
              options={[{ value: '', label: t('organisation.choosePartner') }, ...choices.map((p) => ({ value: p.id, label: p.name }))]}
            />
          </div>
          <Button type="submit" variant="secondary" disabled={!partnerId} busy={grant.isPending}>
            {t('organisation.grant')}
          </Button>
        </form>
      )}
    </Card>
  );
}

/** What the organisation offers the network: shown on the public members page (member institutions) and the network directory. */
function NetworkProfileCard({ organisation }: { organisation: OrganisationDetail }) {
  const { t } = useTranslation();
  const update = useUpdateOrganisation(organisation.id);
  const [expertise, setExpertise] = useState<ExpertiseArea[]>(organisation.expertise);
  const [website, setWebsite] = useState(organisation.website ?? '');
  const error = update.error instanceof ApiError ? update.error : null;
  const label = (area: ExpertiseArea) => t(`network.expertise.${area}`);
  if (!organisation.canManage) {
    return (
      <Card title={t('network.profile.title')}>
        {organisation.expertise.length === 0 ? (
          <p className="muted">{t('network.profile.noExpertise')}</p>
        ) : (
          <ul className="tag-list" aria-label={t('network.profile.expertise')}>
            {organisation.expertise.map((area) => (
              <li key={area} className="badge">
                {label(area)}
              </li>
            ))}
          </ul>
        )}
        {organisation.website ? (
          <p>
            <a href={organisation.website} target="_blank" rel="noopener noreferrer" dir="ltr">
              {organisation.website}
            </a>
          </p>
        ) : (
          <p className="muted">{t('network.profile.noWebsite')}</p>
        )}
      </Card>
    );
  }
  return (
    <Card title={t('network.profile.title')}>
      <p className="muted">{t('network.profile.intro')}</p>
      {update.isSuccess && <Alert kind="success">{t('network.profile.saved')}</Alert>}
      {error && error.details.length === 0 && <Alert kind="error">{error.message}</Alert>}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          // Kept in the list's own order, whatever order they were ticked in.
          update.mutate({ expertise: EXPERTISE_AREAS.filter((area) => expertise.includes(area)), website: website.trim() === '' ? null : website.trim() });
        }}
      >
        <CheckboxGroup legend={t('network.profile.expertise')} values={EXPERTISE_AREAS} chosen={expertise} label={label} onChange={setExpertise} />
        {error?.fieldError('expertise') && (
          <p className="field-error" role="alert">
            {error.fieldError('expertise')}
          </p>
        )}
        <TextField
          label={t('network.profile.website')}
          type="url"
          dir="ltr"
          inputMode="url"
          value={website}
          hint={t('network.profile.websiteHint')}
          onChange={(event) => setWebsite(event.target.value)}
          error={error?.fieldError('website')}
        />
        <Button type="submit" busy={update.isPending}>
          {t('common.save')}
        </Button>
      </form>
    </Card>
  );
}

/** Where and when the organisation works: used to find meeting times across zones. */
function WorkingHoursCard({ organisation }: { organisation: OrganisationDetail }) {
  const { t } = useTranslation();
  const update = useUpdateOrganisation(organisation.id);
  const zones = useTimeZoneOptions();
  const [form, setForm] = useState({ timeZone: organisation.timeZone, workDayStart: organisation.workDayStart, workDayEnd: organisation.workDayEnd });
  const error = update.error instanceof ApiError ? update.error : null;
  if (!organisation.canManage) {
    return (
      <Card title={t('organisation.workingHours')}>
        <p>{t('organisation.worksFrom', { start: organisation.workDayStart, end: organisation.workDayEnd, zone: organisation.timeZone })}</p>
      </Card>
    );
  }
  return (
    <Card title={t('organisation.workingHours')}>
      {update.isSuccess && <Alert kind="success">{t('organisation.workingHoursSaved')}</Alert>}
      {error && error.details.length === 0 && <Alert kind="error">{error.message}</Alert>}
      <form
        className="form-row"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate(form);
        }}
      >
        <SelectField label={t('organisation.timeZone')} value={form.timeZone} onChange={(e) => setForm({ ...form, timeZone: e.target.value })} options={zones} error={error?.fieldError('timeZone')} />
        <TextField label={t('organisation.workDayStart')} type="time" value={form.workDayStart} onChange={(e) => setForm({ ...form, workDayStart: e.target.value })} error={error?.fieldError('workDayStart')} />
        <TextField label={t('organisation.workDayEnd')} type="time" value={form.workDayEnd} onChange={(e) => setForm({ ...form, workDayEnd: e.target.value })} error={error?.fieldError('workDayEnd')} />
        <Button type="submit" busy={update.isPending}>
          {t('common.save')}
        </Button>
      </form>
    </Card>
  );
}

export function OrganisationPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const organisation = useOrganisation(id);

  useEffect(() => {
    if (organisation.data) document.title = `${organisation.data.name} · ${t('app.name')}`;
  }, [organisation.data, t]);

  if (organisation.isPending) return <LoadingState label={t('common.loading')} />;
  if (organisation.isError) return <QueryError error={organisation.error} onRetry={() => organisation.refetch()} />;

  const data = organisation.data;
  const notice = {
    member: null,
    regional_office: t('organisation.viaRegion'),
    secretariat: t('organisation.viaSecretariat'),
    partner_grant: t('organisation.viaGrant'),
  }[data.relation];

  return (
    <>
      <BackLink to="/">{t('nav.home')}</BackLink>
      <h1 dir="auto">{data.name}</h1>
      <p className="org-meta">
        <span className="badge">{t(`kinds.${data.kind}`)}</span>
        {data.region && (
          <>
            {' '}
            · {t('organisation.region')}: <bdi>{t(`resources.regions.${data.region.code}`)}</bdi> (<bdi>{data.region.code}</bdi>)
          </>
        )}
        {data.country && (
          <>
            {' '}
            · {t('organisation.country')}: <bdi>{countryName(data.country, i18n.language)}</bdi>
          </>
        )}
      </p>
      {notice && <Alert kind="info">{notice}</Alert>}
      {!data.canManage && data.relation === 'member' && <p className="muted">{t('organisation.readOnlyNotice')}</p>}
      <MembersCard organisation={data} />
      {data.canManage && <InviteCard organisation={data} />}
      {data.kind !== 'core_partner' && <PartnersCard organisation={data} />}
      <NetworkProfileCard organisation={data} />
      <WorkingHoursCard organisation={data} />
    </>
  );
}
