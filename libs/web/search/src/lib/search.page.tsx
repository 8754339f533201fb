import {
  CYCLE_STAGES,
  DETERMINANTS,
  HIGHLIGHT_END,
  HIGHLIGHT_START,
  SEARCH_KINDS,
  SECTORS,
  WHO_REGION_CODES,
  type SearchQuery,
  type SearchResults,
} from '@simashe/contracts';
import { useCurrentUser } from '@simashe/web-accounts';
import { ApiError, api } from '@simashe/web-api-client';
import { useDateFormatter } from '@simashe/web-i18n';
import { Button, Card, EmptyState, LoadingState, QueryError, SelectField, TextField } from '@simashe/web-ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';

type FilterKey = 'kind' | 'region' | 'country' | 'determinant' | 'sector' | 'stage' | 'from' | 'to' | 'sort';

/** The snippet with the matched words marked; the text is only ever rendered as text. */
function Snippet({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let rest = text;
  for (let index = 0; rest.length > 0; index += 1) {
    const start = rest.indexOf(HIGHLIGHT_START);
    if (start < 0) {
      parts.push(rest);
      break;
    }
    const end = rest.indexOf(HIGHLIGHT_END, start);
    parts.push(rest.slice(0, start));
    parts.push(<mark key={index}>{rest.slice(start + 1, end < 0 ? undefined : end)}</mark>);
    rest = end < 0 ? '' : rest.slice(end + 1);
  }
  // Written text, in its own language and direction whatever the interface's.
  return (
    <p className="snippet" dir="auto">
      {parts}
    </p>
  );
}

function useSearch(params: URLSearchParams) {
  return useQuery({
    queryKey: ['search', params.toString()],
    queryFn: () => api.get<SearchResults>(`/search?${params.toString()}`),
    placeholderData: keepPreviousData,
  });
}

/** The header's search box: any page, Enter goes to the results. */
export function SearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const [q, setQ] = useState('');
  return (
    <form
      role="search"
      className="header-search"
      onSubmit={(event) => {
        event.preventDefault();
        navigate(`/search?q=${encodeURIComponent(q.trim())}`);
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {t('search.label')}
      </label>
      <input id={id} type="search" placeholder={t('search.placeholder')} value={q} maxLength={200} onChange={(e) => setQ(e.target.value)} />
    </form>
  );
}

export function SearchPage() {
  const { t } = useTranslation();
  const format = useDateFormatter(useCurrentUser().timeZone);
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const results = useSearch(params);
  const error = results.error instanceof ApiError ? results.error : null;
  const page = Number(params.get('page') ?? '1');

  useEffect(() => {
    document.title = `${t('search.title')} · ${t('app.name')}`;
  }, [t]);

  const update = (changes: Partial<Record<keyof SearchQuery, string>>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };
  const select = (key: FilterKey, values: readonly string[], label: (value: string) => string, anyOption = true) => (
    <SelectField
      label={t(`search.filters.${key}`)}
      value={params.get(key) ?? (anyOption ? '' : values[0])}
      onChange={(e) => update({ [key]: e.target.value })}
      options={[...(anyOption ? [{ value: '', label: t('search.any') }] : []), ...values.map((value) => ({ value, label: label(value) }))]}
      error={error?.fieldError(key)}
    />
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update({ q: text.trim() });
  };
  const total = results.data?.total ?? 0;
  const pageSize = results.data?.pageSize ?? 20;

  return (
    <>
      <h1>{t('search.title')}</h1>
      <Card>
        <form role="search" onSubmit={submit} className="form-row" noValidate>
          <TextField label={t('search.label')} type="search" value={text} maxLength={200} onChange={(e) => setText(e.target.value)} error={error?.fieldError('q')} />
          <Button type="submit">{t('search.submit')}</Button>
        </form>
        <p className="muted">{t('search.help')}</p>
        <div className="form-row">
          {select('kind', SEARCH_KINDS, (v) => t(`search.kinds.${v}`))}
          {select('region', WHO_REGION_CODES, (v) => v)}
          {select('determinant', DETERMINANTS, (v) => t(`lessons.determinant.${v}`))}
          {select('sector', SECTORS, (v) => t(`lessons.sector.${v}`))}
          {select('stage', CYCLE_STAGES, (v) => t(`lessons.stages.${v}`))}
        </div>
        <div className="form-row">
          <TextField label={t('search.filters.country')} value={params.get('country') ?? ''} maxLength={3} onChange={(e) => update({ country: e.target.value.toUpperCase() })} error={error?.fieldError('country')} hint={t('search.countryHint')} />
          <TextField label={t('search.filters.from')} type="date" value={params.get('from') ?? ''} onChange={(e) => update({ from: e.target.value })} error={error?.fieldError('from')} />
          <TextField label={t('search.filters.to')} type="date" value={params.get('to') ?? ''} onChange={(e) => update({ to: e.target.value })} error={error?.fieldError('to')} />
          {select('sort', ['relevance', 'date'], (v) => t(`search.sorts.${v}`), false)}
        </div>
      </Card>
      <Card title={t('search.results')}>
        {results.isPending ? (
          <LoadingState label={t('common.loading')} />
        ) : results.isError ? (
          error && error.details.length > 0 ? <EmptyState>{t('search.fixFilters')}</EmptyState> : <QueryError error={results.error} onRetry={() => results.refetch()} />
        ) : results.data.items.length === 0 ? (
          <EmptyState>{params.get('q') ? t('search.noResults', { q: params.get('q') }) : t('search.nothingYet')}</EmptyState>
        ) : (
          <>
            <p className="muted" role="status">
              {results.data?.totalExact === false ? t('search.countAtLeast', { count: total }) : t('search.count', { count: total })}
            </p>
            <ol className="search-results" aria-busy={results.isFetching}>
              {results.data.items.map((hit) => (
                <li key={`${hit.kind}-${hit.id}`} lang={hit.language || undefined}>
                  <span className="badge">{t(`search.kinds.${hit.kind}`)}</span>{' '}
                  <Link to={hit.link}>
                    <strong dir="auto">{hit.title}</strong>
                  </Link>
                  <div className="muted">
                    {[hit.organisationName, hit.regionCode, format(hit.date)].filter(Boolean).map((part, index) => (
                      <span key={index}>
                        {index > 0 && ' · '}
                        <bdi>{part}</bdi>
                      </span>
                    ))}
                  </div>
                  {hit.snippet && <Snippet text={hit.snippet} />}
                </li>
              ))}
            </ol>
            <nav className="button-row" aria-label={t('search.pages')}>
              <Button variant="secondary" disabled={page <= 1} onClick={() => update({ page: String(page - 1) })}>
                {t('search.previous')}
              </Button>
              <span>{t('search.pageOf', { page, pages: Math.max(1, Math.ceil(total / pageSize)) })}</span>
              <Button variant="secondary" disabled={page * pageSize >= total} onClick={() => update({ page: String(page + 1) })}>
                {t('search.next')}
              </Button>
            </nav>
          </>
        )}
      </Card>
    </>
  );
}
