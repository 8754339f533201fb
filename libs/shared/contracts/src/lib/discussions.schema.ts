import { z } from 'zod';
import { displayTextSchema, UuidSchema } from './common.schema';

export const DISCUSSION_SUBJECTS = ['topic', 'report', 'meeting', 'lesson'] as const;

/** Mentions are written into the text as @[Name](user:<id>) or @[Organisation](org:<id>); the composer inserts them. */
export const MENTION_PATTERN = /@\[([^\]\n]{1,120})\]\((user|org):([0-9a-f-]{36})\)/g;

/** The longest post, in characters. */
export const MAX_POST_LENGTH = 10_000;
const BodySchema = z.string().trim().min(1, 'Write something first').max(MAX_POST_LENGTH, 'Posts are at most 10,000 characters');

export const CreateTopicRequestSchema = z.strictObject({
  title: displayTextSchema('Title', { min: 3, max: 200 }),
  body: BodySchema,
});
export type CreateTopicRequest = z.infer<typeof CreateTopicRequestSchema>;

export const SubjectParamsSchema = z.strictObject({
  subjectKind: z.enum(['report', 'meeting', 'lesson'], { error: () => 'Discussions attach to a report, a meeting or a lesson' }),
  subjectId: UuidSchema,
});

export const CreatePostRequestSchema = z.strictObject({ body: BodySchema, quotePostId: UuidSchema.optional() });
export type CreatePostRequest = z.infer<typeof CreatePostRequestSchema>;
export const EditPostRequestSchema = z.strictObject({ body: BodySchema });

export const PostSchema = z.object({
  id: UuidSchema,
  threadId: UuidSchema,
  authorId: UuidSchema.nullable(),
  authorName: z.string().nullable(),
  /** Empty once deleted; the post stays as "deleted" so replies keep their place. */
  body: z.string(),
  quote: z.object({ postId: UuidSchema, authorName: z.string().nullable(), excerpt: z.string() }).nullable(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  deleted: z.boolean(),
  mine: z.boolean(),
});
export type Post = z.infer<typeof PostSchema>;

export const ThreadSchema = z.object({
  id: UuidSchema,
  subjectKind: z.enum(DISCUSSION_SUBJECTS),
  subjectId: UuidSchema.nullable(),
  title: z.string(),
  createdAt: z.string(),
  lastPostAt: z.string(),
  postCount: z.number().int(),
});
export type Thread = z.infer<typeof ThreadSchema>;
export const ThreadWithPostsSchema = ThreadSchema.extend({ posts: z.array(PostSchema), canPost: z.boolean() });
export type ThreadWithPosts = z.infer<typeof ThreadWithPostsSchema>;
export const ThreadListSchema = z.object({ items: z.array(ThreadSchema) });
/** The Discussions page: every thread the caller may read (topics and those on reports, meetings and lessons), or one kind. */
export const ListThreadsQuerySchema = z.strictObject({
  subject: z.enum(['all', ...DISCUSSION_SUBJECTS], { error: () => 'Show all, topic, report, meeting or lesson threads' }).default('all'),
});
export type ListThreadsQuery = z.infer<typeof ListThreadsQuerySchema>;
export const ThreadParamsSchema = z.strictObject({ id: UuidSchema });
export const PostParamsSchema = z.strictObject({ id: UuidSchema, postId: UuidSchema });

export const MentionCandidateSchema = z.object({
  kind: z.enum(['user', 'org']),
  id: UuidSchema,
  name: z.string(),
  /** A person's (first) organisation: tells two people of the same name apart. */
  organisationName: z.string().optional(),
});
export type MentionCandidate = z.infer<typeof MentionCandidateSchema>;
export const MentionCandidatesQuerySchema = z.strictObject({ q: z.string().trim().min(1, 'Type at least one letter').max(60) });
export const MentionCandidateListSchema = z.object({ items: z.array(MentionCandidateSchema) });

/** Live updates on the /discussions socket namespace. */
export interface DiscussionServerEvents {
  post: (payload: { threadId: string; post: Post }) => void;
}
export interface DiscussionClientEvents {
  watch: (payload: { threadId: string } | { subjectKind: 'report' | 'meeting' | 'lesson'; subjectId: string }, ack: (result: { ok: true } | { ok: false; error: { id: string; message: string } }) => void) => void;
  unwatch: (payload: { threadId: string } | { subjectKind: 'report' | 'meeting' | 'lesson'; subjectId: string }) => void;
}
export const DISCUSSIONS_NAMESPACE = '/discussions';
