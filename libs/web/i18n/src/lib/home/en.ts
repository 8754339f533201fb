/**
 * Home ("my work"), the inbox (bell menu, grouped notifications), the phone menu and the discussions list,
 * English (the reference: fr, es and ar must have every key; Arabic adds its other plural forms).
 */
export const homeSectionsEn = {
  home: {
    welcome: 'Welcome, {{name}}',
    myOrganisations: 'My organisations',
    noOrganisations: 'You are not a member of any organisation yet. Ask an administrator to invite you.',
    regionalPathfinders: 'Country pathfinders in your region',
    noRegionalPathfinders: 'No country pathfinders in your region yet.',
    partnerAccess: 'Shared with your organisation',
    allOrganisations: 'All organisations in the network',
    members_one: '{{count}} member',
    members_other: '{{count}} members',
    yourRole: 'Your role: {{role}}',
  },
  notifications: {
    title: 'Notifications',
    preferences: 'What reaches your inbox',
    tellMe: 'Tell me about',
    remindersHint: 'Meeting reminders are set with reminder times on your profile.',
    bell_one: 'Notifications, {{count}} unread',
    bell_other: 'Notifications, {{count}} unread',
    bell_zero: 'Notifications',
    new: 'New',
    markRead: 'Mark as read',
    markAllRead: 'Mark all as read',
    unreadOnly: 'Unread only',
    empty: 'Nothing here yet. Meeting reminders, mentions and replies arrive here.',
    kinds: { meeting_reminder: 'Meeting reminder', mention: 'Mention', reply: 'Reply', invitation: 'Invitation', report_submitted: 'Report submitted', review_requested: 'Review requested', network: 'Network' },
  },
  menu: { open: 'Menu' },
  myWork: {
    title: 'My work',
    recentReports: 'My recent reports',
    noRecentReports: 'No reports in your organisations yet.',
    toReview: 'Reports to review',
    noToReview: 'Nothing is waiting for your review.',
    edited: 'Edited {{date}}',
    upcomingMeetings: 'Upcoming meetings (next 7 days)',
    noMeetings: 'No meetings in the next 7 days.',
    yourAnswer: 'Your answer: {{answer}}',
    notAnswered: 'Not answered yet',
    answers: { yes: 'Yes', no: 'No', maybe: 'Maybe' },
    unreadMentions: 'Unread mentions',
    noMentions: 'No unread mentions.',
    overdueMilestones: 'My overdue milestones',
    noOverdueMilestones: 'None of your milestones is overdue.',
    due: 'Due {{date}}',
    milestoneOf: '{{initiative}} · {{cycle}}',
  },
  inbox: {
    latest: 'Latest notifications',
    seeAll: 'See all notifications',
    empty: 'No notifications yet.',
    markRead: 'Mark as read',
    markAllRead: 'Mark all as read',
    unread_one: '{{count}} unread',
    unread_other: '{{count}} unread',
    inThread_one: '{{count}} notification',
    inThread_other: '{{count}} notifications',
    willYouAttend: 'Will you attend the next session?',
    answered: 'Answer saved for {{date}}: {{answer}}',
    noSession: 'This meeting has no upcoming session to answer.',
    yes: 'Yes',
    maybe: 'Maybe',
    no: 'No',
  },
  threads: {
    title: 'Recent discussions',
    show: 'Show',
    subjects: { all: 'All', topic: 'Topics', report: 'Reports', meeting: 'Meetings', lesson: 'Lessons' },
    on: { topic: 'Topic', report: 'Report', meeting: 'Meeting', lesson: 'Lesson' },
    empty: 'No discussions here yet.',
  },
};

export type HomeSectionsCatalogue = typeof homeSectionsEn;

/** Arabic has six plural forms: wherever English has `x_other`, a translation may add `x_zero`, `x_two`, `x_few`, `x_many`. */
type PluralExtras<T> = { [K in keyof T as K extends `${infer Base}_other` ? `${Base}_zero` | `${Base}_two` | `${Base}_few` | `${Base}_many` : never]?: string };

/** Every key of the English catalogue, translated. */
export type HomeSectionsTranslation<T = HomeSectionsCatalogue> = { [K in keyof T]: T[K] extends string ? string : HomeSectionsTranslation<T[K]> } & PluralExtras<T>;
