export * from './lib/meetings.module';
export * from './lib/meetings.ics';
export * from './lib/meetings.service';
export { MeetingAccess } from './lib/meeting-access';
export { MinutesService } from './lib/minutes.service';
