export * from './lib/discussions.page';
export { SubjectDiscussion } from './lib/discussion-thread';
export { Composer } from './lib/composer';
export { PostText } from './lib/post-text';
export { MentionListbox, mentionOptionId, useMentionSuggestions, type MentionSuggestions } from './lib/mention-listbox';
