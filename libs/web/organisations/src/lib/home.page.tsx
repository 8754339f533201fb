import type { Organisation } from '@simashe/contracts';
import { useCurrentUser } from '@simashe/web-accounts';
import { Card, EmptyState, LoadingState, QueryError } from '@simashe/web-ui';
import { countryName } from '@simashe/web-i18n';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CreateOrganisationCard } from './create-organisation.card';
import { MyWork } from './my-work.section';
import { useOrganisations } from './queries';

function OrganisationTiles({ items }: { items: Organisation[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="org-grid">
      {items.map((organisation) => (
        <li key={organisation.id}>
          <div className="org-tile">
            <Link to={`/organisations/${organisation.id}`} dir="auto">
              {organisation.name}
            </Link>
            <p className="org-meta">
              <span className="badge">{t(`kinds.${organisation.kind}`)}</span>
              {organisation.region && (
                <>
                  {' · '}
                  <bdi>{t(`resources.regions.${organisation.region.code}`)}</bdi>
                </>
              )}
              {organisation.country && (
                <>
                  {' · '}
                  <bdi>{countryName(organisation.country, i18n.language)}</bdi>
                </>
              )}
            </p>
            <p className="org-meta">
              <bdi>{t('home.members', { count: organisation.memberCount })}</bdi>
              {organisation.myRole && (
                <>
                  {' · '}
                  <bdi>{t('home.yourRole', { role: t(`roles.${organisation.myRole}`) })}</bdi>
                </>
              )}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** `children`: cards other modules add to the home page (wired by the app). */
export function HomePage({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const organisations = useOrganisations();

  useEffect(() => {
    document.title = `${t('nav.home')} · ${t('app.name')}`;
  }, [t]);

  if (organisations.isPending) return <LoadingState label={t('common.loading')} />;
  if (organisations.isError) return <QueryError error={organisations.error} onRetry={() => organisations.refetch()} />;

  const items = organisations.data.items;
  const mine = items.filter((o) => o.relation === 'member');
  const regional = items.filter((o) => o.relation === 'regional_office');
  const shared = items.filter((o) => o.relation === 'partner_grant');
  const network = items.filter((o) => o.relation === 'secretariat');
  const isRegionalOffice = mine.some((o) => o.kind === 'who_regional_office');
  const isSecretariatAdmin = mine.some((o) => o.kind === 'secretariat' && o.myRole === 'admin');

  return (
    <>
      <h1>{t('home.welcome', { name: user.name })}</h1>
      <MyWork memberOrganisationIds={mine.map((organisation) => organisation.id)} />
      <Card title={t('home.myOrganisations')}>
        {mine.length ? <OrganisationTiles items={mine} /> : <EmptyState>{t('home.noOrganisations')}</EmptyState>}
      </Card>
      {isRegionalOffice && (
        <Card title={t('home.regionalPathfinders')}>
          {regional.length ? <OrganisationTiles items={regional} /> : <EmptyState>{t('home.noRegionalPathfinders')}</EmptyState>}
        </Card>
      )}
      {children}
      {shared.length > 0 && (
        <Card title={t('home.partnerAccess')}>
          <OrganisationTiles items={shared} />
        </Card>
      )}
      {isSecretariatAdmin && <CreateOrganisationCard />}
      {network.length > 0 && (
        <Card title={t('home.allOrganisations')}>
          <OrganisationTiles items={network} />
        </Card>
      )}
    </>
  );
}
