import { ForbiddenError, NotFoundError } from '@simashe/api-core';
import type { AccessRelation, MemberRole, ReportStatus } from '@simashe/contracts';

export interface OrganisationAccess {
  organisationId: string;
  relation: AccessRelation;
  /** The caller's own role when a member, else null. */
  role: MemberRole | null;
  /** Admin of this organisation, or an admin of the secretariat (which runs the network). */
  canManage: boolean;
}

/**
 * The facts about one resource that access depends on. Domain code loads them (it owns the tables); the scope
 * decides. A report's document, comments and versions are decided on the report's facts; a meeting's occurrences,
 * agenda and minutes on the meeting's; a lesson's files on the lesson's; cycles and measures on their initiative's.
 */
export type AccessResource =
  | { kind: 'organisation'; organisationId: string }
  | { kind: 'report'; organisationId: string; status: ReportStatus; archived: boolean }
  | { kind: 'comment'; organisationId: string; status: ReportStatus; archived: boolean; authorId: string | null }
  | {
      kind: 'meeting';
      organiserOrganisationId: string;
      networkWide: boolean;
      /** How the caller is invited (individually, through an organisation or a region): loaded by the meetings module. */
      invitation: 'none' | 'viewer' | 'contributor';
    }
  | { kind: 'lesson'; organisationId: string; regionCode: string | null; status: 'draft' | 'published'; visibility: 'organisation' | 'region' | 'network' }
  | { kind: 'discussion'; /** Topics have no subject; other threads are read by whoever reads their subject. */ subjectReadable: boolean }
  | { kind: 'post'; authorId: string | null; subjectReadable: boolean }
  | { kind: 'notification'; userId: string }
  | { kind: 'initiative'; organisationId: string; partnerOrganisationIds: readonly string[] }
  | { kind: 'dataset'; organisationId: string; published: boolean }
  /** An item of the knowledge hub's resource library. */
  | { kind: 'library'; organisationId: string; visibility: 'public' | 'network' | 'organisation' }
  /** The library's curated collections (one set, run by the secretariat). */
  | { kind: 'collection' }
  /** The network's governance: its steering committee (one, run by the secretariat). */
  | { kind: 'network' }
  /** The annual open calls for new member institutions. */
  | { kind: 'call' }
  /** An institution's application to a call; `conflict`: it comes from the caller's own institution or country. */
  | { kind: 'application'; conflict: boolean }
  /**
   * A training course of an organisation; only a published one is seen and taken by the network. `enrolled`: the
   * caller took it (they keep their course, progress and certificate if it is unpublished later).
   */
  | { kind: 'course'; organisationId: string; published: boolean; enrolled: boolean }
  /**
   * A joint publication: `organisationIds` are the lead organisation (first) and those its authors write for, whose
   * editors co-write it. Once published, the whole network reads it.
   */
  | { kind: 'publication'; organisationIds: readonly string[]; published: boolean };

export type ResourceKind = AccessResource['kind'];

/** Every action, by the kind of resource it is decided on. */
export const ACCESS_ACTIONS = {
  organisation: ['organisation:read', 'organisation:manage'],
  report: ['report:read', 'report:create', 'report:update', 'document:edit', 'version:read', 'version:create', 'version:restore', 'report:manage', 'comment:create', 'image:read', 'image:upload'],
  comment: ['comment:resolve', 'comment:update', 'comment:delete'],
  meeting: ['meeting:read', 'meeting:organise', 'occurrence:update', 'attendance:record', 'agenda:update', 'minutes:read', 'minutes:write', 'meeting:people', 'rsvp:remind'],
  lesson: ['lesson:read', 'lesson:create', 'lesson:update', 'lesson:delete', 'file:read', 'file:write'],
  discussion: ['discussion:read', 'post:create'],
  post: ['post:update', 'post:delete'],
  notification: ['notification:read', 'notification:update'],
  initiative: ['initiative:read', 'initiative:write', 'initiative:manage', 'cycle:read', 'cycle:write', 'measure:read', 'measure:write'],
  dataset: ['dataset:read', 'dataset:create', 'dataset:write', 'dataset:delete', 'dataset:publish'],
  library: ['library:read', 'library:create', 'library:write', 'library:delete'],
  collection: ['collection:read', 'collection:manage'],
  network: ['network:read', 'network:manage'],
  call: ['call:read', 'call:manage'],
  application: ['application:read', 'application:review', 'application:decide'],
  course: ['course:read', 'course:create', 'course:write', 'course:enrol', 'course:track'],
  publication: ['publication:read', 'publication:create', 'publication:write', 'publication:authors', 'publication:delete'],
} as const satisfies Record<ResourceKind, readonly string[]>;

export type ActionOn<K extends ResourceKind> = (typeof ACCESS_ACTIONS)[K][number];
export type AccessAction = ActionOn<ResourceKind>;
export type InitiativeResource = Extract<AccessResource, { kind: 'initiative' }>;
type ResourceOf<K extends ResourceKind> = Extract<AccessResource, { kind: K }>;

/** The action that decides whether the caller may know a resource exists at all (404 otherwise). */
const READ_ACTION: Record<ResourceKind, AccessAction> = {
  organisation: 'organisation:read',
  report: 'report:read',
  comment: 'report:read',
  meeting: 'meeting:read',
  lesson: 'lesson:read',
  discussion: 'discussion:read',
  post: 'discussion:read',
  notification: 'notification:read',
  initiative: 'initiative:read',
  dataset: 'dataset:read',
  library: 'library:read',
  collection: 'collection:read',
  network: 'network:read',
  call: 'call:read',
  application: 'application:read',
  course: 'course:read',
  publication: 'publication:read',
};

/** Why an action was refused, in a sentence a person understands. */
const REFUSALS: Partial<Record<AccessAction, string>> = {
  'organisation:manage': 'Only administrators of this organisation can do this',
  'report:create': 'Only editors and admins of this organisation can write its reports',
  'report:update': 'Only editors and admins of this organisation can do this',
  'document:edit': 'Only editors and admins of this organisation can edit this report while it is a draft or in review',
  'version:create': 'Only editors and admins of this organisation can save versions of this report while it is a draft or in review',
  'version:restore': 'Only editors and admins of this organisation can restore versions of this report while it is a draft or in review',
  'report:manage': 'Only admins of this organisation can archive, reopen or make templates of its reports',
  'image:upload': 'Only editors and admins of this organisation can add images to this report while it is a draft or in review',
  'comment:resolve': 'Only the comment’s author or the report’s editors can resolve it',
  'comment:update': 'You can only edit your own comments',
  'comment:delete': 'Only the comment’s author or an admin of this organisation can delete it',
  'meeting:organise': 'Only editors and admins of the organising organisation can do this',
  'occurrence:update': 'Only editors and admins of the organising organisation can do this',
  'attendance:record': 'Only editors and admins of the organising organisation can record attendance',
  'agenda:update': 'Only editors and admins of the organising organisation can change the agenda',
  'minutes:write': 'Only organisers and invited contributors can write the minutes',
  'meeting:people': 'Only organisers and invited contributors see who takes part',
  'rsvp:remind': 'Only editors and admins of the organising organisation can remind guests',
  'lesson:create': 'Only editors and admins of the organisation can write its lessons',
  'lesson:update': 'Only editors and admins of the organisation can write its lessons',
  'lesson:delete': 'Only editors and admins of the organisation can write its lessons',
  'file:write': 'Only editors and admins of the organisation can change its lessons’ files',
  'post:update': 'You can only change your own posts',
  'post:delete': 'You can only change your own posts',
  'initiative:write': 'Only editors and admins of the owning organisation can change this initiative',
  'cycle:write': 'Only editors and admins of the owning organisation can change this initiative',
  'measure:write': 'Only editors and admins of the owning organisation can change this initiative',
  'initiative:manage': 'Only administrators of the owning organisation can do this',
  'dataset:create': 'Only editors and admins of this organisation can add its datasets',
  'dataset:write': 'Only editors and admins of the owning organisation can change this dataset',
  'dataset:delete': 'Only administrators of the owning organisation can delete this dataset',
  'dataset:publish': 'Only administrators of the secretariat can publish a dataset to the network',
  'library:create': 'Only editors and admins of this organisation can add its resources',
  'library:write': 'Only editors and admins of the owning organisation can change this resource',
  'library:delete': 'Only editors and admins of the owning organisation can delete this resource',
  'collection:manage': 'Only administrators of the secretariat can curate the collections',
  'network:manage': 'Only administrators of the secretariat can change the steering committee',
  'call:manage': 'Only administrators of the secretariat can open and run calls',
  'application:review': 'Only steering committee members review applications, and never one from their own institution or country',
  'application:decide': 'Only administrators of the secretariat decide on applications',
  'course:create': 'Only editors and admins of this organisation can create its courses',
  'course:write': 'Only editors and admins of the owning organisation can change this course',
  'course:enrol': 'Only members of the network can enrol, and only in a published course',
  'course:track': 'Only the course’s trainers (editors and admins of its organisation) and the secretariat see who completed it',
  'publication:create': 'Only editors and admins of the lead organisation can start its publications',
  'publication:write': 'Only editors and admins of the lead organisation or of an author’s organisation can change this publication',
  'publication:authors': 'Only editors and admins of the lead organisation can change which organisations co-author this publication',
  'publication:delete': 'Only administrators of the lead organisation can delete this publication',
};

/**
 * What one person may see and do: loaded once per request (one query) and asked many times, so lists and
 * dashboards decide every row without another query. This is the one place that decides access; the rules:
 *
 * - **Members** read their organisation's resources. Its **editors and admins** write them (reports while draft
 *   or in review, lessons, initiatives, meetings it organises). Its **admins** also manage it: members,
 *   invitations, partner grants, archiving/reopening reports, deleting initiatives.
 * - **Regional offices** read the country pathfinders of their region; **partner grants** let an organisation
 *   read another one. Neither writes.
 * - **The secretariat** (every member) reads every organisation's reports, documents, comments, versions,
 *   published lessons and initiatives. Its **admins** manage every organisation (members, grants, archiving and
 *   reopening reports, deleting initiatives) but do not author another organisation's content: they cannot type
 *   in its reports, rename or submit them, or write its lessons and cycles. Authorship stays with the team.
 * - **Meetings** are private to those they concern: the organiser's members, invitees, and everyone for
 *   network-wide webinars. The secretariat does not read other organisations' meetings it is not invited to.
 *   Organisers (the organiser's editors and admins) change them; invitees who are not viewers write the minutes.
 * - **Lessons**: drafts are read by the author's organisation only; published lessons by their visibility
 *   (the organisation's readers, the region, or the whole network).
 * - **Datasets** (inequality monitoring) are read like the owning organisation (members, its regional office,
 *   partner grants, the secretariat) and, once the secretariat publishes one, by every member of the network. The
 *   owner's editors and admins import new versions; its admins delete it; only secretariat admins publish.
 * - **The network's steering committee** is known to everyone signed in (and on the public members page); only
 *   secretariat admins appoint or remove its members.
 * - **Open calls and applications** are read by the secretariat and the steering committee; steering-committee
 *   members score applications, except from their own institution or country (conflict of interest); secretariat
 *   admins open calls and decide.
 * - **Notifications** belong to their recipient only; **posts** are changed by their author only.
 * - **Report comments** are written by every reader of the report. Their author edits and deletes them (while
 *   still a reader); the organisation's admins (secretariat admins too) may delete any of them, as moderation,
 *   but never edit one: nobody puts words under another person's name.
 */
export class AccessScope {
  constructor(
    readonly userId: string,
    /** Readable organisations, with the relation and the caller's role in each. */
    readonly organisations: ReadonlyMap<string, OrganisationAccess>,
    /** WHO regions of the organisations the caller belongs to. */
    readonly regions: readonly string[] = [],
    /** The caller belongs to the secretariat. */
    readonly secretariat = false,
    /** The caller is an admin of the secretariat. */
    readonly secretariatAdmin = false,
    /** The caller serves on the network's steering committee. */
    readonly steeringCommittee = false,
  ) {}

  get readableOrganisationIds(): string[] {
    return [...this.organisations.keys()];
  }

  get memberOrganisationIds(): string[] {
    return [...this.organisations.values()].filter((access) => access.role !== null).map((access) => access.organisationId);
  }

  /** A member of the organisation who may write there (admin or editor). */
  writesIn(organisationId: string): boolean {
    const access = this.organisations.get(organisationId);
    return access?.role === 'admin' || access?.role === 'editor';
  }

  can<K extends ResourceKind>(action: ActionOn<K>, resource: ResourceOf<K>): boolean {
    return decide(this, action as AccessAction, resource as AccessResource);
  }

  /** 404 when the caller may not know the resource exists, 403 with the reason when it may but not do this. */
  require<K extends ResourceKind>(action: ActionOn<K>, resource: ResourceOf<K>, what = defaultName(resource.kind)): void {
    if (!decide(this, READ_ACTION[resource.kind], resource) && !this.can(action, resource)) throw new NotFoundError(what);
    this.requirePermitted(action, resource);
  }

  /** 403 with the reason unless allowed: when the caller already knows the resource exists, or is creating one. */
  requirePermitted<K extends ResourceKind>(action: ActionOn<K>, resource: ResourceOf<K>): void {
    if (!this.can(action, resource)) throw new ForbiddenError(REFUSALS[action as AccessAction] ?? 'You do not have permission to do this');
  }
}

function defaultName(kind: ResourceKind): string {
  return { organisation: 'The organisation', report: 'The report', comment: 'The comment thread', meeting: 'The meeting', lesson: 'The lesson', discussion: 'The discussion', post: 'The post', notification: 'The notification', initiative: 'The initiative', dataset: 'The dataset', library: 'The resource', collection: 'The collection', network: 'The network', call: 'The call', application: 'The application', course: 'The course', publication: 'The publication' }[kind];
}

function decide(scope: AccessScope, action: AccessAction, resource: AccessResource): boolean {
  switch (resource.kind) {
    case 'organisation': {
      const access = scope.organisations.get(resource.organisationId);
      return action === 'organisation:read' ? !!access : !!access?.canManage;
    }
    case 'report':
    case 'comment': {
      const access = scope.organisations.get(resource.organisationId);
      if (!access) return false;
      const writer = scope.writesIn(resource.organisationId);
      const open = !resource.archived && resource.status !== 'submitted';
      switch (action) {
        case 'report:read':
        case 'version:read':
        case 'comment:create':
        case 'image:read':
          return true;
        case 'report:create':
        case 'report:update':
          // Renaming and moving through review. Whether the report's state allows it (not archived, submitted only
          // reopened by report:manage) is the report's own state machine, answered with 409s.
          return writer;
        // Typing and versions follow the state too: a submitted or archived report's document is read-only.
        case 'document:edit':
        case 'version:create':
        case 'version:restore':
        case 'image:upload': // images are part of the text: added by those who may type in it
          return writer && open;
        case 'report:manage':
          return access.canManage;
        case 'comment:resolve':
          return resource.kind === 'comment' && (resource.authorId === scope.userId || (writer && open) || access.canManage);
        case 'comment:update':
          return resource.kind === 'comment' && resource.authorId === scope.userId;
        case 'comment:delete':
          return resource.kind === 'comment' && (resource.authorId === scope.userId || access.canManage);
        default:
          return false;
      }
    }
    case 'meeting': {
      const organiser = scope.writesIn(resource.organiserOrganisationId);
      const member = scope.organisations.get(resource.organiserOrganisationId)?.role != null;
      const reads = resource.networkWide || member || resource.invitation !== 'none';
      switch (action) {
        case 'meeting:read':
        case 'minutes:read':
          return reads;
        case 'meeting:organise':
        case 'occurrence:update':
        case 'attendance:record':
        case 'agenda:update':
        case 'rsvp:remind':
          return organiser;
        case 'minutes:write':
        case 'meeting:people':
          return organiser || resource.invitation === 'contributor';
        default:
          return false;
      }
    }
    case 'lesson': {
      const writer = scope.writesIn(resource.organisationId);
      switch (action) {
        case 'lesson:read':
        case 'file:read':
          return lessonReadable(scope, resource);
        case 'lesson:create':
        case 'lesson:update':
        case 'lesson:delete':
        case 'file:write':
          return writer;
        default:
          return false;
      }
    }
    case 'discussion':
      return resource.subjectReadable;
    case 'post':
      return resource.subjectReadable && (action === 'discussion:read' || resource.authorId === scope.userId);
    case 'notification':
      return resource.userId === scope.userId;
    case 'initiative': {
      const owner = scope.organisations.get(resource.organisationId);
      switch (action) {
        case 'initiative:read':
        case 'cycle:read':
        case 'measure:read':
          return !!owner || resource.partnerOrganisationIds.some((id) => scope.organisations.get(id)?.role);
        case 'initiative:write':
        case 'cycle:write':
        case 'measure:write':
          return scope.writesIn(resource.organisationId);
        case 'initiative:manage':
          return !!owner?.canManage;
        default:
          return false;
      }
    }
    case 'dataset': {
      const owner = scope.organisations.get(resource.organisationId);
      switch (action) {
        case 'dataset:read':
          return !!owner || resource.published;
        case 'dataset:create':
        case 'dataset:write':
          return scope.writesIn(resource.organisationId);
        case 'dataset:delete':
          return !!owner?.canManage;
        case 'dataset:publish':
          return scope.secretariatAdmin;
        default:
          return false;
      }
    }
    case 'library': {
      switch (action) {
        case 'library:read':
          // Public: anyone, signed out too (an empty scope). Network: anyone who belongs to an organisation.
          if (resource.visibility === 'public') return true;
          if (resource.visibility === 'network') return scope.memberOrganisationIds.length > 0;
          return scope.organisations.has(resource.organisationId);
        case 'library:create':
        case 'library:write':
        case 'library:delete':
          return scope.writesIn(resource.organisationId);
        default:
          return false;
      }
    }
    case 'collection':
      return action === 'collection:read' || (action === 'collection:manage' && scope.secretariatAdmin);
    case 'network':
      // Everyone signed in knows who serves the network; the secretariat's admins appoint the steering committee.
      return action === 'network:read' || (action === 'network:manage' && scope.secretariatAdmin);
    case 'call':
      return action === 'call:read' ? scope.secretariat || scope.steeringCommittee : scope.secretariatAdmin;
    case 'application':
      if (action === 'application:read') return scope.secretariat || scope.steeringCommittee;
      // A reviewer never scores their own institution, nor one from a country where they work.
      if (action === 'application:review') return scope.steeringCommittee && !resource.conflict;
      return scope.secretariatAdmin;
    case 'course':
      switch (action) {
        case 'course:read':
          // A published course: every member of the network. A draft: only those who write it.
          return resource.published ? scope.memberOrganisationIds.length > 0 || scope.writesIn(resource.organisationId) : scope.writesIn(resource.organisationId) || resource.enrolled;
        case 'course:enrol':
          return resource.published && scope.memberOrganisationIds.length > 0;
        case 'course:create':
        case 'course:write':
          return scope.writesIn(resource.organisationId);
        case 'course:track':
          return scope.writesIn(resource.organisationId) || scope.secretariat;
        default:
          return false;
      }
    case 'publication':
      switch (action) {
        case 'publication:read':
          // Before it is out: whoever reads the lead's or an author's organisation. Published: every member.
          return (resource.published && scope.memberOrganisationIds.length > 0) || resource.organisationIds.some((id) => scope.organisations.has(id));
        case 'publication:create':
        case 'publication:authors':
          // Which organisations co-author it decides who reads and writes it: the lead's writers choose.
          return resource.organisationIds.length > 0 && scope.writesIn(resource.organisationIds[0]);
        case 'publication:write':
          return resource.organisationIds.some((id) => scope.writesIn(id));
        case 'publication:delete':
          return resource.organisationIds.length > 0 && !!scope.organisations.get(resource.organisationIds[0])?.canManage;
        default:
          return false;
      }
  }
}

/** Lesson reads, as a predicate; `audienceCondition` (api-search) is the same rule in SQL, for lists. */
function lessonReadable(scope: AccessScope, lesson: ResourceOf<'lesson'>): boolean {
  if (lesson.status === 'draft') return scope.organisations.get(lesson.organisationId)?.role != null;
  switch (lesson.visibility) {
    case 'network':
      return true;
    case 'region':
      return scope.secretariat || (lesson.regionCode !== null && scope.regions.includes(lesson.regionCode)) || scope.organisations.has(lesson.organisationId);
    case 'organisation':
      return scope.organisations.has(lesson.organisationId);
  }
}
