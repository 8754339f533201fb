import { Injectable } from '@nestjs/common';
import { sqlFilters, type AuthContext } from '@simashe/api-core';
import { OrganisationsService } from '@simashe/api-organisations';
import { HIGHLIGHT_END, HIGHLIGHT_START, SEARCH_CANDIDATES, type SearchHit, type SearchQuery, type SearchResults } from '@simashe/contracts';
import { DataSource } from 'typeorm';
import { audienceCondition, SearchScopes, type SearchScope } from './search-scope';

interface HitRow {
  kind: SearchHit['kind'];
  ref_id: string;
  title: string;
  link: string;
  language: string;
  occurred_at: Date;
  region_code: string | null;
  organisation_id: string | null;
  rank: number;
  total: string;
  snippet: string;
}

const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * The match, one branch per language partition of search_entries, each with that language's query (so that a
 * negation, "-vouchers", or a phrase keeps its meaning), written out so that PostgreSQL can use the GIN index.
 * Each partition has its own statistics, so for each language the planner knows how often the query's words
 * occur there: words found in most French entries walk the newest French entries and stop at the candidates,
 * while the same words, absent from English entries, are looked up in the GIN index.
 */
const LANGUAGE_BRANCHES = [
  ["e.language = 'en'", 'simashe_en'],
  ["e.language = 'fr'", 'simashe_fr'],
  ["e.language = 'es'", 'simashe_es'],
  ["e.language NOT IN ('en', 'fr', 'es')", 'simashe_simple'],
].map(([partition, config]) => {
  const query = `websearch_to_tsquery('${config}', $1)`;
  return { match: `${partition} AND e.tsv @@ ${query}`, rank: `ts_rank(e.tsv, ${query})` };
});

/**
 * Workspace-wide search over search_entries: PostgreSQL full text (weighted tsvector, GIN, language-aware and
 * accent-insensitive configurations), filters, relevance or date order, and highlighted snippets.
 * Only entries whose audience includes the searcher are ever considered.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly db: DataSource,
    private readonly scopes: SearchScopes,
    private readonly organisations: OrganisationsService,
  ) {}

  /** One page of hits among the newest candidates. */
  private async hits(scope: SearchScope, query: SearchQuery): Promise<HitRow[]> {
    // $1 is the text, if any; websearch syntax ("phrases", -exclusions, OR) is accepted and anything else is literal.
    const params: unknown[] = query.q ? [query.q] : [];
    const { conditions, add } = sqlFilters(params);
    conditions.push(audienceCondition(scope, params));
    if (query.kind) add('e.kind = ?', query.kind);
    if (query.region) add('e.region_code = ?', query.region);
    if (query.country) add('e.country_iso3 = ?', query.country);
    if (query.determinant) add('? = ANY(e.determinants)', query.determinant);
    if (query.sector) add('? = ANY(e.sectors)', query.sector);
    if (query.stage) add('e.cycle_stage = ?', query.stage);
    if (query.from) add('e.occurred_at >= ?::date', query.from);
    if (query.to) add("e.occurred_at < ?::date + interval '1 day'", query.to);
    const order = query.sort === 'date' || !query.q ? 'e.occurred_at DESC, e.ref_id' : 'rank DESC, e.occurred_at DESC, e.ref_id';
    let snippet = 'left(d.body, 240)';
    if (query.q) {
      params.push(HEADLINE_OPTIONS);
      // Every query word is marked wherever it appears in the body, even when the whole query only matches with
      // the title (an AND query has no "cover" in the body alone), hence the any-word form of the query.
      const anyWord = `to_tsquery('simple', array_to_string(ARRAY(
          SELECT quote_literal(word) FROM unnest(tsvector_to_array(to_tsvector(simashe_search_config(page.language), $1))) AS word), ' | '))`;
      snippet = `ts_headline(simashe_search_config(page.language), d.body, ${anyWord}, $${params.length})`;
    }
    params.push(SEARCH_CANDIDATES + 1, query.pageSize, (query.page - 1) * query.pageSize);
    const [candidates, limit, offset] = [params.length - 2, params.length - 1, params.length].map((n) => `$${n}`);
    // Each candidate carries what ranking and the page need, its rank computed while its vector is read for the
    // match, so neither reads search_entries again.
    const newest = (branch: { match: string; rank: string } | null) =>
      `SELECT e.kind, e.ref_id, e.language, e.occurred_at, e.region_code, e.organisation_id, ${branch?.rank ?? '0'}::float8 AS rank
       FROM search_entries e
       WHERE ${[...(branch ? [branch.match] : []), ...conditions].join(' AND ')}
       ORDER BY e.occurred_at DESC, e.ref_id LIMIT ${candidates}`;
    const candidatesSql = query.q
      ? `${LANGUAGE_BRANCHES.map((branch) => `(${newest(branch)})`).join(' UNION ALL ')} ORDER BY occurred_at DESC, ref_id LIMIT ${candidates}`
      : newest(null);
    return this.db.query(
      // The newest matches (at most SEARCH_CANDIDATES + 1) are the candidates: counting them says whether the total is
      // exact, and only they are ranked, so a word found in 50,000 lessons costs what a thousand do. Titles, bodies
      // and snippets are read for the one page shown.
      `WITH candidates AS (${candidatesSql}),
       page AS (
         SELECT c.*, (SELECT count(*) FROM candidates) AS total
         -- The extra candidate only tells that there are more; it is not shown.
         FROM (SELECT * FROM candidates ORDER BY occurred_at DESC, ref_id LIMIT ${SEARCH_CANDIDATES}) c
         ORDER BY ${order.replaceAll('e.', 'c.')}
         LIMIT ${limit} OFFSET ${offset}
       )
       SELECT page.kind, page.ref_id, d.title, d.link, page.language, page.occurred_at, page.region_code, page.rank, page.total,
              page.organisation_id,
              ${snippet} AS snippet
       FROM page JOIN search_documents d ON d.kind = page.kind AND d.ref_id = page.ref_id
       ORDER BY ${order.replaceAll('e.', 'page.')}`,
      params,
    );
  }

  async search(auth: AuthContext, query: SearchQuery): Promise<SearchResults> {
    const scope = await this.scopes.scopeFor(auth);
    const rows = await this.hits(scope, query);
    const [total, organisations] = await Promise.all([
      rows.length ? Number(rows[0].total) : this.countBeyondLastPage(auth, query),
      this.organisations.names(rows.map((row) => row.organisation_id)),
    ]);
    return {
      items: rows.map((row) => ({
        kind: row.kind,
        id: row.ref_id,
        title: row.title,
        snippet: row.snippet,
        link: row.link,
        organisationName: row.organisation_id ? (organisations.get(row.organisation_id) ?? null) : null,
        regionCode: row.region_code,
        language: row.language,
        date: row.occurred_at.toISOString(),
        rank: Math.round(row.rank * 10000) / 10000,
      })),
      // Beyond the candidates the count stops: "1,000+".
      total: Math.min(total, SEARCH_CANDIDATES),
      totalExact: total <= SEARCH_CANDIDATES,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** A page past the end has no rows to carry the total; ask for the first page's count instead. */
  private async countBeyondLastPage(auth: AuthContext, query: SearchQuery): Promise<number> {
    if (query.page === 1) return 0;
    const first = await this.search(auth, { ...query, page: 1, pageSize: 1 });
    return first.totalExact ? first.total : SEARCH_CANDIDATES + 1;
  }
}
