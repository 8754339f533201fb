import type { ApplicationStatus, ExpertiseArea } from '@simashe/contracts';
import type { DataSource, EntityManager } from 'typeorm';

export interface CallRow {
  id: string;
  title: string;
  description: string;
  criteria: Array<{ key: string; label: string }>;
  deadline_local: string;
  time_zone: string;
  deadline_at: Date;
  application_count: number;
}

export interface ApplicationRow {
  id: string;
  call_id: string;
  call_title: string;
  criteria: Array<{ key: string; label: string }>;
  status: ApplicationStatus;
  institution_name: string;
  country_iso3: string;
  country_iso2: string;
  country_name: string;
  region_code: string;
  website: string | null;
  expertise: ExpertiseArea[];
  contact_name: string;
  contact_email: string;
  motivation: string;
  /** The applicant's language (their browser's when applying). */
  language: string;
  created_at: Date;
  decided_at: Date | null;
  decided_by: string | null;
  decision_note: string;
  organisation_id: string | null;
  review_count: number;
  average_score: number | null;
  /** The reader works for this institution, or for an organisation in its country. */
  conflict: boolean;
  reviewed_by_me: boolean;
}

export interface ReviewRow {
  reviewer_id: string;
  scores: Record<string, number>;
  comment: string;
  updated_at: Date;
}

export interface DocumentRow {
  id: string;
  name: string;
  content_type: string;
  size: number;
}

const CALL_SQL = `SELECT c.id, c.title, c.description, c.criteria, to_char(c.deadline_local, 'YYYY-MM-DD"T"HH24:MI') AS deadline_local,
  c.time_zone, c.deadline_at, (SELECT count(*)::int FROM membership_applications a WHERE a.call_id = c.id) AS application_count
  FROM membership_calls c`;

/** Applications as `$1` (the reader) sees them: with the review tally and whether the reader has a conflict of interest. */
const APPLICATION_SQL = `SELECT a.id, a.call_id, c.title AS call_title, c.criteria, a.status, a.institution_name, a.country_iso3,
  co.iso2 AS country_iso2, co.name AS country_name, co.region_code, a.website, a.expertise, a.contact_name, a.contact_email,
  a.motivation, a.language, a.created_at, a.decided_at, a.decided_by, a.decision_note, a.organisation_id,
  (SELECT count(*)::int FROM membership_reviews r WHERE r.application_id = a.id) AS review_count,
  (SELECT round(avg(s.value::numeric), 1)::float FROM membership_reviews r, jsonb_each_text(r.scores) s WHERE r.application_id = a.id) AS average_score,
  EXISTS (SELECT 1 FROM memberships m JOIN organisations o ON o.id = m.organisation_id
          WHERE m.user_id = $1 AND (o.country_iso3 = a.country_iso3 OR lower(o.name) = lower(a.institution_name))) AS conflict,
  EXISTS (SELECT 1 FROM membership_reviews r WHERE r.application_id = a.id AND r.reviewer_id = $1) AS reviewed_by_me
  FROM membership_applications a JOIN membership_calls c ON c.id = a.call_id JOIN countries co ON co.iso3 = a.country_iso3`;

/** The SQL of the open calls, their applications, files and reviews (owned by api-organisations). */
export class MembershipCallsRepository {
  constructor(private readonly db: DataSource) {}

  calls(): Promise<CallRow[]> {
    return this.db.query(`${CALL_SQL} ORDER BY c.deadline_at DESC`);
  }

  async call(id: string): Promise<CallRow | undefined> {
    const [row] = await this.db.query(`${CALL_SQL} WHERE c.id = $1`, [id]);
    return row;
  }

  /** The open call closing first, if any. */
  async currentCall(): Promise<CallRow | undefined> {
    const [row] = await this.db.query(`${CALL_SQL} WHERE c.deadline_at > now() ORDER BY c.deadline_at LIMIT 1`);
    return row;
  }

  async createCall(input: { title: string; description: string; criteria: Array<{ key: string; label: string }>; deadlineLocal: string; timeZone: string; deadlineAt: Date }, userId: string): Promise<string> {
    const [row] = await this.db.query(
      `INSERT INTO membership_calls (title, description, criteria, deadline_local, time_zone, deadline_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [input.title, input.description, JSON.stringify(input.criteria), input.deadlineLocal, input.timeZone, input.deadlineAt, userId],
    );
    return row.id;
  }

  async insertApplication(
    manager: EntityManager,
    input: { callId: string; institutionName: string; countryIso3: string; website: string | null; expertise: string[]; contactName: string; contactEmail: string; motivation: string; language: string; tokenHash: string },
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO membership_applications (call_id, institution_name, country_iso3, website, expertise, contact_name, contact_email, motivation, language, status_token_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [input.callId, input.institutionName, input.countryIso3, input.website, input.expertise, input.contactName, input.contactEmail, input.motivation, input.language, input.tokenHash],
    );
    return row.id;
  }

  async insertDocuments(manager: EntityManager, applicationId: string, files: Array<{ name: string; contentType: string; data: Buffer }>): Promise<void> {
    if (files.length === 0) return;
    await manager.query(
      `INSERT INTO membership_application_files (application_id, name, content_type, size, data)
       SELECT $1, f.name, f.content_type, octet_length(f.data), f.data FROM unnest($2::text[], $3::text[], $4::bytea[]) AS f(name, content_type, data)`,
      [applicationId, files.map((f) => f.name), files.map((f) => f.contentType), files.map((f) => f.data)],
    );
  }

  async byToken(tokenHash: string): Promise<{ institution_name: string; call_title: string; status: ApplicationStatus; created_at: Date; decided_at: Date | null } | undefined> {
    const [row] = await this.db.query(
      `SELECT a.institution_name, c.title AS call_title, a.status, a.created_at, a.decided_at
       FROM membership_applications a JOIN membership_calls c ON c.id = a.call_id WHERE a.status_token_hash = $1`,
      [tokenHash],
    );
    return row;
  }

  applications(readerId: string, callId: string): Promise<ApplicationRow[]> {
    return this.db.query(`${APPLICATION_SQL} WHERE a.call_id = $2 ORDER BY a.created_at`, [readerId, callId]);
  }

  async application(readerId: string, id: string): Promise<ApplicationRow | undefined> {
    const [row] = await this.db.query(`${APPLICATION_SQL} WHERE a.id = $2`, [readerId, id]);
    return row;
  }

  reviews(applicationId: string): Promise<ReviewRow[]> {
    return this.db.query(
      `SELECT r.reviewer_id, r.scores, r.comment, r.updated_at FROM membership_reviews r WHERE r.application_id = $1`,
      [applicationId],
    );
  }

  documents(applicationId: string): Promise<DocumentRow[]> {
    return this.db.query('SELECT id, name, content_type, size FROM membership_application_files WHERE application_id = $1 ORDER BY name', [applicationId]);
  }

  async document(applicationId: string, fileId: string): Promise<{ name: string; content_type: string; data: Buffer } | undefined> {
    const [row] = await this.db.query('SELECT name, content_type, data FROM membership_application_files WHERE application_id = $1 AND id = $2', [applicationId, fileId]);
    return row;
  }

  async saveReview(applicationId: string, reviewerId: string, scores: Record<string, number>, comment: string): Promise<void> {
    await this.db.query(
      `INSERT INTO membership_reviews (application_id, reviewer_id, scores, comment) VALUES ($1, $2, $3, $4)
       ON CONFLICT (application_id, reviewer_id) DO UPDATE SET scores = EXCLUDED.scores, comment = EXCLUDED.comment, updated_at = now()`,
      [applicationId, reviewerId, JSON.stringify(scores), comment],
    );
  }

  /** Locks a still undecided application for its decision; undefined when it is already decided (or gone). */
  async lockUndecided(manager: EntityManager, id: string): Promise<{ institution_name: string; country_iso3: string; website: string | null; expertise: string[]; contact_email: string } | undefined> {
    const [row] = await manager.query(
      `SELECT institution_name, country_iso3, website, expertise, contact_email FROM membership_applications WHERE id = $1 AND status = 'submitted' FOR UPDATE`,
      [id],
    );
    return row;
  }

  async decide(manager: EntityManager, id: string, decision: { status: ApplicationStatus; decidedBy: string; note: string; organisationId: string | null }): Promise<void> {
    await manager.query(
      'UPDATE membership_applications SET status = $2, decided_at = now(), decided_by = $3, decision_note = $4, organisation_id = $5 WHERE id = $1',
      [id, decision.status, decision.decidedBy, decision.note, decision.organisationId],
    );
  }
}
