import { containsPattern, sqlFilters } from '@simashe/api-core';
import { Injectable } from '@nestjs/common';
import type { LinkedItemKind, ListPublicationsQuery, PublicationInput, PublicationKind, PublicationStatus } from '@simashe/contracts';
import { DataSource, type EntityManager } from 'typeorm';

/** The SQL of joint publications (`publications`, `publication_authors`, `publication_links`). */
export interface PublicationRow {
  id: string;
  organisation_id: string;
  kind: PublicationKind;
  title: string;
  abstract: string;
  venue: string;
  year: number | null;
  status: PublicationStatus;
  doi: string | null;
  published_at: Date | null;
  created_at: Date;
  updated_at: Date;
  /** The lead organisation first, then those the authors write for. */
  organisation_ids: string[];
}
export interface AuthorRow {
  publication_id: string;
  position: number;
  given_name: string;
  family_name: string;
  affiliation: string;
  organisation_id: string | null;
}
export interface LinkRow {
  publication_id: string;
  item_kind: LinkedItemKind;
  item_id: string;
}

type Db = EntityManager | DataSource;

const PUBLICATION_SQL = `SELECT p.id, p.organisation_id, p.kind, p.title, p.abstract, p.venue, p.year, p.status, p.doi,
    p.published_at, p.created_at, p.updated_at,
    ARRAY[p.organisation_id] || ARRAY(SELECT DISTINCT a.organisation_id FROM publication_authors a
      WHERE a.publication_id = p.id AND a.organisation_id IS NOT NULL AND a.organisation_id <> p.organisation_id) AS organisation_ids
  FROM publications p`;

@Injectable()
export class PublicationsRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * The publications the filters match that the caller may read, as far as SQL narrows it: published ones when
   * `network`, else those whose lead or an author's organisation is in `organisationIds` (the policy decides).
   */
  list(filters: ListPublicationsQuery, audience: { network: boolean; organisationIds: string[] }, limit = 500): Promise<PublicationRow[]> {
    const params: unknown[] = [audience.network, audience.organisationIds];
    const conditions = [
      `((p.status = 'published' AND $1) OR p.organisation_id = ANY($2::uuid[])
        OR EXISTS (SELECT 1 FROM publication_authors a WHERE a.publication_id = p.id AND a.organisation_id = ANY($2::uuid[])))`,
    ];
    const { add } = sqlFilters(params, conditions);
    if (filters.status) add('p.status = ?', filters.status);
    if (filters.kind) add('p.kind = ?', filters.kind);
    if (filters.q) {
      for (const word of filters.q.split(/\s+/).filter(Boolean).slice(0, 8)) {
        add(
          `unaccent(p.title || ' ' || p.venue || ' ' || p.abstract || ' ' || coalesce((SELECT string_agg(a.family_name || ' ' || a.given_name, ' ') FROM publication_authors a WHERE a.publication_id = p.id), '')) ILIKE unaccent(?)`,
          containsPattern(word),
        );
      }
    }
    params.push(limit);
    return this.db.query(`${PUBLICATION_SQL} WHERE ${conditions.join(' AND ')} ORDER BY p.updated_at DESC LIMIT $${params.length}`, params);
  }

  async find(id: string, db: Db = this.db, lock = false): Promise<PublicationRow | undefined> {
    const [row] = await db.query(`${PUBLICATION_SQL} WHERE p.id = $1${lock ? ' FOR UPDATE OF p' : ''}`, [id]);
    return row;
  }

  /** The authors of several publications (one query), in order. */
  authors(publicationIds: string[]): Promise<AuthorRow[]> {
    return this.db.query(
      `SELECT a.publication_id, a.position, a.given_name, a.family_name, a.affiliation, a.organisation_id
       FROM publication_authors a
       WHERE a.publication_id = ANY($1::uuid[]) ORDER BY a.publication_id, a.position`,
      [publicationIds],
    );
  }

  links(publicationId: string): Promise<LinkRow[]> {
    return this.db.query(`SELECT publication_id, item_kind, item_id FROM publication_links WHERE publication_id = $1 ORDER BY position`, [publicationId]);
  }

  async create(manager: EntityManager, input: PublicationInput, userId: string | null): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO publications (organisation_id, kind, title, abstract, venue, year, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [input.organisationId, input.kind, input.title, input.abstract, input.venue, input.year, userId],
    );
    await this.writeParts(manager, row.id, input);
    return row.id;
  }

  async update(manager: EntityManager, id: string, input: PublicationInput): Promise<void> {
    await manager.query(`UPDATE publications SET kind = $2, title = $3, abstract = $4, venue = $5, year = $6, updated_at = now() WHERE id = $1`, [
      id,
      input.kind,
      input.title,
      input.abstract,
      input.venue,
      input.year,
    ]);
    await manager.query('DELETE FROM publication_authors WHERE publication_id = $1', [id]);
    await manager.query('DELETE FROM publication_links WHERE publication_id = $1', [id]);
    await this.writeParts(manager, id, input);
  }

  /** Moves the status; `published_at` is set when it is published. */
  async setStatus(manager: EntityManager, id: string, status: PublicationStatus, doi: string | null): Promise<void> {
    await manager.query(
      `UPDATE publications SET status = $2::text, doi = COALESCE($3, doi), published_at = CASE WHEN $2::text = 'published' THEN now() ELSE published_at END, updated_at = now() WHERE id = $1`,
      [id, status, doi],
    );
  }

  /**
   * The title of another publication that already has this DOI (DOIs are case-insensitive), or null. Holds a lock on
   * the DOI until the transaction ends, so that two publications published at once with it are decided in turn.
   */
  async doiHolder(manager: EntityManager, doi: string, exceptId: string): Promise<string | null> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('publication-doi:' || lower($1)))`, [doi]);
    const [row]: Array<{ title: string }> = await manager.query('SELECT title FROM publications WHERE lower(doi) = lower($1) AND id <> $2 LIMIT 1', [doi, exceptId]);
    return row?.title ?? null;
  }

  async remove(id: string): Promise<void> {
    await this.db.query('DELETE FROM publications WHERE id = $1', [id]);
  }

  /** The authors and links, in order, as parallel arrays (two statements whatever their number). */
  private async writeParts(manager: EntityManager, id: string, input: PublicationInput): Promise<void> {
    const authors = input.authors;
    await manager.query(
      `INSERT INTO publication_authors (publication_id, position, given_name, family_name, affiliation, organisation_id)
       SELECT $1, g.position, g.given_name, g.family_name, g.affiliation, g.organisation_id
       FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::uuid[]) AS g(position, given_name, family_name, affiliation, organisation_id)`,
      [id, authors.map((_, index) => index), authors.map((a) => a.givenName), authors.map((a) => a.familyName), authors.map((a) => a.affiliation), authors.map((a) => a.organisationId)],
    );
    if (input.links.length === 0) return;
    await manager.query(
      `INSERT INTO publication_links (publication_id, position, item_kind, item_id)
       SELECT $1, g.position, g.item_kind, g.item_id FROM unnest($2::int[], $3::text[], $4::uuid[]) AS g(position, item_kind, item_id)`,
      [id, input.links.map((_, index) => index), input.links.map((link) => link.kind), input.links.map((link) => link.id)],
    );
  }
}
