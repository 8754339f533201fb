import type { MeetingOccurrence, Notification } from '@simashe/contracts';
import { groupNotifications, invitationMeetingId, nextSession } from './grouping';

const MEETING = '3f0c1a52-8a4e-4d7a-9a55-0a6b7c2d1e11';
let sequence = 0;
function notification(overrides: Partial<Notification>): Notification {
  sequence += 1;
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    kind: 'reply',
    title: `Notification ${sequence}`,
    body: '',
    link: null,
    message: null,
    createdAt: `2026-12-01T10:${String(sequence).padStart(2, '0')}:00.000Z`,
    read: false,
    ...overrides,
  };
}

describe('groupNotifications', () => {
  it('puts notifications that open the same page together, newest first, and counts the unread', () => {
    const invitation = notification({ kind: 'invitation', link: `/meetings/${MEETING}`, read: true, createdAt: '2026-12-01T08:00:00.000Z' });
    const reply = notification({ link: '/lessons/abc', createdAt: '2026-12-01T09:00:00.000Z' });
    const reminder = notification({ kind: 'meeting_reminder', link: `/meetings/${MEETING}`, createdAt: '2026-12-01T11:00:00.000Z' });
    const groups = groupNotifications([invitation, reply, reminder]);
    expect(groups.map((group) => group.key)).toEqual([`/meetings/${MEETING}`, '/lessons/abc']);
    expect(groups[0].latest).toBe(reminder);
    expect(groups[0].items).toEqual([reminder, invitation]);
    expect(groups[0].unread).toBe(1);
    expect(groups[1].unread).toBe(1);
  });

  it('keeps notifications without a link apart', () => {
    const groups = groupNotifications([notification({}), notification({})]);
    expect(groups).toHaveLength(2);
    expect(groups.every((group) => group.items.length === 1)).toBe(true);
  });

  it('returns nothing for an empty inbox', () => {
    expect(groupNotifications([])).toEqual([]);
  });
});

describe('invitationMeetingId', () => {
  it('reads the meeting of an invitation, and nothing from other kinds or links', () => {
    expect(invitationMeetingId(notification({ kind: 'invitation', link: `/meetings/${MEETING}` }))).toBe(MEETING);
    expect(invitationMeetingId(notification({ kind: 'meeting_reminder', link: `/meetings/${MEETING}` }))).toBeNull();
    expect(invitationMeetingId(notification({ kind: 'invitation', link: '/reports/x' }))).toBeNull();
    expect(invitationMeetingId(notification({ kind: 'invitation', link: null }))).toBeNull();
  });
});

describe('nextSession', () => {
  const session = (start: string, end: string) => ({ occurrence: start.slice(0, 16), start, end }) as MeetingOccurrence;
  it('picks the earliest session that has not ended', () => {
    const past = session('2026-11-30T09:00:00Z', '2026-11-30T10:00:00Z');
    const running = session('2026-12-01T09:30:00Z', '2026-12-01T10:30:00Z');
    const later = session('2026-12-08T09:00:00Z', '2026-12-08T10:00:00Z');
    expect(nextSession([later, past, running], new Date('2026-12-01T10:00:00Z'))).toBe(running);
    expect(nextSession([past], new Date('2026-12-01T10:00:00Z'))).toBeNull();
  });
});
