import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MeetingAttendance1763900000008 implements MigrationInterface {
  name = 'MeetingAttendance1763900000008';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE meeting_attendance (
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        occurrence_local_start timestamp NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        self_check_in boolean NOT NULL,
        recorded_by uuid REFERENCES users(id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (meeting_id, occurrence_local_start, user_id)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE meeting_attendance');
  }
}
