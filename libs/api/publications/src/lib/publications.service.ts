import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DocumentAccessRegistry } from '@simashe/api-collaboration';
import { ConflictError, NotFoundError, ValidationError, type AuthContext } from '@simashe/api-core';
import { CyclesService } from '@simashe/api-cycles';
import { LessonsService } from '@simashe/api-lessons';
import { DatasetsService } from '@simashe/api-monitoring';
import { AccessPolicy, OrganisationsService, type AccessScope } from '@simashe/api-organisations';
import { ReportsService } from '@simashe/api-reports';
import { SearchIndexer } from '@simashe/api-search';
import {
  PUBLICATION_FLOW,
  type LinkedItem,
  type LinkedItemKind,
  type ListPublicationsQuery,
  type Publication,
  type PublicationInput,
  type PublicationStatusChange,
  type PublicationSummary,
} from '@simashe/contracts';
import { DataSource } from 'typeorm';
import { type AuthorRow, type LinkRow, type PublicationRow, PublicationsRepository } from './publications.repository';

type PublicationResource = { kind: 'publication'; organisationIds: readonly string[]; published: boolean };
const resourceOf = (row: Pick<PublicationRow, 'organisation_ids' | 'status'>): PublicationResource => ({ kind: 'publication', organisationIds: row.organisation_ids, published: row.status === 'published' });
const FOREIGN_KEY_VIOLATION = '23503';

/** "Otieno A, Dupont J, Silva M, et al.": family names with initials, three at most, as reference lists shorten them. */
export function authorLine(authors: Array<Pick<AuthorRow, 'given_name' | 'family_name'>>): string {
  const names = authors.map((author) => {
    const initials = author.given_name
      .split(/[\s-]+/)
      .filter(Boolean)
      .map((part) => part[0].toUpperCase())
      .join('');
    return initials ? `${author.family_name} ${initials}` : author.family_name;
  });
  return names.length > 3 ? `${names.slice(0, 3).join(', ')}, et al.` : names.join(', ');
}

/**
 * Joint publications: authors across organisations, the status from idea to published, the draft co-written in the
 * real-time editor (document kind `publication`), links to lessons, reports, cycles and datasets (whose titles come
 * from their own domains, and only for those who may read them), and citations. Every decision is the
 * AccessPolicy's (`publication:*`).
 */
@Injectable()
export class PublicationsService implements OnModuleInit {
  constructor(
    private readonly repo: PublicationsRepository,
    private readonly policy: AccessPolicy,
    private readonly registry: DocumentAccessRegistry,
    private readonly reports: ReportsService,
    private readonly lessons: LessonsService,
    private readonly cycles: CyclesService,
    private readonly datasets: DatasetsService,
    private readonly indexer: SearchIndexer,
    private readonly db: DataSource,
    private readonly organisations: OrganisationsService,
  ) {}

  onModuleInit(): void {
    // The draft: edited by the publication's writers until it is published, then read-only; read by its readers.
    this.registry.register('publication', async (auth, documentId) => {
      const row = await this.repo.find(documentId);
      if (!row) return null;
      const scope = await this.policy.scope(auth);
      if (!scope.can('publication:read', resourceOf(row))) return null;
      return row.status !== 'published' && scope.can('publication:write', resourceOf(row)) ? 'edit' : 'read';
    });
  }

  async list(auth: AuthContext, filters: ListPublicationsQuery): Promise<PublicationSummary[]> {
    const scope = await this.policy.scope(auth);
    const rows = (await this.repo.list(filters, { network: scope.memberOrganisationIds.length > 0, organisationIds: scope.readableOrganisationIds })).filter((row) =>
      scope.can('publication:read', resourceOf(row)),
    );
    const authors = groupBy(await this.repo.authors(rows.map((row) => row.id)));
    const names = await this.organisations.names(rows.map((row) => row.organisation_id));
    return rows.map((row) => summary(row, authors.get(row.id) ?? [], scope, names));
  }

  async get(auth: AuthContext, id: string): Promise<Publication> {
    const { row, scope } = await this.readable(auth, id);
    return this.present(auth, row, scope);
  }

  async create(auth: AuthContext, input: PublicationInput): Promise<Publication> {
    await this.policy.require(auth, 'publication:create', { kind: 'publication', organisationIds: [input.organisationId], published: false }, 'The organisation');
    await this.requireLinks(auth, input);
    const id = await this.write(() => this.db.transaction((manager) => this.repo.create(manager, input, auth.userId)));
    return this.get(auth, id);
  }

  /** The whole publication: fields, authors in order and links (its status moves through `changeStatus`). */
  async update(auth: AuthContext, id: string, input: PublicationInput): Promise<Publication> {
    const row = await this.writable(auth, id, 'publication:write');
    if (input.organisationId !== row.organisation_id) throw new ValidationError('A publication stays with its lead organisation', [{ path: 'organisationId', message: 'A publication stays with its lead organisation' }]);
    // Who may write and read it follows its authors' organisations: only the lead's writers bring one in or take one out.
    const organisations = (ids: Array<string | null>) => [...new Set(ids.filter((id): id is string => id !== null && id !== row.organisation_id))].sort().join(',');
    if (organisations(input.authors.map((author) => author.organisationId)) !== organisations(row.organisation_ids)) {
      await this.policy.require(auth, 'publication:authors', resourceOf(row), 'The publication');
    }
    await this.requireLinks(auth, input, row.id);
    await this.write(() =>
      this.db.transaction(async (manager) => {
        const current = (await this.repo.find(id, manager, true)) as PublicationRow;
        if (current.status === 'published') throw new ConflictError('This publication is published; its record no longer changes');
        await this.repo.update(manager, id, input);
      }),
    );
    // Editors whose organisation left the authors lose the open draft at once.
    await this.registry.accessChanged({ kind: 'publication', documentId: id });
    return this.get(auth, id);
  }

  /** Idea → drafting → submitted → under review → published (with the DOI), or back to drafting; published is final. */
  async changeStatus(auth: AuthContext, id: string, change: PublicationStatusChange): Promise<Publication> {
    await this.writable(auth, id, 'publication:write');
    await this.db.transaction(async (manager) => {
      // Locked: two people moving it at once are decided one after the other, on the status the first left.
      const current = (await this.repo.find(id, manager, true)) as PublicationRow;
      if (!PUBLICATION_FLOW[current.status].includes(change.status)) {
        throw new ConflictError(
          current.status === 'published'
            ? 'This publication is published; its status no longer changes'
            : 'A publication moves forward one step at a time (idea, drafting, submitted, under review, published), or back to drafting',
        );
      }
      // A DOI names one work: another publication's is a mistake (a copied form, a typo), said before it is printed.
      if (change.status === 'published' && change.doi) {
        const holder = await this.repo.doiHolder(manager, change.doi, id);
        if (holder !== null) throw new ConflictError(`That DOI is already the one of “${holder}”`);
      }
      await this.repo.setStatus(manager, id, change.status, change.status === 'published' ? (change.doi ?? null) : null);
    });
    // Published, the draft is read-only for everyone, open editors included, and the output is in the workspace search.
    if (change.status === 'published') {
      await this.registry.accessChanged({ kind: 'publication', documentId: id });
      await this.index(id);
    }
    return this.get(auth, id);
  }

  async remove(auth: AuthContext, id: string): Promise<void> {
    await this.writable(auth, id, 'publication:delete');
    await this.repo.remove(id);
    await this.registry.accessChanged({ kind: 'publication', documentId: id });
    await this.indexer.remove('publication', id);
  }

  /** Published outputs are searchable by every member, with their authors and venue (drafts are not indexed). */
  private async index(id: string): Promise<void> {
    const row = await this.repo.find(id);
    if (!row || row.status !== 'published') return;
    const authors = await this.repo.authors([id]);
    await this.indexer.upsert({
      kind: 'publication',
      refId: id,
      title: row.title,
      body: [authorLine(authors), row.venue, row.abstract, row.doi ?? ''].filter(Boolean).join('\n'),
      // Outputs carry no language of their own; most are in English.
      language: 'en',
      link: `/publications/${id}`,
      organisationId: row.organisation_id,
      audience: 'network',
      occurredAt: row.published_at ?? row.updated_at,
    });
  }

  /** The demo: written as its lead organisation's editor would, then moved to `status`. */
  async seed(auth: AuthContext, input: PublicationInput, path: PublicationStatusChange[]): Promise<Publication> {
    let publication = await this.create(auth, input);
    for (const change of path) publication = await this.changeStatus(auth, publication.id, change);
    return publication;
  }

  /** Each linked item exists and is readable by the writer (a reader of the publication may still not read it). */
  private async requireLinks(auth: AuthContext, input: PublicationInput, publicationId?: string): Promise<void> {
    const titles = await this.linkTitles(auth, input.links);
    // Links kept from before that the writer cannot read (another author's organisation's report) stay as they were.
    const kept = publicationId ? new Set((await this.repo.links(publicationId)).map((link) => `${link.item_kind}:${link.item_id}`)) : new Set<string>();
    const missing = input.links.flatMap((link, index) => (titles.get(link.kind)?.has(link.id) || kept.has(`${link.kind}:${link.id}`) ? [] : [index]));
    if (missing.length) {
      throw new ValidationError('A linked item does not exist or you cannot read it', missing.map((index) => ({ path: `links.${index}.id`, message: 'Choose an item you can open' })));
    }
  }

  /** The titles of linked items the caller may read, by kind: one query per kind, from the domain that owns it. */
  private async linkTitles(auth: AuthContext, links: Array<{ kind: LinkedItemKind; id: string }>): Promise<Map<LinkedItemKind, Map<string, { title: string; href: string }>>> {
    const ids = (kind: LinkedItemKind) => links.filter((link) => link.kind === kind).map((link) => link.id);
    const [lesson, report, cycle, dataset] = await Promise.all([
      this.lessons.linkTitles(auth, ids('lesson')),
      this.reports.linkTitles(auth, ids('report')),
      this.cycles.linkTitles(auth, ids('cycle')),
      this.datasets.linkTitles(auth, ids('dataset')),
    ]);
    return new Map([
      ['lesson', lesson],
      ['report', report],
      ['cycle', cycle],
      ['dataset', dataset],
    ]);
  }

  /** An author's organisation that does not exist is a bad request, not a server error. */
  private async write<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION) {
        throw new ValidationError('An author’s organisation does not exist', [{ path: 'authors', message: 'Choose an organisation of the workspace, or none' }]);
      }
      throw error;
    }
  }

  private async readable(auth: AuthContext, id: string): Promise<{ row: PublicationRow; scope: AccessScope }> {
    const row = await this.repo.find(id);
    if (!row) throw new NotFoundError('The publication');
    return { row, scope: await this.policy.require(auth, 'publication:read', resourceOf(row), 'The publication') };
  }

  private async writable(auth: AuthContext, id: string, action: 'publication:write' | 'publication:delete'): Promise<PublicationRow> {
    const row = await this.repo.find(id);
    if (!row) throw new NotFoundError('The publication');
    await this.policy.require(auth, action, resourceOf(row), 'The publication');
    return row;
  }

  private async present(auth: AuthContext, row: PublicationRow, scope: AccessScope): Promise<Publication> {
    const [authors, links] = await Promise.all([this.repo.authors([row.id]), this.repo.links(row.id)]);
    const [titles, names] = await Promise.all([
      this.linkTitles(auth, links.map((link) => ({ kind: link.item_kind, id: link.item_id }))),
      this.organisations.names([row.organisation_id, ...authors.map((author) => author.organisation_id)]),
    ]);
    const canWrite = scope.can('publication:write', resourceOf(row));
    return {
      ...summary(row, authors, scope, names),
      abstract: row.abstract,
      publishedAt: row.published_at?.toISOString() ?? null,
      authors: authors.map((author) => ({
        givenName: author.given_name,
        familyName: author.family_name,
        affiliation: author.affiliation,
        organisationId: author.organisation_id,
        organisationName: author.organisation_id ? (names.get(author.organisation_id) ?? null) : null,
      })),
      links: links.map((link) => presentLink(link, titles)),
      documentId: row.id,
      nextStatuses: canWrite ? [...PUBLICATION_FLOW[row.status]] : [],
      canDelete: scope.can('publication:delete', resourceOf(row)),
      createdAt: row.created_at.toISOString(),
    };
  }
}

function presentLink(link: LinkRow, titles: Map<LinkedItemKind, Map<string, { title: string; href: string }>>): LinkedItem {
  const found = titles.get(link.item_kind)?.get(link.item_id);
  return { kind: link.item_kind, id: link.item_id, title: found?.title ?? null, href: found?.href ?? null };
}

/** `names`: organisations' names by id (OrganisationsService), the lead's among them. */
function summary(row: PublicationRow, authors: AuthorRow[], scope: AccessScope, names: Map<string, string>): PublicationSummary {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: names.get(row.organisation_id) ?? '',
    kind: row.kind,
    title: row.title,
    venue: row.venue,
    year: row.year,
    status: row.status,
    doi: row.doi,
    authorLine: authorLine(authors),
    updatedAt: row.updated_at.toISOString(),
    // Published, the record is the one the DOI points at: it no longer changes.
    canEdit: row.status !== 'published' && scope.can('publication:write', resourceOf(row)),
  };
}

function groupBy(authors: AuthorRow[]): Map<string, AuthorRow[]> {
  const grouped = new Map<string, AuthorRow[]>();
  for (const author of authors) grouped.set(author.publication_id, [...(grouped.get(author.publication_id) ?? []), author]);
  return grouped;
}
