import { Injectable } from '@nestjs/common';
import { OrganisationsService } from '@simashe/api-organisations';
import type { SearchKind } from '@simashe/contracts';
import { DataSource, type EntityManager } from 'typeorm';

export type { SearchKind };
export type Audience = 'network' | 'region' | 'organisation' | 'members' | 'meeting';

export interface SearchEntry {
  kind: SearchKind;
  refId: string;
  title: string;
  /** Plain text; weighted below the title. */
  body: string;
  language: string;
  /** In-app path of the thing. */
  link: string;
  organisationId: string | null;
  audience: Audience;
  meetingId?: string | null;
  determinants?: string[];
  sectors?: string[];
  cycleStage?: string | null;
  occurredAt: Date | string;
}

/**
 * The weighted document vector: title (A), body (B), tags (C), all in the document's own language
 * configuration. Shared with the search benchmark, which bulk-builds the same vectors.
 */
export function searchVectorSql(language: string, title: string, body: string, determinants: string, sectors: string): string {
  return `setweight(to_tsvector(simashe_search_config(${language}), ${title}), 'A')
    || setweight(to_tsvector(simashe_search_config(${language}), ${body}), 'B')
    || setweight(to_tsvector(simashe_search_config(${language}), array_to_string(${determinants} || ${sectors}, ' ')), 'C')`;
}

/** Index size guard: very long bodies are cut (PostgreSQL tsvectors are limited to 1 MB). */
const MAX_BODY_CHARACTERS = 200_000;

/** Keeps search_entries current: each domain calls it when something searchable is written. */
@Injectable()
export class SearchIndexer {
  constructor(
    private readonly db: DataSource,
    private readonly organisations: OrganisationsService,
  ) {}

  async upsert(entry: SearchEntry, manager?: EntityManager): Promise<void> {
    // One entry per thing: a change of language moves it to another partition, so the upserts of one thing are
    // serialised (an advisory lock for the transaction) rather than trusting a key that includes the language.
    if (manager?.queryRunner?.isTransactionActive) return this.write(entry, manager);
    return this.db.transaction((transaction) => this.write(entry, transaction));
  }

  private async write(entry: SearchEntry, manager: EntityManager): Promise<void> {
    const body = entry.body.slice(0, MAX_BODY_CHARACTERS);
    // Filed under its organisation's region and country, as the organisation has them now.
    const organisation = (await this.organisations.summaries([entry.organisationId], manager)).get(entry.organisationId ?? '');
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1 || ':' || $2, 0))`, [entry.kind, entry.refId]);
    // Its entry in another language goes, and its document with it (the foreign key cascades).
    await manager.query('DELETE FROM search_entries WHERE kind = $1 AND ref_id = $2 AND language <> $3', [entry.kind, entry.refId, entry.language]);
    await manager.query(
      `INSERT INTO search_entries (kind, ref_id, language, organisation_id, region_code, country_iso3, audience, meeting_id,
                                   determinants, sectors, cycle_stage, occurred_at, tsv)
       SELECT $1, $2::uuid, $5::text, $6::uuid, $13::text, $14::text, $7, $8::uuid, $9::text[], $10::text[], $11, $12::timestamptz,
              ${searchVectorSql('$5::text', '$3::text', '$4::text', '$9::text[]', '$10::text[]')}
       ON CONFLICT (kind, ref_id, language) DO UPDATE SET
         organisation_id = EXCLUDED.organisation_id, region_code = EXCLUDED.region_code,
         country_iso3 = EXCLUDED.country_iso3, audience = EXCLUDED.audience, meeting_id = EXCLUDED.meeting_id,
         determinants = EXCLUDED.determinants, sectors = EXCLUDED.sectors, cycle_stage = EXCLUDED.cycle_stage,
         occurred_at = EXCLUDED.occurred_at, tsv = EXCLUDED.tsv`,
      [
        entry.kind,
        entry.refId,
        entry.title,
        body,
        entry.language,
        entry.organisationId,
        entry.audience,
        entry.meetingId ?? null,
        entry.determinants ?? [],
        entry.sectors ?? [],
        entry.cycleStage ?? null,
        entry.occurredAt,
        organisation?.regionCode ?? null,
        organisation?.countryIso3 ?? null,
      ],
    );
    // What the hits show, apart from what they are matched on (see the search_documents migration).
    await manager.query(
      `INSERT INTO search_documents (kind, ref_id, language, title, body, link) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (kind, ref_id) DO UPDATE SET language = EXCLUDED.language, title = EXCLUDED.title, body = EXCLUDED.body, link = EXCLUDED.link`,
      [entry.kind, entry.refId, entry.language, entry.title, body, entry.link],
    );
  }

  async remove(kind: SearchKind, refId: string, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query('DELETE FROM search_entries WHERE kind = $1 AND ref_id = $2', [kind, refId]);
  }
}
