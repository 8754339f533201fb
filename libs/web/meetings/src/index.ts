export * from './lib/meetings.page';
