/** Comments on a report's text, English (the reference: fr, es and ar must have every key). */
export const commentsEn = {
  title: 'Comments',
  add: 'Comment on the selected text',
  selectFirst: 'Select some text in the report to comment on it.',
  notSaved: 'Your latest changes are not saved yet, so the comment was not posted. Try again once the report shows them saved.',
  commentingOn: 'Commenting on: “{{text}}”',
  waitingForSave: 'Saving your latest changes before posting…',
  body: 'Your comment',
  post: 'Post comment',
  hint: 'Type @ and a name to mention someone: they are told if they can read this report. Ctrl+Enter posts, Escape cancels an edit.',
  reply: 'Reply',
  replyLabel: 'Reply to {{name}}',
  resolve: 'Resolve',
  reopen: 'Reopen',
  resolved: 'Resolved by {{name}}',
  empty: 'No comments yet.',
  onText: 'On: “{{text}}”',
  textGone: 'The commented text was deleted.',
  showResolved: 'Show resolved',
  edit: 'Edit',
  editLabel: 'Edit your comment',
  save: 'Save',
  delete: 'Delete',
  confirmDelete: 'Delete this comment? Its replies stay.',
  confirmDeleteReply: 'Delete this reply?',
  deleted: 'This comment was deleted.',
  edited: 'edited',
  editedOn: 'Edited {{date}}',
  unknownAuthor: 'A former member',
};

export type CommentsCatalogue = typeof commentsEn;

/** Every key of the English catalogue, translated. */
export type CommentsTranslation<T = CommentsCatalogue> = { [K in keyof T]: T[K] extends string ? string : CommentsTranslation<T[K]> };
