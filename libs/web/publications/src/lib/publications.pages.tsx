import { PUBLICATION_KINDS, PUBLICATION_STATUSES, type ListPublicationsQuery, type Publication } from '@simashe/contracts';
import { useCurrentUser } from '@simashe/web-accounts';
import { useFormatters } from '@simashe/web-i18n';
import { canWriteIn, useOrganisations } from '@simashe/web-organisations';
import { LiveDocument } from '@simashe/web-reports';
import { Alert, BackLink, Button, Card, EmptyState, LoadingState, QueryError, SearchForm, SelectField, usePageTitle } from '@simashe/web-ui';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { PublicationForm } from './publication-form';
import { CiteMenu, DoiLink, StatusActions, StatusBadge, StatusStepper } from './publication-status';
import { authorName, filtersFromParams, hasFilters, numberedAffiliations, paramsFromFilters, withFilter, type FilterKey } from './publications-logic';
import { usePublication, usePublications } from './queries';
import './publications.css';

/** "Venue, 2026", or whichever of the two there is. */
function VenueYear({ venue, year }: { venue: string; year: number | null }) {
  const { t } = useTranslation();
  if (venue && year !== null) return <bdi>{t('publications.venueYear', { venue, year })}</bdi>;
  if (venue) return <bdi>{venue}</bdi>;
  return year !== null ? <span>{year}</span> : null;
}

/** `/publications`: what the reader may read, with a search and status and kind filters kept in the address. */
export function PublicationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('publications.title'));
  const [params, setParams] = useSearchParams();
  const filters: ListPublicationsQuery = filtersFromParams(params);
  const publications = usePublications(filters);
  // Offered to those who write in an organisation (editors and admins): the form is of no use to the others.
  const organisations = useOrganisations();
  const writes = (organisations.data?.items ?? []).some(canWriteIn);
  const set = (key: FilterKey) => (value: string) => setParams(paramsFromFilters(withFilter(filters, key, value)), { replace: key !== 'q' });
  const any = { value: '', label: t('publications.any') };
  const filtered = hasFilters(filters);
  return (
    <>
      <h1>{t('publications.title')}</h1>
      <p className="muted">{t('publications.intro')}</p>
      {writes && (
        <div className="button-row">
          <Link className="btn btn-primary" to="/publications/new">
            {t('publications.new')}
          </Link>
        </div>
      )}
      <Card>
        <SearchForm value={filters.q ?? ''} onSearch={set('q')} label={t('publications.search')} buttonLabel={t('publications.searchButton')} />
        <div className="form-row">
          <SelectField label={t('publications.status')} value={filters.status ?? ''} onChange={(e) => set('status')(e.target.value)} options={[any, ...PUBLICATION_STATUSES.map((s) => ({ value: s, label: t(`publications.statuses.${s}`) }))]} />
          <SelectField label={t('publications.kind')} value={filters.kind ?? ''} onChange={(e) => set('kind')(e.target.value)} options={[any, ...PUBLICATION_KINDS.map((k) => ({ value: k, label: t(`publications.kinds.${k}`) }))]} />
        </div>
        {filtered && (
          <Button variant="link" onClick={() => setParams(new URLSearchParams())}>
            {t('publications.clearFilters')}
          </Button>
        )}
      </Card>
      <div aria-busy={publications.isFetching || undefined}>
        {publications.isPending ? (
          <LoadingState label={t('common.loading')} />
        ) : publications.isError ? (
          <QueryError error={publications.error} onRetry={() => publications.refetch()} />
        ) : publications.data.items.length === 0 ? (
          <EmptyState>{filtered ? t('publications.noMatches') : t('publications.empty')}</EmptyState>
        ) : (
          <>
            <p className="muted" role="status">
              {t('publications.count', { count: publications.data.items.length })}
            </p>
            <div className="table-scroll" role="region" aria-label={t('publications.title')} tabIndex={0}>
              <table className="publication-table">
                <thead>
                  <tr>
                    <th scope="col">{t('publications.table.title')}</th>
                    <th scope="col">{t('publications.table.kind')}</th>
                    <th scope="col">{t('publications.table.status')}</th>
                    <th scope="col">{t('publications.table.venue')}</th>
                    <th scope="col">{t('publications.table.doi')}</th>
                  </tr>
                </thead>
                <tbody>
                  {publications.data.items.map((publication) => (
                    <tr key={publication.id}>
                      <td>
                        <Link to={`/publications/${publication.id}`} dir="auto">
                          {publication.title}
                        </Link>
                        {publication.authorLine && (
                          <span className="publication-author-line muted" dir="auto">
                            {publication.authorLine}
                          </span>
                        )}
                      </td>
                      <td>{t(`publications.kinds.${publication.kind}`)}</td>
                      <td>
                        <StatusBadge status={publication.status} />
                      </td>
                      <td>
                        <VenueYear venue={publication.venue} year={publication.year} />
                      </td>
                      <td>{publication.status === 'published' && publication.doi ? <DoiLink doi={publication.doi} /> : null}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </div>
    </>
  );
}

/** `/publications/new`. */
export function NewPublicationPage() {
  const { t } = useTranslation();
  usePageTitle(t('publications.new'));
  return (
    <>
      <BackLink to="/publications">{t('publications.backToList')}</BackLink>
      <h1>{t('publications.new')}</h1>
      <PublicationForm />
    </>
  );
}

/** `/publications/:id/edit`. */
export function EditPublicationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const publication = usePublication(id);
  usePageTitle(publication.data ? t('publications.editTitle', { title: publication.data.title }) : t('publications.editHeading'));
  if (publication.isPending) return <LoadingState label={t('common.loading')} />;
  if (publication.isError) return <QueryError error={publication.error} onRetry={() => publication.refetch()} />;
  return (
    <>
      <BackLink to={`/publications/${id}`} auto>{publication.data.title}</BackLink>
      <h1>{t('publications.editHeading')}</h1>
      {publication.data.canEdit ? <PublicationForm key={publication.data.id} publication={publication.data} /> : <Alert kind="info">{t('publications.cannotEdit')}</Alert>}
    </>
  );
}

/** Authors in order, each with the numbers of their affiliations, and the numbered affiliations below. */
function Authors({ publication }: { publication: Publication }) {
  const { t } = useTranslation();
  const { affiliations, marks } = numberedAffiliations(publication.authors);
  return (
    <section className="publication-authors-view" aria-labelledby="publication-authors-title">
      <h2 id="publication-authors-title">{t('publications.detail.authors')}</h2>
      <ol className="publication-author-list">
        {publication.authors.map((author, index) => (
          // Authors have no identity of their own; their place is what they are.
          <li key={index}>
            <bdi>{authorName(author)}</bdi>
            {marks[index] !== null && <sup>{marks[index]}</sup>}
          </li>
        ))}
      </ol>
      {affiliations.length > 0 && (
        <>
          <h3 className="visually-hidden">{t('publications.detail.affiliations')}</h3>
          <ol className="publication-affiliations">
            {affiliations.map((affiliation) => (
              <li key={affiliation}>
                <bdi>{affiliation}</bdi>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** `/publications/:id`: the header and status, authors, abstract, linked items, citations, and the live draft. */
export function PublicationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const format = useFormatters(user.timeZone);
  const publication = usePublication(id);
  usePageTitle(publication.data?.title);
  if (publication.isPending) return <LoadingState label={t('common.loading')} />;
  if (publication.isError) return <QueryError error={publication.error} onRetry={() => publication.refetch()} />;
  const data = publication.data;
  const published = data.status === 'published';
  const canEditDraft = data.canEdit && !published;
  return (
    <>
      <BackLink to="/publications">{t('publications.backToList')}</BackLink>
      <header className="publication-header">
        <h1 dir="auto">{data.title}</h1>
        <p className="publication-meta">
          <span className="badge">{t(`publications.kinds.${data.kind}`)}</span> <StatusBadge status={data.status} /> <VenueYear venue={data.venue} year={data.year} />
        </p>
        <p className="muted">
          {t('publications.detail.lead')}
          {': '}
          <bdi>{data.organisationName}</bdi>
        </p>
        {data.doi && (
          <p className="publication-doi">
            {t('publications.doi')}
            {': '}
            <DoiLink doi={data.doi} />
            {data.publishedAt && <span className="muted">{` · ${t('publications.detail.publishedOn', { date: format.date(data.publishedAt) })}`}</span>}
          </p>
        )}
        <StatusStepper status={data.status} />
        <StatusActions publication={data} />
        <div className="button-row publication-tools">
          {data.canEdit && (
            <Link className="btn btn-secondary" to={`/publications/${data.id}/edit`}>
              {t('publications.edit')}
            </Link>
          )}
          <CiteMenu publicationId={data.id} />
        </div>
      </header>
      <Authors publication={data} />
      <section aria-labelledby="publication-abstract-title">
        <h2 id="publication-abstract-title">{t('publications.detail.abstract')}</h2>
        {data.abstract ? (
          <p className="publication-abstract" dir="auto">
            {data.abstract}
          </p>
        ) : (
          <p className="muted">{t('publications.detail.noAbstract')}</p>
        )}
      </section>
      <section aria-labelledby="publication-links-title">
        <h2 id="publication-links-title">{t('publications.detail.links')}</h2>
        {data.links.length === 0 ? (
          <p className="muted">{t('publications.detail.noLinks')}</p>
        ) : (
          <ul className="publication-link-rows">
            {data.links.map((link) => (
              <li key={`${link.kind}:${link.id}`}>
                <span className="badge">{t(`publications.links.kinds.${link.kind}`)}</span>{' '}
                {link.href && link.title ? (
                  <Link to={link.href} dir="auto">
                    {link.title}
                  </Link>
                ) : (
                  <span className="muted">{t('publications.links.unreadable')}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="publication-draft-title" className="publication-draft">
        <h2 id="publication-draft-title">{t('publications.detail.draft')}</h2>
        {published ? <Alert kind="info">{t('publications.detail.draftReadOnlyPublished')}</Alert> : !data.canEdit && <Alert kind="info">{t('publications.detail.draftReadOnly')}</Alert>}
        {/* Keyed by status: publishing reconnects, so the server's read-only answer replaces the editing session. */}
        <LiveDocument key={published ? 'published' : 'open'} documentRef={{ kind: 'publication', documentId: data.documentId }} user={user} canEdit={canEditDraft} label={t('publications.detail.draftText')} />
      </section>
    </>
  );
}
