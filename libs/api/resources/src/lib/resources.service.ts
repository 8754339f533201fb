import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { NotFoundError, ObjectStore, parseJsonField, ValidationError, type AuthContext, type UploadedFileData, requireAcceptableFile } from '@simashe/api-core';
import { AccessPolicy, AccessScope, OrganisationsService } from '@simashe/api-organisations';
import { SearchIndexer } from '@simashe/api-search';
import { ResourceInputSchema, type Collection, type CollectionInput, type ListResourcesQuery, type Resource, type ResourceInput, type UpdateResourceRequest } from '@simashe/contracts';
import { DataSource } from 'typeorm';
import { ResourcesRepository, searchWords, type ResourceRow, type StoredFileInput } from './resources.repository';

type LibraryResource = { kind: 'library'; organisationId: string; visibility: ResourceRow['visibility'] };
const resourceOf = (row: Pick<ResourceRow, 'organisation_id' | 'visibility'>): LibraryResource => ({ kind: 'library', organisationId: row.organisation_id, visibility: row.visibility });

/** Someone signed out: no organisation, so the AccessPolicy lets them read public resources and collections only. */
const SIGNED_OUT = new AccessScope('', new Map());

/**
 * The knowledge hub's resource library: what people share (files or links), who reads it (public, the network, or
 * the organisation), curated collections, and a place in the workspace search. Every decision is the AccessPolicy's;
 * signed-out visitors are asked about with an empty scope.
 */
@Injectable()
export class ResourcesService {
  constructor(
    private readonly repo: ResourcesRepository,
    private readonly policy: AccessPolicy,
    private readonly indexer: SearchIndexer,
    private readonly db: DataSource,
    private readonly store: ObjectStore,
    private readonly organisations: OrganisationsService,
  ) {}

  /** The resources with their organisations' names, looked up once for all of them. */
  private async presenting(rows: ResourceRow[], scope: AccessScope): Promise<Resource[]> {
    const names = await this.organisations.names(rows.map((row) => row.organisation_id));
    return rows.map((row) => present(row, scope, names.get(row.organisation_id) ?? ''));
  }

  /** The resources `auth` may read (null: signed out) matching the filters. */
  async list(auth: AuthContext | null, filters: ListResourcesQuery): Promise<Resource[]> {
    const scope = auth ? await this.policy.scope(auth) : SIGNED_OUT;
    const organisationsNamed = await this.organisations.idsNamedLike(searchWords(filters.q));
    const rows = await this.repo.list(filters, { network: scope.memberOrganisationIds.length > 0, organisationIds: scope.readableOrganisationIds }, organisationsNamed);
    return this.presenting(rows.filter((row) => scope.can('library:read', resourceOf(row))), scope);
  }

  async get(auth: AuthContext | null, id: string): Promise<Resource> {
    const { row, scope } = await this.readable(auth, id);
    const [resource] = await this.presenting([row], scope);
    return resource;
  }

  async create(auth: AuthContext, input: ResourceInput): Promise<Resource> {
    await this.policy.require(auth, 'library:create', { kind: 'library', organisationId: input.organisationId, visibility: input.visibility }, 'The organisation');
    return this.indexed(auth, await this.repo.create(input, auth.userId));
  }

  /**
   * A new resource and its file, in one request and one transaction: the fields and the file are both checked
   * before anything is stored, so a refused file (too large, of a refused type, or disguised) leaves nothing behind.
   */
  async createWithFile(auth: AuthContext, raw: string, file: UploadedFileData | undefined): Promise<Resource> {
    const input = parseJsonField(ResourceInputSchema, raw, 'resource');
    await this.policy.require(auth, 'library:create', { kind: 'library', organisationId: input.organisationId, visibility: input.visibility }, 'The organisation');
    const checked = requireAcceptableFile(file);
    const id = await this.storing(checked, (stored) =>
      this.db.transaction(async (manager) => {
        const created = await this.repo.create(input, auth.userId, manager);
        await this.repo.writeFile(manager, created, stored, auth.userId);
        return created;
      }),
    );
    return this.indexed(auth, id);
  }

  async update(auth: AuthContext, id: string, changes: UpdateResourceRequest): Promise<Resource> {
    const row = await this.writable(auth, id, 'library:write');
    // Only what the change names: the rest stays as stored.
    const sent = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as UpdateResourceRequest;
    const merged = { ...fieldsOf(row), ...sent };
    await this.repo.update(id, merged);
    return this.indexed(auth, id);
  }

  async remove(auth: AuthContext, id: string): Promise<void> {
    await this.writable(auth, id, 'library:delete');
    const storageKey = await this.repo.remove(id);
    await this.indexer.remove('resource', id);
    if (storageKey) await this.store.delete(storageKey);
  }

  /** Sets or replaces the resource's file: checked for type, size and content (a renamed executable is refused). */
  async putFile(auth: AuthContext, id: string, file: UploadedFileData | undefined): Promise<Resource> {
    await this.writable(auth, id, 'library:write');
    const checked = requireAcceptableFile(file);
    const replaced = await this.storing(checked, (stored) => this.repo.putFile(id, stored, auth.userId));
    if (replaced) await this.store.delete(replaced);
    return this.get(auth, id);
  }

  /** The file, once the caller may read its resource (signed out: public resources only). */
  async file(auth: AuthContext | null, id: string): Promise<{ name: string; contentType: string; data: Buffer }> {
    await this.readable(auth, id);
    const file = await this.repo.file(id);
    if (!file) throw new NotFoundError('The file', 'The resource has no file: it is a link');
    return { name: file.name, contentType: file.content_type, data: file.data ?? (await this.store.get(file.storage_key as string)) };
  }

  /** The titles of those of `ids` the caller may read, by id (one query): what other domains show of a resource. */
  async readableTitles(auth: AuthContext, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const scope = await this.policy.scope(auth);
    const rows = await this.repo.findMany([...new Set(ids)]);
    return new Map(rows.filter((row) => scope.can('library:read', resourceOf(row))).map((row) => [row.id, row.title]));
  }

  /** The curated collections, each with the resources the caller may read, in order. */
  async collections(auth: AuthContext | null): Promise<Collection[]> {
    const scope = auth ? await this.policy.scope(auth) : SIGNED_OUT;
    scope.require('collection:read', { kind: 'collection' });
    const collections = await this.repo.collections();
    const readable = (await this.repo.findMany([...new Set(collections.flatMap((c) => c.resource_ids))])).filter((row) => scope.can('library:read', resourceOf(row)));
    const resources = new Map((await this.presenting(readable, scope)).map((resource) => [resource.id, resource]));
    return collections.map((collection) => ({
      id: collection.id,
      slug: collection.slug,
      title: collection.title,
      description: collection.description,
      items: collection.resource_ids.map((id) => resources.get(id)).filter((resource): resource is Resource => !!resource),
    }));
  }

  async saveCollection(auth: AuthContext, id: string, input: CollectionInput): Promise<Collection> {
    await this.policy.require(auth, 'collection:manage', { kind: 'collection' });
    if (!(await this.repo.collectionExists(id))) throw new NotFoundError('The collection');
    const found = await this.repo.findMany(input.resourceIds);
    const missing = input.resourceIds.filter((resourceId) => !found.some((row) => row.id === resourceId));
    if (missing.length) throw new ValidationError('Some resources of the collection do not exist', missing.map((resourceId) => ({ path: 'resourceIds', message: `No resource ${resourceId}` })));
    await this.repo.saveCollection({ id, title: input.title, description: input.description, resourceIds: input.resourceIds });
    return (await this.collections(auth)).find((collection) => collection.id === id) as Collection;
  }

  /** The demo's collections: created by slug, as the secretariat curates them. */
  async seedCollection(slug: string, title: string, description: string, resourceIds: string[]): Promise<void> {
    await this.repo.saveCollection({ slug, title, description, resourceIds });
  }

  /**
   * Writes a checked file where files are kept: in S3 first when it is configured (then `write` records its key,
   * and a failed write deletes the object again, so nothing is left half-saved), else as bytes in `write`'s row.
   */
  private async storing<T>(file: UploadedFileData & { safeName: string }, write: (stored: StoredFileInput) => Promise<T>): Promise<T> {
    const described = { name: file.safeName, contentType: file.mimetype, size: file.buffer.length };
    if (!this.store.enabled) return write({ ...described, data: file.buffer, storageKey: null });
    const storageKey = `resources/${randomUUID()}`;
    await this.store.put(storageKey, file.buffer, file.mimetype);
    try {
      return await write({ ...described, data: null, storageKey });
    } catch (error) {
      await this.store.delete(storageKey);
      throw error;
    }
  }

  private async readable(auth: AuthContext | null, id: string): Promise<{ row: ResourceRow; scope: AccessScope }> {
    const row = await this.repo.find(id);
    if (!row) throw new NotFoundError('The resource');
    const scope = auth ? await this.policy.scope(auth) : SIGNED_OUT;
    scope.require('library:read', resourceOf(row), 'The resource');
    return { row, scope };
  }

  private async writable(auth: AuthContext, id: string, action: 'library:write' | 'library:delete'): Promise<ResourceRow> {
    const row = await this.repo.find(id);
    if (!row) throw new NotFoundError('The resource');
    await this.policy.require(auth, action, resourceOf(row), 'The resource');
    return row;
  }

  /** The resource just written, read once: indexed for the workspace search (for those who may read it) and presented. */
  private async indexed(auth: AuthContext, id: string): Promise<Resource> {
    const { row, scope } = await this.readable(auth, id);
    const [resource] = await this.presenting([row], scope);
    await this.indexer.upsert({
      kind: 'resource',
      refId: row.id,
      title: row.title,
      body: [row.summary, row.authors.join(', '), resource.organisationName].filter(Boolean).join('\n'),
      language: row.language,
      link: `/resources/${row.id}`,
      organisationId: row.organisation_id,
      // Public and network resources are for every member; the others for those who read the organisation.
      audience: row.visibility === 'organisation' ? 'organisation' : 'network',
      determinants: row.determinant ? [row.determinant] : [],
      occurredAt: row.updated_at,
    });
    return resource;
  }
}

/** The stored fields of a resource, as a complete change. */
function fieldsOf(row: ResourceRow): Required<UpdateResourceRequest> {
  return {
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    authors: row.authors,
    language: row.language,
    topic: row.topic,
    determinant: row.determinant,
    regionCode: row.region_code as Required<UpdateResourceRequest>['regionCode'],
    year: row.year,
    url: row.url,
    visibility: row.visibility,
  };
}

export function present(row: ResourceRow, scope: AccessScope, organisationName: string): Resource {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName,
    ...fieldsOf(row),
    file:
      row.file_id && row.file_name && row.file_content_type && row.file_size && row.file_created_at
        ? { id: row.file_id, name: row.file_name, contentType: row.file_content_type, size: row.file_size, createdAt: row.file_created_at.toISOString() }
        : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    canEdit: scope.can('library:write', resourceOf(row)),
  };
}
