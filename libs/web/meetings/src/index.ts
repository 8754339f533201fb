export * from './lib/meetings.page';
export * from './lib/meeting.page';
export * from './lib/minutes.page';
