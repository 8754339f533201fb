export * from './lib/meetings.ics';
