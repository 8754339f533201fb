/**
 * Everyday polish (issue 14): phone calendars, the time-zone search, notifications and built-in template names
 * written by the web in the reader's language. English, the reference: fr, es and ar must have every key (plural
 * families in every category of their language).
 */
export const polishEn = {
  calendar: {
    dayCount_one: '{{count}} meeting on {{date}}: show the day',
    dayCount_other: '{{count}} meetings on {{date}}: show the day',
    noMeetings: 'No meetings',
    nowAt: 'Now, {{time}}',
  },
  zonePicker: {
    keys: 'Typing selects the first match; the up and down arrows move through the matches.',
    selected: 'Selected: {{zone}}.',
    none: 'No time zone matches; {{zone}} stays selected.',
  },
  /** Notifications the server stores as a message key and values (older rows keep the server's English text). */
  notices: {
    meetingInvitation: { title: 'Invitation: {{meeting}}', body: '{{organiser}} · {{when}}', bodyRepeats: '{{organiser}} · {{when}} · repeats' },
    rsvpReminder: { title: 'Will you attend? {{meeting}}', body: '{{organiser}} asks whether you will come · {{when}}' },
    meetingReminder: { title: 'Reminder: {{meeting}}', body: 'Starts {{when}}', bodyLink: 'Starts {{when}} · {{link}}' },
    reviewRequested: { title: '{{name}} asked you to review “{{report}}”', body: '{{organisation}}, period {{start}} – {{end}}' },
    reportSubmitted: { title: '{{organisation}} submitted “{{report}}”', body: 'Period {{start}} – {{end}}' },
    discussionMention: { title: '{{name}} mentioned you in “{{thread}}”' },
    discussionReply: { title: '{{name}} replied in “{{thread}}”' },
    commentMention: { title: '{{name}} mentioned you in a comment on “{{report}}”' },
    reportMention: { title: '{{name}} mentioned you in “{{report}}”' },
    steeringAppointed: { title: '{{name}} appointed you to the HIM Network steering committee', body: 'You can now read the calls for member institutions and score their applications.' },
  },
  /** The built-in report templates, by their stable key (organisations' own templates keep their names). */
  templates: {
    progress: 'SIMASHE progress report',
    blank: 'Blank report',
  },
};

export type PolishCatalogue = typeof polishEn;

/** Every key of the English catalogue, translated; extra keys are the plural categories English lacks. */
export type PolishTranslation<T = PolishCatalogue> = { [K in keyof T]: T[K] extends string ? string : PolishTranslation<T[K]> } & { [plural: string]: unknown };
