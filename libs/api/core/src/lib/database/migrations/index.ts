import { InitialSchema1763900000000 } from './1763900000000-initial-schema';
import { WhoReferenceData1763900000001 } from './1763900000001-who-reference-data';
import { ReportsAndCollaboration1763900000002 } from './1763900000002-reports-and-collaboration';
import { DocumentVersions1763900000003 } from './1763900000003-document-versions';
import { ReportComments1763900000004 } from './1763900000004-report-comments';
import { Meetings1763900000005 } from './1763900000005-meetings';
import { CalendarFeeds1763900000006 } from './1763900000006-calendar-feeds';
import { WebinarRegistrations1763900000007 } from './1763900000007-webinar-registrations';
import { MeetingAttendance1763900000008 } from './1763900000008-meeting-attendance';
import { AgendaMinutesReminders1763900000009 } from './1763900000009-agenda-minutes-reminders';
import { LessonsSearchDiscussions1763900000010 } from './1763900000010-lessons-search-discussions';
import { LessonFiles1763900000011 } from './1763900000011-lesson-files';
import { Cycles1763900000012 } from './1763900000012-cycles';
import { CycleEvidenceFiles1763900000013 } from './1763900000013-cycle-evidence-files';
import { AuditLog1763900000014 } from './1763900000014-audit-log';
import { SessionsAndPasswordReset1763900000015 } from './1763900000015-sessions-and-password-reset';
import { SearchDocuments1763900000016 } from './1763900000016-search-documents';
import { SearchPartitions1763900000017 } from './1763900000017-search-partitions';
import { CollabContributions1763900000019 } from './1763900000019-collab-contributions';
import { ReportReviews1763900000023 } from './1763900000023-report-reviews';
import { ReportCommentEdits1763900000018 } from './1763900000018-report-comment-edits';
import { MeetingRsvpReminders1763900000020 } from './1763900000020-meeting-rsvp-reminders';
import { TemplateGuidance1763900000027 } from './1763900000027-template-guidance';
import { Monitoring1763900000031 } from './1763900000031-monitoring';

/** Every migration, in order. A schema change is a new file here, never `synchronize`. */
export const ALL_MIGRATIONS = [InitialSchema1763900000000, WhoReferenceData1763900000001, ReportsAndCollaboration1763900000002, DocumentVersions1763900000003, ReportComments1763900000004, Meetings1763900000005, CalendarFeeds1763900000006, WebinarRegistrations1763900000007, MeetingAttendance1763900000008, AgendaMinutesReminders1763900000009, LessonsSearchDiscussions1763900000010, LessonFiles1763900000011, Cycles1763900000012, CycleEvidenceFiles1763900000013, AuditLog1763900000014, SessionsAndPasswordReset1763900000015, SearchDocuments1763900000016, SearchPartitions1763900000017, ReportCommentEdits1763900000018, CollabContributions1763900000019, MeetingRsvpReminders1763900000020, ReportReviews1763900000023, TemplateGuidance1763900000027, Monitoring1763900000031];
