import type { PublicInstitution, PublicPerson, SteeringCommitteeMember } from '@simashe/contracts';
import { ApiError } from '@simashe/web-api-client';
import { PublicFrame } from '@simashe/web-shell';
import { Alert, Button, Card, ConfirmDialog, EmptyState, LoadingState, QueryError, TextField, useFocusFirstInvalid, usePageTitle } from '@simashe/web-ui';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OpenCallsLink } from './calls.pages';
import { filterInstitutions, websiteLabel } from './network-logic';
import { useAppointSteeringMember, usePublicMembers, useRemoveSteeringMember, useSteeringCommittee } from './network-queries';
import './network.css';
import { countryName } from '@simashe/web-i18n';

/** One member institution: where it is, what it offers, its website and who represents it. */
function InstitutionCard({ institution }: { institution: PublicInstitution }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const place = [institution.country && countryName(institution.country, i18n.language), institution.region && t(`resources.regions.${institution.region.code}`)].filter(Boolean).join(' · ');
  return (
    <article className="network-card" aria-labelledby={headingId}>
      <h3 id={headingId} className="network-card-title" dir="auto">
        {institution.name}
      </h3>
      <dl className="network-facts">
        {place && (
          <div>
            <dt>{t('network.institutions.location')}</dt>
            <dd>{place}</dd>
          </div>
        )}
        <div>
          <dt>{t('network.institutions.expertise')}</dt>
          <dd>
            {institution.expertise.length ? (
              <ul className="tags network-tags">
                {institution.expertise.map((area) => (
                  <li key={area} className="badge">
                    {t(`network.expertise.${area}`)}
                  </li>
                ))}
              </ul>
            ) : (
              <span className="muted">{t('network.institutions.noExpertise')}</span>
            )}
          </dd>
        </div>
        {institution.website && (
          <div>
            <dt>{t('network.institutions.website')}</dt>
            <dd>
              <a href={institution.website} target="_blank" rel="noopener noreferrer" dir="ltr">
                {websiteLabel(institution.website)}
                <span className="visually-hidden">{` (${t('network.institutions.newTab')})`}</span>
              </a>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('network.institutions.representatives')}</dt>
          <dd>
            {institution.representatives.length ? (
              <ul className="network-names">
                {institution.representatives.map((name) => (
                  <li key={name}>
                    <bdi>{name}</bdi>
                  </li>
                ))}
              </ul>
            ) : (
              <span className="muted">{t('network.institutions.noRepresentatives')}</span>
            )}
          </dd>
        </div>
      </dl>
    </article>
  );
}

/** The member institutions with a filter on name, country and expertise, matched as the reader sees them (their language). */
function Institutions() {
  const { t, i18n } = useTranslation();
  const members = usePublicMembers();
  const filterId = useId();
  const [filter, setFilter] = useState('');
  const shown = members.data ? filterInstitutions(members.data.institutions, filter, i18n.language, (area) => t(`network.expertise.${area}`)) : [];
  return (
    <section className="network-section" aria-labelledby="network-institutions">
      <h2 id="network-institutions">{t('network.institutions.title')}</h2>
      {members.isPending ? (
        <LoadingState label={t('common.loading')} />
      ) : members.isError ? (
        <QueryError error={members.error} onRetry={() => members.refetch()} />
      ) : members.data.institutions.length === 0 ? (
        <EmptyState>{t('network.institutions.empty')}</EmptyState>
      ) : (
        <>
          <div className="field network-filter">
            <label htmlFor={filterId}>{t('network.institutions.filter')}</label>
            <input id={filterId} type="search" value={filter} maxLength={200} onChange={(event) => setFilter(event.target.value)} />
          </div>
          <p className="muted" role="status">
            {t('network.institutions.count', { count: shown.length })}
          </p>
          {shown.length === 0 ? (
            <EmptyState>{t('network.institutions.noMatches')}</EmptyState>
          ) : (
            <ul className="network-grid">
              {shown.map((institution) => (
                <li key={institution.id}>
                  <InstitutionCard institution={institution} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

/** Names with their organisation, as the public page lists the secretariat and the steering committee. */
function People({ people, empty }: { people: PublicPerson[]; empty: string }) {
  const { t } = useTranslation();
  if (people.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <ul className="network-people">
      {people.map((person) => (
        <li key={`${person.name}\n${person.organisationName ?? ''}`}>
          <strong>
            <bdi>{person.name}</bdi>
          </strong>
          <span className="muted">{person.organisationName ? <bdi>{person.organisationName}</bdi> : t('network.committee.noOrganisation')}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Secretariat admins appoint someone by the email of their account. The API words why it refuses (no such account,
 * already on the committee): shown under the field, which takes the focus so the message is read out.
 */
function AppointForm() {
  const { t } = useTranslation();
  const appoint = useAppointSteeringMember();
  const [email, setEmail] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const error = appoint.error instanceof ApiError ? appoint.error : null;
  const fieldMessage = error ? (error.fieldError('email') ?? (error.status === 409 ? error.message : undefined)) : undefined;
  const appointed = appoint.data && appoint.variables ? appoint.data.items.find((member) => member.email.toLowerCase() === appoint.variables.email.trim().toLowerCase()) : undefined;

  useFocusFirstInvalid(form, appoint.submittedAt, fieldMessage);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    appoint.mutate({ email: email.trim() }, { onSuccess: () => setEmail('') });
  };
  return (
    <Card title={t('network.committee.appointTitle')} headingLevel={3}>
      <form ref={form} className="network-appoint" onSubmit={submit} noValidate>
        <TextField
          label={t('network.committee.appointEmail')}
          hint={t('network.committee.appointHint')}
          type="email"
          autoComplete="off"
          required
          dir="ltr"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={fieldMessage}
        />
        <Button type="submit" busy={appoint.isPending}>
          {t('network.committee.appoint')}
        </Button>
      </form>
      {error && !fieldMessage && <Alert kind="error">{error.message}</Alert>}
      <div aria-live="polite">{appointed && <Alert kind="success">{t('network.committee.appointed', { name: appointed.name })}</Alert>}</div>
    </Card>
  );
}

/** The steering committee with emails; secretariat admins appoint and remove (the API says who may: `canManage`). */
function SteeringCommitteeSection() {
  const { t } = useTranslation();
  const committee = useSteeringCommittee();
  const remove = useRemoveSteeringMember();
  const [removing, setRemoving] = useState<SteeringCommitteeMember | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);
  return (
    <section className="network-section" aria-labelledby="network-committee">
      <h2 id="network-committee">{t('network.committee.title')}</h2>
      {committee.isPending ? (
        <LoadingState label={t('common.loading')} />
      ) : committee.isError ? (
        <QueryError error={committee.error} onRetry={() => committee.refetch()} />
      ) : (
        <>
          {committee.data.items.length === 0 ? (
            <EmptyState>{t('network.committee.empty')}</EmptyState>
          ) : (
            <ul className="network-people">
              {committee.data.items.map((member) => (
                <li key={member.userId}>
                  <strong>
                    <bdi>{member.name}</bdi>
                  </strong>
                  <span className="muted">{member.organisationName ? <bdi>{member.organisationName}</bdi> : t('network.committee.noOrganisation')}</span>
                  <a href={`mailto:${member.email}`} dir="ltr">
                    {member.email}
                  </a>
                  {committee.data.canManage && (
                    <Button variant="secondary" className="network-remove" aria-label={t('network.committee.removeLabel', { name: member.name })} onClick={() => setRemoving(member)}>
                      {t('network.committee.remove')}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
          <div aria-live="polite">{removed && <Alert kind="success">{t('network.committee.removed', { name: removed })}</Alert>}</div>
          {committee.data.canManage && <AppointForm />}
        </>
      )}
      <ConfirmDialog
        open={removing !== null}
        danger
        title={t('network.committee.removeTitle')}
        message={<p>{t('network.committee.removeBody', { name: removing?.name ?? '' })}</p>}
        confirmLabel={t('network.committee.remove')}
        busy={remove.isPending}
        error={remove.error && <Alert kind="error">{remove.error.message}</Alert>}
        onCancel={() => {
          setRemoving(null);
          remove.reset();
        }}
        onConfirm={() => {
          if (!removing) return;
          const { userId, name } = removing;
          remove.mutate(userId, {
            onSuccess: () => {
              setRemoving(null);
              setRemoved(name);
            },
          });
        }}
      />
    </section>
  );
}

/** `/network` (signed in): the member institutions and the steering committee. */
export function NetworkPage() {
  const { t } = useTranslation();
  usePageTitle(t('network.title'));
  return (
    <>
      <h1>{t('network.title')}</h1>
      <p className="muted">{t('network.intro')}</p>
      <OpenCallsLink />
      <Institutions />
      <SteeringCommitteeSection />
    </>
  );
}

/** `/public/members` (anyone): the member institutions, the secretariat's representatives and the steering committee. */
export function PublicMembersPage() {
  const { t } = useTranslation();
  usePageTitle(t('network.public.title'));
  const members = usePublicMembers();
  return (
    <PublicFrame next="/network">
      <h1>{t('network.public.title')}</h1>
      <p className="muted">{t('network.public.intro')}</p>
      <Institutions />
      <section className="network-section" aria-labelledby="network-secretariat">
        <h2 id="network-secretariat">{t('network.public.secretariat')}</h2>
        {members.data && <People people={members.data.secretariat} empty={t('network.public.noSecretariat')} />}
      </section>
      <section className="network-section" aria-labelledby="network-committee">
        <h2 id="network-committee">{t('network.committee.title')}</h2>
        {members.data && <People people={members.data.steeringCommittee} empty={t('network.committee.empty')} />}
      </section>
    </PublicFrame>
  );
}
