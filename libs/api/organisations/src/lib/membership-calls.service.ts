import { Inject, Injectable, Logger } from '@nestjs/common';
import { hashSecretToken, newSecretToken, UsersService } from '@simashe/api-accounts';
import { APP_CONFIG, byCodePoint, ConflictError, EventBus, fileProblem, MAIL_TEXTS, mailLanguage, MailService, NotFoundError, parseJsonField, safeFileName, ValidationError, type AppConfig, type AuthContext, type UploadedFileData } from '@simashe/api-core';
import {
  ApplicationInputSchema,
  MAX_SUPPORTING_DOCUMENTS,
  type ApplicationDetail,
  type ApplicationList,
  type ApplicationStatusView,
  type ApplicationSubmitted,
  type ApplicationSummary,
  type Call,
  type CallList,
  type CreateCallRequest,
  type DecisionRequest,
  type DecisionResult,
  type RegionCode,
  type ReviewRequest,
} from '@simashe/contracts';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { AccessPolicy } from './access.policy';
import { InvitationsService } from './invitations.service';
import { MembershipCallsRepository, type ApplicationRow, type CallRow } from './membership-calls.repository';
import { OrganisationEntity } from './organisation.entities';

const UNIQUE_VIOLATION = '23505';
const CLOSED = 'This call is closed: its deadline has passed';
const DUPLICATE = 'This institution (or this contact) has already applied to this call';
const DECIDED = 'This application has already been decided';

function presentCall(row: CallRow, withCount: boolean): Call {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    criteria: row.criteria,
    deadlineLocal: row.deadline_local,
    timeZone: row.time_zone,
    deadlineAt: new Date(row.deadline_at).toISOString(),
    open: new Date(row.deadline_at).getTime() > Date.now(),
    applicationCount: withCount ? row.application_count : null,
  };
}

function presentSummary(row: ApplicationRow): ApplicationSummary {
  return {
    id: row.id,
    callId: row.call_id,
    institutionName: row.institution_name,
    country: { iso3: row.country_iso3, iso2: row.country_iso2, name: row.country_name, regionCode: row.region_code as RegionCode },
    expertise: row.expertise,
    status: row.status,
    submittedAt: new Date(row.created_at).toISOString(),
    reviewCount: row.review_count,
    averageScore: row.average_score,
    conflict: row.conflict,
    reviewedByMe: row.reviewed_by_me,
  };
}

/**
 * The network's annual open call. The secretariat opens a call (criteria, a deadline in its zone); institutions
 * apply through a public form with supporting documents and follow their application with a private link;
 * steering-committee members score each criterion (never an application from their own institution or country);
 * the secretariat decides, and an accepted institution becomes a member organisation with its first admin
 * invited, in one transaction. Every decision on access is the AccessPolicy's ('call:*', 'application:*').
 */
@Injectable()
export class MembershipCallsService {
  private readonly logger = new Logger('MembershipCalls');
  private readonly repo: MembershipCallsRepository;

  constructor(
    private readonly db: DataSource,
    private readonly policy: AccessPolicy,
    private readonly invitations: InvitationsService,
    private readonly mail: MailService,
    private readonly events: EventBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
  ) {
    this.repo = new MembershipCallsRepository(db);
  }

  async createCall(auth: AuthContext, input: CreateCallRequest): Promise<Call> {
    // Creating: the caller may know calls exist (the form is public), so a refusal says why (403).
    (await this.policy.scope(auth)).requirePermitted('call:manage', { kind: 'call' });
    const deadline = DateTime.fromISO(input.deadlineLocal, { zone: input.timeZone });
    if (!deadline.isValid) throw new ValidationError('This deadline is not a date that exists', [{ path: 'deadlineLocal', message: 'This deadline is not a date that exists' }]);
    if (deadline.toMillis() <= Date.now()) throw new ValidationError('The deadline must be in the future', [{ path: 'deadlineLocal', message: 'The deadline must be in the future' }]);
    const criteria = input.criteria.map((criterion, index) => ({ key: `c${index + 1}`, label: criterion.label }));
    const id = await this.repo.createCall({ ...input, criteria, deadlineAt: deadline.toJSDate() }, auth.userId);
    return presentCall((await this.repo.call(id)) as CallRow, true);
  }

  async calls(auth: AuthContext): Promise<CallList> {
    const scope = await this.policy.require(auth, 'call:read', { kind: 'call' }, 'The call');
    return { items: (await this.repo.calls()).map((row) => presentCall(row, true)), canManage: scope.can('call:manage', { kind: 'call' }) };
  }

  /** The public form's call: the open one closing first. */
  async currentCall(): Promise<Call> {
    const row = await this.repo.currentCall();
    if (!row) throw new NotFoundError('The call', 'There is no open call for new members at the moment');
    return presentCall(row, false);
  }

  /** An institution applies (no sign-in). The fields and the documents are checked before anything is stored. */
  async apply(callId: string, raw: string, files: UploadedFileData[], language: string | undefined): Promise<ApplicationSubmitted> {
    const input = parseJsonField(ApplicationInputSchema, raw, 'application');
    const call = await this.repo.call(callId);
    if (!call) throw new NotFoundError('The call');
    if (new Date(call.deadline_at).getTime() <= Date.now()) throw new ConflictError(CLOSED);
    const documents = this.checkDocuments(files);
    const [country] = await this.db.query('SELECT 1 FROM countries WHERE iso3 = $1', [input.countryIso3]);
    if (!country) throw new ValidationError('Unknown country', [{ path: 'countryIso3', message: 'Not a WHO Member State code' }]);
    const { token, hash } = newSecretToken();
    try {
      await this.db.transaction(async (manager) => {
        const id = await this.repo.insertApplication(manager, {
          callId,
          institutionName: input.institutionName,
          countryIso3: input.countryIso3,
          website: input.website ?? null,
          expertise: input.expertise,
          contactName: input.contactName,
          contactEmail: input.contactEmail,
          motivation: input.motivation,
          language: mailLanguage(language),
          tokenHash: hash,
        });
        await this.repo.insertDocuments(manager, id, documents);
      });
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new ConflictError(DUPLICATE);
      throw error;
    }
    const statusUrl = `${this.config.publicUrl}/join/status/${token}`;
    const words = MAIL_TEXTS.applicationReceived(mailLanguage(language), { institution: input.institutionName, call: call.title, url: statusUrl });
    const emailSent = await this.mail.send({ to: input.contactEmail, subject: words.subject, text: words.text });
    return { statusUrl, emailSent };
  }

  async status(token: string): Promise<ApplicationStatusView> {
    const row = await this.repo.byToken(hashSecretToken(token));
    if (!row) throw new NotFoundError('The application', 'This status link is not valid; use the whole link you received when applying');
    return {
      institutionName: row.institution_name,
      callTitle: row.call_title,
      status: row.status,
      submittedAt: new Date(row.created_at).toISOString(),
      decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    };
  }

  async applications(auth: AuthContext, callId: string): Promise<ApplicationList> {
    await this.policy.require(auth, 'call:read', { kind: 'call' }, 'The call');
    if (!(await this.repo.call(callId))) throw new NotFoundError('The call');
    return { items: (await this.repo.applications(auth.userId, callId)).map(presentSummary) };
  }

  async application(auth: AuthContext, id: string): Promise<ApplicationDetail> {
    const row = await this.repo.application(auth.userId, id);
    if (!row) throw new NotFoundError('The application');
    const scope = await this.policy.require(auth, 'application:read', { kind: 'application', conflict: row.conflict }, 'The application');
    const [reviews, documents] = await Promise.all([this.repo.reviews(id), this.repo.documents(id)]);
    // Reviewers and the decider are named from their accounts (api-accounts), reviews in the order of their names.
    const names = await this.users.names([row.decided_by, ...reviews.map((review) => review.reviewer_id)]);
    const named = reviews
      .filter((review) => names.has(review.reviewer_id))
      .map((review) => ({ reviewerId: review.reviewer_id, reviewerName: names.get(review.reviewer_id) as string, scores: review.scores, comment: review.comment, updatedAt: new Date(review.updated_at).toISOString() }))
      .sort((a, b) => byCodePoint(a.reviewerName, b.reviewerName));
    return {
      ...presentSummary(row),
      website: row.website,
      contactName: row.contact_name,
      contactEmail: row.contact_email,
      motivation: row.motivation,
      criteria: row.criteria,
      documents: documents.map((document) => ({ id: document.id, name: document.name, size: document.size, contentType: document.content_type })),
      reviews: named,
      decision: row.decided_at ? { decidedAt: new Date(row.decided_at).toISOString(), decidedByName: row.decided_by ? (names.get(row.decided_by) ?? null) : null, note: row.decision_note } : null,
      organisationId: row.organisation_id,
      canReview: row.status === 'submitted' && scope.can('application:review', { kind: 'application', conflict: row.conflict }),
      canDecide: row.status === 'submitted' && scope.can('application:decide', { kind: 'application', conflict: row.conflict }),
    };
  }

  async document(auth: AuthContext, applicationId: string, fileId: string): Promise<{ name: string; contentType: string; data: Buffer }> {
    const row = await this.repo.application(auth.userId, applicationId);
    if (!row) throw new NotFoundError('The application');
    await this.policy.require(auth, 'application:read', { kind: 'application', conflict: row.conflict }, 'The application');
    const file = await this.repo.document(applicationId, fileId);
    if (!file) throw new NotFoundError('The document');
    return { name: file.name, contentType: file.content_type, data: file.data };
  }

  /** A steering-committee member scores every criterion (1–5) and may comment; scoring again replaces their review. */
  async review(auth: AuthContext, id: string, input: ReviewRequest): Promise<ApplicationDetail> {
    const row = await this.repo.application(auth.userId, id);
    if (!row) throw new NotFoundError('The application');
    await this.policy.require(auth, 'application:review', { kind: 'application', conflict: row.conflict }, 'The application');
    if (row.status !== 'submitted') throw new ConflictError(DECIDED);
    const keys = row.criteria.map((criterion) => criterion.key);
    const details = [
      ...keys.filter((key) => input.scores[key] === undefined).map((key) => ({ path: `scores.${key}`, message: 'Score this criterion from 1 to 5' })),
      ...Object.keys(input.scores).filter((key) => !keys.includes(key)).map((key) => ({ path: `scores.${key}`, message: 'Not a criterion of this call' })),
    ];
    if (details.length > 0) throw new ValidationError('Score each criterion of the call, from 1 to 5', details);
    await this.repo.saveReview(id, auth.userId, input.scores, input.comment);
    return this.application(auth, id);
  }

  /**
   * The secretariat decides. Accepting makes the institution a member organisation and invites its first admin
   * (the applicant's contact unless another email is given), in one transaction with the decision itself.
   */
  async decide(auth: AuthContext, id: string, input: DecisionRequest): Promise<DecisionResult> {
    const row = await this.repo.application(auth.userId, id);
    if (!row) throw new NotFoundError('The application');
    await this.policy.require(auth, 'application:decide', { kind: 'application', conflict: row.conflict }, 'The application');
    const accepted = input.decision === 'accept';
    let created: { organisationName: string; prepared: Awaited<ReturnType<InvitationsService['prepare']>> } | null;
    try {
      created = await this.db.transaction(async (manager) => {
        const application = await this.repo.lockUndecided(manager, id);
        if (!application) throw new ConflictError(DECIDED);
        if (!accepted) {
          await this.repo.decide(manager, id, { status: 'declined', decidedBy: auth.userId, note: input.note, organisationId: null });
          return null;
        }
        const [country]: Array<{ region_code: string }> = await manager.query('SELECT region_code FROM countries WHERE iso3 = $1', [application.country_iso3]);
        const organisation = await manager.save(
          manager.create(OrganisationEntity, { name: application.institution_name, kind: 'member_institution', regionCode: country.region_code, countryIso3: application.country_iso3 }),
        );
        await manager.query('UPDATE organisations SET expertise = $2, website = $3 WHERE id = $1', [organisation.id, application.expertise, application.website]);
        const prepared = await this.invitations.prepare(manager, organisation.id, { email: input.adminEmail ?? application.contact_email, role: 'admin' }, auth.userId);
        await this.repo.decide(manager, id, { status: 'accepted', decidedBy: auth.userId, note: input.note, organisationId: organisation.id });
        return { organisationName: organisation.name, prepared };
      });
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new ConflictError('An organisation with this name already exists');
      throw error;
    }
    let invitation: DecisionResult['invitation'] = null;
    if (created) {
      // The secretariat, and the region's office, now see one more organisation.
      await this.events.emit('access.changed', { userIds: null });
      const announced = await this.invitations.announce(auth, created.organisationName, created.prepared.invitation, created.prepared.token);
      invitation = { email: announced.email, acceptUrl: announced.acceptUrl, emailSent: announced.emailSent };
    }
    // The applicant is told in their own language; the application row read above has all the mail needs.
    const words = MAIL_TEXTS.applicationDecided(mailLanguage(row.language), { institution: row.institution_name, call: row.call_title, accepted });
    await this.mail.send({ to: row.contact_email, subject: words.subject, text: words.text });
    this.logger.log(`Application ${id} ${accepted ? 'accepted' : 'declined'} by ${auth.userId}`);
    return { application: await this.application(auth, id), invitation };
  }

  /** Supporting documents: at most three, each of an accepted type whose bytes match it (an executable renamed .pdf is refused). */
  private checkDocuments(files: UploadedFileData[]): Array<{ name: string; contentType: string; data: Buffer }> {
    if (files.length > MAX_SUPPORTING_DOCUMENTS) throw new ValidationError('Attach at most 3 documents', [{ path: 'documents', message: 'At most 3 documents' }]);
    return files.map((file, index) => {
      const problem = fileProblem(file);
      if (problem) throw new ValidationError(problem, [{ path: `documents.${index}`, message: problem }]);
      return { name: safeFileName(file.originalname, file.mimetype), contentType: file.mimetype, data: file.buffer };
    });
  }
}
