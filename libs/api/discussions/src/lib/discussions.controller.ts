import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type AuthContext, CurrentAuth, ZodResponse } from '@simashe/api-core';
import {
  CreatePostRequestSchema,
  CreateTopicRequestSchema,
  EditPostRequestSchema,
  ListThreadsQuerySchema,
  MentionCandidateListSchema,
  MentionCandidatesQuerySchema,
  PostParamsSchema,
  PostSchema,
  SubjectParamsSchema,
  ThreadListSchema,
  ThreadParamsSchema,
  ThreadWithPostsSchema,
  type MentionCandidate,
  type Post as DiscussionPost,
  type Thread,
  type ThreadWithPosts,
} from '@simashe/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { DiscussionsService } from './discussions.service';

class CreateTopicRequestDto extends createZodDto(CreateTopicRequestSchema) {}
class CreatePostRequestDto extends createZodDto(CreatePostRequestSchema) {}
class EditPostRequestDto extends createZodDto(EditPostRequestSchema) {}
class ListThreadsQueryDto extends createZodDto(ListThreadsQuerySchema) {}
class ThreadParams extends createZodDto(ThreadParamsSchema) {}
class PostParams extends createZodDto(PostParamsSchema) {}
class SubjectParams extends createZodDto(SubjectParamsSchema) {}
class MentionCandidatesQueryDto extends createZodDto(MentionCandidatesQuerySchema) {}
class ThreadListDto extends createZodDto(ThreadListSchema) {}
class ThreadWithPostsDto extends createZodDto(ThreadWithPostsSchema) {}
class SubjectThreadDto extends createZodDto(z.object({ thread: ThreadWithPostsSchema.nullable() })) {}
class PostDto extends createZodDto(PostSchema) {}
class MentionCandidateListDto extends createZodDto(MentionCandidateListSchema) {}

@ApiTags('discussions')
@Controller('discussions')
export class DiscussionsController {
  constructor(private readonly discussions: DiscussionsService) {}

  @Get('topics')
  @ZodResponse({ type: ThreadListDto })
  async topics(): Promise<{ items: Thread[] }> {
    return { items: await this.discussions.topics() };
  }

  /** Topics and the threads on reports, meetings and lessons, newest activity first: only those the caller may read. */
  @Get('threads')
  @ZodResponse({ type: ThreadListDto })
  async threads(@CurrentAuth() auth: AuthContext, @Query() query: ListThreadsQueryDto): Promise<{ items: Thread[] }> {
    return { items: await this.discussions.readableThreads(auth, query.subject) };
  }

  @Post('topics')
  @ZodResponse({ status: 201, type: ThreadWithPostsDto })
  createTopic(@CurrentAuth() auth: AuthContext, @Body() body: CreateTopicRequestDto): Promise<ThreadWithPosts> {
    return this.discussions.createTopic(auth, body);
  }

  @Get('mention-candidates')
  @ZodResponse({ type: MentionCandidateListDto })
  async mentionCandidates(@Query() query: MentionCandidatesQueryDto): Promise<{ items: MentionCandidate[] }> {
    return { items: await this.discussions.mentionCandidates(query.q) };
  }

  @Get('subjects/:subjectKind/:subjectId')
  @ZodResponse({ type: SubjectThreadDto })
  async threadOf(@CurrentAuth() auth: AuthContext, @Param() params: SubjectParams): Promise<{ thread: ThreadWithPosts | null }> {
    return { thread: await this.discussions.threadOf(auth, params.subjectKind, params.subjectId) };
  }

  @Post('subjects/:subjectKind/:subjectId/posts')
  @ZodResponse({ status: 201, type: PostDto })
  postOn(@CurrentAuth() auth: AuthContext, @Param() params: SubjectParams, @Body() body: CreatePostRequestDto): Promise<DiscussionPost> {
    return this.discussions.postOn(auth, params.subjectKind, params.subjectId, body);
  }

  @Get('threads/:id')
  @ZodResponse({ type: ThreadWithPostsDto })
  thread(@CurrentAuth() auth: AuthContext, @Param() params: ThreadParams): Promise<ThreadWithPosts> {
    return this.discussions.thread(auth, params.id);
  }

  @Post('threads/:id/posts')
  @ZodResponse({ status: 201, type: PostDto })
  addPost(@CurrentAuth() auth: AuthContext, @Param() params: ThreadParams, @Body() body: CreatePostRequestDto): Promise<DiscussionPost> {
    return this.discussions.addPost(auth, params.id, body);
  }

  @Patch('threads/:id/posts/:postId')
  @ZodResponse({ type: PostDto })
  editPost(@CurrentAuth() auth: AuthContext, @Param() params: PostParams, @Body() body: EditPostRequestDto): Promise<DiscussionPost> {
    return this.discussions.editPost(auth, params.id, params.postId, body.body);
  }

  @Delete('threads/:id/posts/:postId')
  @HttpCode(204)
  deletePost(@CurrentAuth() auth: AuthContext, @Param() params: PostParams): Promise<void> {
    return this.discussions.deletePost(auth, params.id, params.postId);
  }
}
