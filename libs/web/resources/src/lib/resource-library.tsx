import { RESOURCE_KINDS, RESOURCE_TOPICS, SUPPORTED_LANGUAGES, WHO_REGION_CODES, type ListResourcesQuery } from '@simashe/contracts';
import { LANGUAGE_NAMES } from '@simashe/web-i18n';
import { Button, Card, EmptyState, LoadingState, QueryError, SearchForm, SelectField } from '@simashe/web-ui';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ResourceGrid } from './resource-card';
import { filtersFromParams, hasFilters, paramsFromFilters, withFilter, type FilterKey } from './resources-logic';
import { useCollections, useResources, type Audience } from './queries';

/** The curated collections, each a titled row of cards; a collection with nothing the reader may see is left out. */
function Collections({ audience }: { audience: Audience }) {
  const { t } = useTranslation();
  const collections = useCollections(audience);
  if (collections.isPending) return <LoadingState label={t('common.loading')} />;
  if (collections.isError) return <QueryError error={collections.error} onRetry={() => collections.refetch()} />;
  const shown = collections.data.items.filter((collection) => collection.items.length > 0);
  if (shown.length === 0) return null;
  return (
    <>
      {shown.map((collection) => (
        <section key={collection.id} className="resource-collection" aria-labelledby={`collection-${collection.id}`}>
          <h2 id={`collection-${collection.id}`} dir="auto">
            {collection.title}
          </h2>
          {collection.description && (
            <p className="muted" dir="auto">
              {collection.description}
            </p>
          )}
          <ResourceGrid items={collection.items} audience={audience} />
        </section>
      ))}
    </>
  );
}

/** Collections first, then the whole library with a search and filters kept in the address, so a filtered list can be shared. */
export function ResourceLibrary({ audience }: { audience: Audience }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters: ListResourcesQuery = filtersFromParams(params);
  const resources = useResources(audience, filters);
  const set = (key: FilterKey) => (value: string) => setParams(paramsFromFilters(withFilter(filters, key, value)), { replace: key !== 'q' });
  const any = { value: '', label: t('resources.any') };
  const filtered = hasFilters(filters);

  return (
    <>
      <Collections audience={audience} />
      <section className="resource-library" aria-labelledby="resource-library-title">
        <h2 id="resource-library-title">{t('resources.library')}</h2>
        <Card>
          <SearchForm value={filters.q ?? ''} onSearch={set('q')} label={t('resources.search')} buttonLabel={t('resources.searchButton')} />
          <div className="form-row">
            <SelectField label={t('resources.kind')} value={filters.kind ?? ''} onChange={(e) => set('kind')(e.target.value)} options={[any, ...RESOURCE_KINDS.map((k) => ({ value: k, label: t(`resources.kinds.${k}`) }))]} />
            <SelectField label={t('resources.topic')} value={filters.topic ?? ''} onChange={(e) => set('topic')(e.target.value)} options={[any, ...RESOURCE_TOPICS.map((k) => ({ value: k, label: t(`resources.topics.${k}`) }))]} />
            <SelectField label={t('resources.language')} value={filters.language ?? ''} onChange={(e) => set('language')(e.target.value)} options={[any, ...SUPPORTED_LANGUAGES.map((k) => ({ value: k, label: LANGUAGE_NAMES[k] }))]} />
            <SelectField label={t('resources.region')} value={filters.regionCode ?? ''} onChange={(e) => set('regionCode')(e.target.value)} options={[any, ...WHO_REGION_CODES.map((k) => ({ value: k, label: t(`resources.regions.${k}`) }))]} />
          </div>
          {filtered && (
            <Button variant="link" onClick={() => setParams(new URLSearchParams())}>
              {t('resources.clearFilters')}
            </Button>
          )}
        </Card>
        <div aria-busy={resources.isFetching || undefined}>
          {resources.isPending ? (
            <LoadingState label={t('common.loading')} />
          ) : resources.isError ? (
            <QueryError error={resources.error} onRetry={() => resources.refetch()} />
          ) : resources.data.items.length === 0 ? (
            <EmptyState>{filtered ? t('resources.noMatches') : t('resources.empty')}</EmptyState>
          ) : (
            <>
              <p className="muted" role="status">{t('resources.count', { count: resources.data.items.length })}</p>
              <ResourceGrid items={resources.data.items} audience={audience} />
            </>
          )}
        </div>
      </section>
    </>
  );
}
