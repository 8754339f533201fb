export * from './lib/discussions.page';
export { SubjectDiscussion } from './lib/discussion-thread';
