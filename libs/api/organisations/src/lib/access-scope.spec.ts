import { ForbiddenError, NotFoundError } from '@simashe/api-core';
import { ACCESS_ACTIONS, AccessScope, type AccessAction, type AccessResource, type OrganisationAccess } from './access-scope';

const ME = 'user-me';
const KEN = 'org-kenya'; // a country pathfinder in AFRO: the organisation every resource below belongs to
const AFRO = 'org-afro-office';
const PARTNER = 'org-partner';
const HQ = 'org-secretariat';
const BRA = 'org-brazil';

const member = (organisationId: string, role: OrganisationAccess['role'], canManage = role === 'admin'): OrganisationAccess => ({ organisationId, relation: 'member', role, canManage });
const through = (relation: OrganisationAccess['relation'], canManage = false): OrganisationAccess => ({ organisationId: KEN, relation, role: null, canManage });
const scope = (accesses: OrganisationAccess[], regions: string[] = [], secretariat = false, secretariatAdmin = false) =>
  new AccessScope(ME, new Map(accesses.map((access) => [access.organisationId, access])), regions, secretariat, secretariatAdmin);

/** Each relation to Kenya, as the policy loads it (one query per request). */
const RELATIONS = {
  'member admin': scope([member(KEN, 'admin')], ['AFRO']),
  'member editor': scope([member(KEN, 'editor')], ['AFRO']),
  'member viewer': scope([member(KEN, 'viewer')], ['AFRO']),
  'regional office': scope([member(AFRO, 'admin'), through('regional_office')], ['AFRO']),
  'partner grant': scope([member(PARTNER, 'admin'), through('partner_grant')]),
  'secretariat admin': scope([member(HQ, 'admin'), through('secretariat', true)], [], true, true),
  'secretariat member': scope([member(HQ, 'editor'), through('secretariat')], [], true),
  stranger: scope([member(BRA, 'admin')], ['AMRO']),
};
const COLUMNS = Object.keys(RELATIONS) as Array<keyof typeof RELATIONS>;

const report = { kind: 'report', organisationId: KEN, status: 'draft', archived: false } as const;
const submitted = { ...report, status: 'submitted' } as const;
const archived = { ...report, archived: true } as const;
const meeting = { kind: 'meeting', organiserOrganisationId: KEN, networkWide: false, invitation: 'none' } as const;
const lesson = { kind: 'lesson', organisationId: KEN, regionCode: 'AFRO', status: 'published', visibility: 'organisation' } as const;

/**
 * The expected answer for every relation, in the column order above:
 * admin, editor, viewer, regional office, partner grant, secretariat admin, secretariat member, stranger.
 * Y = allowed, . = refused.
 */
const TABLE: Array<[string, AccessAction, AccessResource, string]> = [
  ['organisation', 'organisation:read', { kind: 'organisation', organisationId: KEN }, 'YYYYYYY.'],
  ['organisation', 'organisation:manage', { kind: 'organisation', organisationId: KEN }, 'Y....Y..'],

  ['draft report', 'report:read', report, 'YYYYYYY.'],
  ['draft report', 'report:create', report, 'YY......'],
  ['draft report', 'report:update', report, 'YY......'],
  ['draft report', 'document:edit', report, 'YY......'],
  ['draft report', 'version:read', report, 'YYYYYYY.'],
  ['draft report', 'version:create', report, 'YY......'],
  ['draft report', 'version:restore', report, 'YY......'],
  ['draft report', 'report:manage', report, 'Y....Y..'],
  ['draft report', 'comment:create', report, 'YYYYYYY.'],
  ['draft report', 'image:read', report, 'YYYYYYY.'],
  ['draft report', 'image:upload', report, 'YY......'],
  ['submitted report', 'report:read', submitted, 'YYYYYYY.'],
  ['submitted report', 'report:update', submitted, 'YY......'],
  ['submitted report', 'document:edit', submitted, '........'],
  ['submitted report', 'version:create', submitted, '........'],
  ['submitted report', 'image:read', submitted, 'YYYYYYY.'],
  ['submitted report', 'image:upload', submitted, '........'],
  ['submitted report', 'report:manage', submitted, 'Y....Y..'],
  ['archived report', 'report:update', archived, 'YY......'],
  ['archived report', 'document:edit', archived, '........'],
  ['archived report', 'image:upload', archived, '........'],
  ['archived report', 'report:manage', archived, 'Y....Y..'],
  ['someone else’s comment', 'comment:resolve', { kind: 'comment', organisationId: KEN, status: 'draft', archived: false, authorId: 'someone' }, 'YY...Y..'],
  ['my own comment', 'comment:resolve', { kind: 'comment', organisationId: KEN, status: 'draft', archived: false, authorId: ME }, 'YYYYYYY.'],
  // Authors edit and delete their own comments, whatever the report's state; admins (the secretariat's too) delete
  // others' as moderation but never edit them. A former reader cannot touch what they wrote.
  ['my own comment', 'comment:update', { kind: 'comment', organisationId: KEN, status: 'draft', archived: false, authorId: ME }, 'YYYYYYY.'],
  ['my own comment', 'comment:delete', { kind: 'comment', organisationId: KEN, status: 'draft', archived: false, authorId: ME }, 'YYYYYYY.'],
  ['my own comment, submitted report', 'comment:update', { kind: 'comment', organisationId: KEN, status: 'submitted', archived: false, authorId: ME }, 'YYYYYYY.'],
  ['my own comment, archived report', 'comment:delete', { kind: 'comment', organisationId: KEN, status: 'draft', archived: true, authorId: ME }, 'YYYYYYY.'],
  ['someone else’s comment', 'comment:update', { kind: 'comment', organisationId: KEN, status: 'draft', archived: false, authorId: 'someone' }, '........'],
  ['someone else’s comment', 'comment:delete', { kind: 'comment', organisationId: KEN, status: 'draft', archived: false, authorId: 'someone' }, 'Y....Y..'],
  ['a comment whose author left', 'comment:update', { kind: 'comment', organisationId: KEN, status: 'draft', archived: false, authorId: null }, '........'],
  ['a comment whose author left', 'comment:delete', { kind: 'comment', organisationId: KEN, status: 'draft', archived: false, authorId: null }, 'Y....Y..'],

  ['meeting, not invited', 'meeting:read', meeting, 'YYY.....'],
  ['meeting, not invited', 'minutes:read', meeting, 'YYY.....'],
  ['meeting, not invited', 'meeting:organise', meeting, 'YY......'],
  ['meeting, not invited', 'occurrence:update', meeting, 'YY......'],
  ['meeting, not invited', 'attendance:record', meeting, 'YY......'],
  ['meeting, not invited', 'agenda:update', meeting, 'YY......'],
  ['meeting, not invited', 'minutes:write', meeting, 'YY......'],
  ['meeting, not invited', 'meeting:people', meeting, 'YY......'],
  ['meeting, not invited', 'rsvp:remind', meeting, 'YY......'],
  ['meeting, invited as contributor', 'rsvp:remind', { ...meeting, invitation: 'contributor' }, 'YY......'],
  ['network-wide webinar', 'rsvp:remind', { ...meeting, networkWide: true }, 'YY......'],
  ['meeting, invited as viewer', 'meeting:read', { ...meeting, invitation: 'viewer' }, 'YYYYYYYY'],
  ['meeting, invited as viewer', 'minutes:write', { ...meeting, invitation: 'viewer' }, 'YY......'],
  ['meeting, invited as contributor', 'minutes:write', { ...meeting, invitation: 'contributor' }, 'YYYYYYYY'],
  ['meeting, invited as contributor', 'meeting:people', { ...meeting, invitation: 'contributor' }, 'YYYYYYYY'],
  ['meeting, invited as contributor', 'meeting:organise', { ...meeting, invitation: 'contributor' }, 'YY......'],
  ['network-wide webinar', 'meeting:read', { ...meeting, networkWide: true }, 'YYYYYYYY'],
  ['network-wide webinar', 'agenda:update', { ...meeting, networkWide: true }, 'YY......'],

  ['lesson for the organisation', 'lesson:read', lesson, 'YYYYYYY.'],
  ['lesson for the organisation', 'file:read', lesson, 'YYYYYYY.'],
  ['lesson for the organisation', 'lesson:create', lesson, 'YY......'],
  ['lesson for the organisation', 'lesson:update', lesson, 'YY......'],
  ['lesson for the organisation', 'lesson:delete', lesson, 'YY......'],
  ['lesson for the organisation', 'file:write', lesson, 'YY......'],
  ['draft lesson', 'lesson:read', { ...lesson, status: 'draft' }, 'YYY.....'],
  ['draft lesson', 'file:read', { ...lesson, status: 'draft' }, 'YYY.....'],
  ['lesson for the region', 'lesson:read', { ...lesson, visibility: 'region' }, 'YYYYYYY.'],
  ['lesson for the network', 'lesson:read', { ...lesson, visibility: 'network' }, 'YYYYYYYY'],

  ['thread on a readable subject', 'discussion:read', { kind: 'discussion', subjectReadable: true }, 'YYYYYYYY'],
  ['thread on a readable subject', 'post:create', { kind: 'discussion', subjectReadable: true }, 'YYYYYYYY'],
  ['thread on a hidden subject', 'discussion:read', { kind: 'discussion', subjectReadable: false }, '........'],
  ['my post', 'post:update', { kind: 'post', authorId: ME, subjectReadable: true }, 'YYYYYYYY'],
  ['someone else’s post', 'post:delete', { kind: 'post', authorId: 'someone', subjectReadable: true }, '........'],
  ['my notification', 'notification:update', { kind: 'notification', userId: ME }, 'YYYYYYYY'],
  ['someone else’s notification', 'notification:read', { kind: 'notification', userId: 'someone' }, '........'],

  ['initiative', 'initiative:read', { kind: 'initiative', organisationId: KEN, partnerOrganisationIds: [] }, 'YYYYYYY.'],
  ['initiative', 'cycle:read', { kind: 'initiative', organisationId: KEN, partnerOrganisationIds: [] }, 'YYYYYYY.'],
  ['initiative', 'measure:read', { kind: 'initiative', organisationId: KEN, partnerOrganisationIds: [] }, 'YYYYYYY.'],
  ['initiative', 'initiative:write', { kind: 'initiative', organisationId: KEN, partnerOrganisationIds: [] }, 'YY......'],
  ['initiative', 'cycle:write', { kind: 'initiative', organisationId: KEN, partnerOrganisationIds: [] }, 'YY......'],
  ['initiative', 'measure:write', { kind: 'initiative', organisationId: KEN, partnerOrganisationIds: [] }, 'YY......'],
  ['initiative', 'initiative:manage', { kind: 'initiative', organisationId: KEN, partnerOrganisationIds: [] }, 'Y....Y..'],
  ['initiative Brazil takes part in', 'initiative:read', { kind: 'initiative', organisationId: KEN, partnerOrganisationIds: [BRA] }, 'YYYYYYYY'],
  ['initiative Brazil takes part in', 'initiative:write', { kind: 'initiative', organisationId: KEN, partnerOrganisationIds: [BRA] }, 'YY......'],
  ['dataset', 'dataset:read', { kind: 'dataset', organisationId: KEN, published: false }, 'YYYYYYY.'],
  ['dataset', 'dataset:create', { kind: 'dataset', organisationId: KEN, published: false }, 'YY......'],
  ['dataset', 'dataset:write', { kind: 'dataset', organisationId: KEN, published: false }, 'YY......'],
  ['dataset', 'dataset:delete', { kind: 'dataset', organisationId: KEN, published: false }, 'Y....Y..'],
  ['dataset', 'dataset:publish', { kind: 'dataset', organisationId: KEN, published: false }, '.....Y..'],
  ['published dataset', 'dataset:read', { kind: 'dataset', organisationId: KEN, published: true }, 'YYYYYYYY'],
  ['published dataset', 'dataset:write', { kind: 'dataset', organisationId: KEN, published: true }, 'YY......'],
  ['published dataset', 'dataset:publish', { kind: 'dataset', organisationId: KEN, published: true }, '.....Y..'],
  ['organisation resource', 'library:read', { kind: 'library', organisationId: KEN, visibility: 'organisation' }, 'YYYYYYY.'],
  ['network resource', 'library:read', { kind: 'library', organisationId: KEN, visibility: 'network' }, 'YYYYYYYY'],
  ['public resource', 'library:read', { kind: 'library', organisationId: KEN, visibility: 'public' }, 'YYYYYYYY'],
  ['resource', 'library:create', { kind: 'library', organisationId: KEN, visibility: 'network' }, 'YY......'],
  ['resource', 'library:write', { kind: 'library', organisationId: KEN, visibility: 'public' }, 'YY......'],
  ['resource', 'library:delete', { kind: 'library', organisationId: KEN, visibility: 'public' }, 'YY......'],
  ['collections', 'collection:read', { kind: 'collection' }, 'YYYYYYYY'],
  ['collections', 'collection:manage', { kind: 'collection' }, '.....Y..'],
  ['network', 'network:read', { kind: 'network' }, 'YYYYYYYY'],
  ['network', 'network:manage', { kind: 'network' }, '.....Y..'],
  ['calls', 'call:read', { kind: 'call' }, '.....YY.'],
  ['calls', 'call:manage', { kind: 'call' }, '.....Y..'],
  ['applications', 'application:read', { kind: 'application', conflict: false }, '.....YY.'],
  ['applications', 'application:review', { kind: 'application', conflict: false }, '........'],
  ['applications', 'application:decide', { kind: 'application', conflict: false }, '.....Y..'],
  ['draft course', 'course:read', { kind: 'course', organisationId: KEN, published: false, enrolled: false }, 'YY......'],
  ['published course', 'course:read', { kind: 'course', organisationId: KEN, published: true, enrolled: false }, 'YYYYYYYY'],
  ['course', 'course:create', { kind: 'course', organisationId: KEN, published: false, enrolled: false }, 'YY......'],
  ['published course', 'course:write', { kind: 'course', organisationId: KEN, published: true, enrolled: false }, 'YY......'],
  ['draft course', 'course:enrol', { kind: 'course', organisationId: KEN, published: false, enrolled: false }, '........'],
  ['published course', 'course:enrol', { kind: 'course', organisationId: KEN, published: true, enrolled: false }, 'YYYYYYYY'],
  ['unpublished course, enrolled', 'course:read', { kind: 'course', organisationId: KEN, published: false, enrolled: true }, 'YYYYYYYY'],
  ['unpublished course, enrolled', 'course:enrol', { kind: 'course', organisationId: KEN, published: false, enrolled: true }, '........'],
  ['published course', 'course:track', { kind: 'course', organisationId: KEN, published: true, enrolled: false }, 'YY...YY.'],
  ['draft publication', 'publication:read', { kind: 'publication', organisationIds: [KEN], published: false }, 'YYYYYYY.'],
  ['published publication', 'publication:read', { kind: 'publication', organisationIds: [KEN], published: true }, 'YYYYYYYY'],
  ['publication', 'publication:create', { kind: 'publication', organisationIds: [KEN], published: false }, 'YY......'],
  ['publication', 'publication:write', { kind: 'publication', organisationIds: [KEN], published: false }, 'YY......'],
  ['co-authored publication', 'publication:write', { kind: 'publication', organisationIds: [BRA, KEN], published: false }, 'YY.....Y'],
  ['co-authored publication', 'publication:create', { kind: 'publication', organisationIds: [BRA, KEN], published: false }, '.......Y'],
  ['co-authored publication', 'publication:authors', { kind: 'publication', organisationIds: [BRA, KEN], published: false }, '.......Y'],
  ['publication', 'publication:authors', { kind: 'publication', organisationIds: [KEN], published: false }, 'YY......'],
  ['publication', 'publication:delete', { kind: 'publication', organisationIds: [KEN], published: false }, 'Y....Y..'],
];

type Check = AccessScope['can'];

describe('AccessPolicy: relation × action × resource kind', () => {
  it.each(TABLE)('%s — %s', (_label, action, resource, expected) => {
    const actual = COLUMNS.map((relation) => ((RELATIONS[relation].can as Check)(action as never, resource as never) ? 'Y' : '.')).join('');
    expect(`${actual}  (${COLUMNS.join(', ')})`).toBe(`${expected}  (${COLUMNS.join(', ')})`);
  });

  it('covers every action of every resource kind', () => {
    const tested = new Set(TABLE.map(([, action]) => action));
    expect(Object.values(ACCESS_ACTIONS).flat().filter((action) => !tested.has(action))).toEqual([]);
  });

  it('lets steering committee members read calls and score applications, never from their own institution or country', () => {
    const committee = new AccessScope(ME, new Map([[PARTNER, member(PARTNER, 'viewer')]]), [], false, false, true);
    expect(committee.can('call:read', { kind: 'call' })).toBe(true);
    expect(committee.can('call:manage', { kind: 'call' })).toBe(false);
    expect(committee.can('application:review', { kind: 'application', conflict: false })).toBe(true);
    expect(committee.can('application:review', { kind: 'application', conflict: true })).toBe(false);
    expect(() => committee.require('application:review', { kind: 'application', conflict: true })).toThrow(
      'Only steering committee members review applications, and never one from their own institution or country',
    );
    expect(committee.can('application:decide', { kind: 'application', conflict: false })).toBe(false);
  });

  it('lets someone signed out (an empty scope) read public resources and collections only', () => {
    const signedOut = scope([]);
    expect(signedOut.can('library:read', { kind: 'library', organisationId: KEN, visibility: 'public' })).toBe(true);
    expect(signedOut.can('library:read', { kind: 'library', organisationId: KEN, visibility: 'network' })).toBe(false);
    expect(signedOut.can('library:read', { kind: 'library', organisationId: KEN, visibility: 'organisation' })).toBe(false);
    expect(signedOut.can('collection:read', { kind: 'collection' })).toBe(true);
    expect(signedOut.can('library:create', { kind: 'library', organisationId: KEN, visibility: 'public' })).toBe(false);
  });

  it('answers 404 to those who may not know the resource, and 403 with the reason to readers', () => {
    expect(() => RELATIONS.stranger.require('document:edit', report)).toThrow(NotFoundError);
    expect(() => RELATIONS['member viewer'].require('document:edit', report)).toThrow(ForbiddenError);
    expect(() => RELATIONS['secretariat admin'].require('document:edit', report)).toThrow(
      'Only editors and admins of this organisation can edit this report while it is a draft or in review',
    );
    expect(() => RELATIONS['member editor'].require('document:edit', report)).not.toThrow();
    expect(() => RELATIONS['regional office'].require('meeting:read', meeting)).toThrow(NotFoundError);
    const theirs = { kind: 'comment', organisationId: KEN, status: 'draft', archived: false, authorId: 'someone' } as const;
    expect(() => RELATIONS['member editor'].require('comment:update', theirs)).toThrow('You can only edit your own comments');
    expect(() => RELATIONS['member viewer'].require('comment:delete', theirs)).toThrow('Only the comment’s author or an admin of this organisation can delete it');
    expect(() => RELATIONS.stranger.require('comment:delete', { ...theirs, authorId: ME })).toThrow(NotFoundError);
  });
});
