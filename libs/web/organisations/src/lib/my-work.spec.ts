import type { MeetingOccurrence, Notification, Report } from '@simashe/contracts';
import { myRecentReports, nextSevenDays, unreadMentions, upcomingSessions } from './my-work';

const ME = '11111111-1111-4111-8111-111111111111';
const MY_ORG = '22222222-2222-4222-8222-222222222222';
const OTHER_ORG = '33333333-3333-4333-8333-333333333333';

const report = (id: string, overrides: Partial<Report>) =>
  ({ id, title: id, organisationId: OTHER_ORG, archived: false, createdBy: null, lastEditedAt: '2026-11-01T00:00:00.000Z', ...overrides }) as Report;

describe('myRecentReports', () => {
  it('keeps the reports of my organisations and those I started, newest edit first, without archived ones', () => {
    const reports = [
      report('old-mine', { organisationId: MY_ORG, lastEditedAt: '2026-10-01T00:00:00.000Z' }),
      report('other', {}),
      report('started-by-me', { createdBy: { id: ME, name: 'Me' }, lastEditedAt: '2026-11-20T00:00:00.000Z' }),
      report('archived', { organisationId: MY_ORG, archived: true, lastEditedAt: '2026-11-30T00:00:00.000Z' }),
      report('new-mine', { organisationId: MY_ORG, lastEditedAt: '2026-11-25T00:00:00.000Z' }),
    ];
    expect(myRecentReports(reports, ME, [MY_ORG]).map((r) => r.id)).toEqual(['new-mine', 'started-by-me', 'old-mine']);
    expect(myRecentReports(reports, ME, [MY_ORG], 1).map((r) => r.id)).toEqual(['new-mine']);
    expect(myRecentReports(reports, ME, [])).toHaveLength(1);
  });
});

describe('upcomingSessions', () => {
  const session = (title: string, start: string, end: string) => ({ title, start, end }) as MeetingOccurrence;
  it('drops sessions that ended and sorts the rest by start', () => {
    const now = new Date('2026-12-01T10:00:00Z');
    const list = [
      session('later', '2026-12-05T09:00:00Z', '2026-12-05T10:00:00Z'),
      session('ended', '2026-12-01T08:00:00Z', '2026-12-01T09:00:00Z'),
      session('running', '2026-12-01T09:30:00Z', '2026-12-01T10:30:00Z'),
    ];
    expect(upcomingSessions(list, now).map((s) => s.title)).toEqual(['running', 'later']);
  });
});

describe('unreadMentions', () => {
  const n = (id: string, kind: Notification['kind'], read: boolean, createdAt: string) => ({ id, kind, read, createdAt }) as Notification;
  it('keeps unread mentions, newest first', () => {
    const list = [n('a', 'mention', false, '2026-12-01T09:00:00Z'), n('b', 'reply', false, '2026-12-01T10:00:00Z'), n('c', 'mention', true, '2026-12-01T11:00:00Z'), n('d', 'mention', false, '2026-12-01T12:00:00Z')];
    expect(unreadMentions(list).map((x) => x.id)).toEqual(['d', 'a']);
  });
});

describe('nextSevenDays', () => {
  it('spans seven days from now', () => {
    expect(nextSevenDays(new Date('2026-12-01T10:00:00Z'))).toEqual({ from: '2026-12-01T10:00:00.000Z', to: '2026-12-08T10:00:00.000Z' });
  });
});
