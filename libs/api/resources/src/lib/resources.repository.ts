import { containsPattern, sqlFilters } from '@simashe/api-core';
import { Injectable } from '@nestjs/common';
import type { ListResourcesQuery, ResourceInput, UpdateResourceRequest } from '@simashe/contracts';
import { DataSource, type EntityManager } from 'typeorm';

/** The SQL of the resource library (`resources`, `resource_files`, `resource_collections`, `resource_collection_items`). */
export interface ResourceRow {
  id: string;
  organisation_id: string;
  kind: ResourceInput['kind'];
  title: string;
  summary: string;
  authors: string[];
  language: ResourceInput['language'];
  topic: ResourceInput['topic'];
  determinant: ResourceInput['determinant'];
  region_code: string | null;
  year: number | null;
  url: string | null;
  visibility: ResourceInput['visibility'];
  created_at: Date;
  updated_at: Date;
  file_id: string | null;
  file_name: string | null;
  file_content_type: string | null;
  file_size: number | null;
  file_created_at: Date | null;
}
export interface ResourceFileRow {
  name: string;
  content_type: string;
  /** The bytes, when they are kept in PostgreSQL; else null and `storage_key` names the object in S3. */
  data: Buffer | null;
  storage_key: string | null;
}
/** A file to store: its bytes here (`data`), or the key of the object already written to S3. */
export type StoredFileInput = { name: string; contentType: string; size: number } & ({ data: Buffer; storageKey: null } | { data: null; storageKey: string });
export interface CollectionRow {
  id: string;
  slug: string;
  title: string;
  description: string;
  resource_ids: string[];
}

const RESOURCE_SQL = `SELECT r.id, r.organisation_id, r.kind, r.title, r.summary, r.authors, r.language, r.topic,
    r.determinant, r.region_code, r.year, r.url, r.visibility, r.created_at, r.updated_at,
    f.id AS file_id, f.name AS file_name, f.content_type AS file_content_type, f.size AS file_size, f.created_at AS file_created_at
  FROM resources r LEFT JOIN resource_files f ON f.resource_id = r.id`;

/** The words a library search looks for (at most eight). */
export function searchWords(q: string | undefined): string[] {
  return (q ?? '').split(/\s+/).filter(Boolean).slice(0, 8);
}

@Injectable()
export class ResourcesRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * The resources the filters match whose visibility the caller passes: public ones always; network ones when
   * `network`; organisation ones of `organisationIds`. (AccessPolicy decides; this narrows the rows to read.)
   * `organisationsNamed` gives, for each searched word, the organisations whose name contains it.
   */
  list(filters: ListResourcesQuery, audience: { network: boolean; organisationIds: string[] }, organisationsNamed: Map<string, string[]>, limit = 500): Promise<ResourceRow[]> {
    const params: unknown[] = [audience.network, audience.organisationIds];
    const conditions = [`(r.visibility = 'public' OR (r.visibility = 'network' AND $1) OR (r.visibility = 'organisation' AND r.organisation_id = ANY($2::uuid[])))`];
    const { add } = sqlFilters(params, conditions);
    if (filters.kind) add('r.kind = ?', filters.kind);
    if (filters.topic) add('r.topic = ?', filters.topic);
    if (filters.language) add('r.language = ?', filters.language);
    if (filters.regionCode) add('r.region_code = ?', filters.regionCode);
    // Words of the title, summary, authors or organisation, in any order, without regard to case or accents.
    for (const word of searchWords(filters.q)) {
      params.push(containsPattern(word), organisationsNamed.get(word) ?? []);
      conditions.push(
        `(unaccent(r.title || ' ' || r.summary || ' ' || array_to_string(r.authors, ' ')) ILIKE unaccent($${params.length - 1}) OR r.organisation_id = ANY($${params.length}::uuid[]))`,
      );
    }
    params.push(limit);
    return this.db.query(`${RESOURCE_SQL} WHERE ${conditions.join(' AND ')} ORDER BY r.year DESC NULLS LAST, r.updated_at DESC LIMIT $${params.length}`, params);
  }

  async find(id: string): Promise<ResourceRow | undefined> {
    const [row] = await this.db.query(`${RESOURCE_SQL} WHERE r.id = $1`, [id]);
    return row;
  }

  /** Several resources at once, in no particular order. */
  findMany(ids: string[]): Promise<ResourceRow[]> {
    return this.db.query(`${RESOURCE_SQL} WHERE r.id = ANY($1::uuid[])`, [ids]);
  }

  /** Within the caller's transaction when given one (a resource created with its file). */
  async create(input: ResourceInput, userId: string | null, manager: EntityManager | DataSource = this.db): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO resources (organisation_id, kind, title, summary, authors, language, topic, determinant, region_code, year, url, visibility, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [input.organisationId, input.kind, input.title, input.summary, input.authors, input.language, input.topic, input.determinant, input.regionCode, input.year, input.url, input.visibility, userId],
    );
    return row.id;
  }

  async update(id: string, input: Required<UpdateResourceRequest>): Promise<void> {
    await this.db.query(
      `UPDATE resources SET kind = $2, title = $3, summary = $4, authors = $5, language = $6, topic = $7, determinant = $8, region_code = $9,
         year = $10, url = $11, visibility = $12, updated_at = now() WHERE id = $1`,
      [id, input.kind, input.title, input.summary, input.authors, input.language, input.topic, input.determinant, input.regionCode, input.year, input.url, input.visibility],
    );
  }

  /** Deletes the resource; returns the S3 key of its file, if it had one there (to delete after). */
  async remove(id: string): Promise<string | null> {
    // The statement's SELECT sees the file row as it was before the cascade removed it.
    const rows: Array<{ storage_key: string | null }> = await this.db.query(
      `WITH gone AS (DELETE FROM resources WHERE id = $1 RETURNING id) SELECT f.storage_key FROM resource_files f JOIN gone ON gone.id = f.resource_id`,
      [id],
    );
    return rows[0]?.storage_key ?? null;
  }

  /** Sets or replaces the resource's one file; returns the S3 key of the file it replaced, if any. */
  async putFile(resourceId: string, file: StoredFileInput, userId: string): Promise<string | null> {
    return this.db.transaction((manager) => this.writeFile(manager, resourceId, file, userId));
  }

  /** The file written within the caller's transaction; returns the S3 key of the file it replaced, if any. */
  async writeFile(manager: EntityManager, resourceId: string, file: StoredFileInput, userId: string): Promise<string | null> {
    const [previous] = await manager.query('SELECT storage_key FROM resource_files WHERE resource_id = $1 FOR UPDATE', [resourceId]);
    await manager.query(
      `INSERT INTO resource_files (resource_id, name, content_type, size, data, storage_key, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (resource_id) DO UPDATE SET id = gen_random_uuid(), name = EXCLUDED.name, content_type = EXCLUDED.content_type,
         size = EXCLUDED.size, data = EXCLUDED.data, storage_key = EXCLUDED.storage_key, uploaded_by = EXCLUDED.uploaded_by, created_at = now()`,
      [resourceId, file.name, file.contentType, file.size, file.data, file.storageKey, userId],
    );
    await manager.query('UPDATE resources SET updated_at = now() WHERE id = $1', [resourceId]);
    return previous?.storage_key ?? null;
  }

  async file(resourceId: string): Promise<ResourceFileRow | undefined> {
    const [row] = await this.db.query('SELECT name, content_type, data, storage_key FROM resource_files WHERE resource_id = $1', [resourceId]);
    return row;
  }

  collections(): Promise<CollectionRow[]> {
    return this.db.query(
      `SELECT c.id, c.slug, c.title, c.description,
         coalesce(array_agg(i.resource_id ORDER BY i.position) FILTER (WHERE i.resource_id IS NOT NULL), '{}') AS resource_ids
       FROM resource_collections c LEFT JOIN resource_collection_items i ON i.collection_id = c.id
       GROUP BY c.id ORDER BY c.position, c.title`,
    );
  }

  async collectionExists(id: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM resource_collections WHERE id = $1', [id])).length > 0;
  }

  /** A collection's title, description and items: an existing one (`id`), or a new one named `slug`. */
  async saveCollection(collection: ({ id: string } | { slug: string }) & { title: string; description: string; resourceIds: string[] }): Promise<string> {
    return this.db.transaction(async (manager) => {
      let id: string;
      if ('id' in collection) {
        id = collection.id;
        await manager.query('UPDATE resource_collections SET title = $2, description = $3, updated_at = now() WHERE id = $1', [id, collection.title, collection.description]);
      } else {
        [{ id }] = await manager.query('INSERT INTO resource_collections (slug, title, description) VALUES ($1, $2, $3) RETURNING id', [collection.slug, collection.title, collection.description]);
      }
      await manager.query('DELETE FROM resource_collection_items WHERE collection_id = $1', [id]);
      await manager.query(
        `INSERT INTO resource_collection_items (collection_id, resource_id, position)
         SELECT $1, id, position FROM unnest($2::uuid[]) WITH ORDINALITY AS u(id, position) WHERE EXISTS (SELECT 1 FROM resources r WHERE r.id = u.id)`,
        [id, collection.resourceIds],
      );
      return id;
    });
  }
}
