import type { CreatePostRequest, CreateTopicRequest, ListThreadsQuery, MentionCandidate, Post, Thread, ThreadWithPosts } from '@simashe/contracts';
import { DISCUSSIONS_NAMESPACE } from '@simashe/contracts';
import { api, liveSocket } from '@simashe/web-api-client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

export type SubjectKind = 'report' | 'meeting' | 'lesson';

export const threadKey = (threadId: string) => ['discussions', 'thread', threadId];
export const subjectKey = (kind: SubjectKind, id: string) => ['discussions', 'subject', kind, id];

/** Topics and the threads on reports, meetings and lessons the caller may read (the API decides), or one kind. */
export function useThreads(subject: ListThreadsQuery['subject']) {
  return useQuery({ queryKey: ['discussions', 'threads', subject], queryFn: () => api.get<{ items: Thread[] }>(`/discussions/threads?subject=${subject}`) });
}

export function useCreateTopic() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTopicRequest) => api.post<ThreadWithPosts>('/discussions/topics', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['discussions'] }),
  });
}

export function useThread(threadId: string) {
  return useQuery({ queryKey: threadKey(threadId), queryFn: () => api.get<ThreadWithPosts>(`/discussions/threads/${threadId}`) });
}

export function useSubjectThread(kind: SubjectKind, id: string) {
  return useQuery({ queryKey: subjectKey(kind, id), queryFn: () => api.get<{ thread: ThreadWithPosts | null }>(`/discussions/subjects/${kind}/${id}`) });
}

function useDiscussionMutation<TInput>(call: (input: TInput) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['discussions'] }) });
}

/** Posts into an existing thread, or (subject given, no thread yet) starts the subject's thread. */
export const useAddPost = (target: { threadId: string } | { kind: SubjectKind; id: string }) =>
  useDiscussionMutation((input: CreatePostRequest) =>
    'threadId' in target ? api.post<Post>(`/discussions/threads/${target.threadId}/posts`, input) : api.post<Post>(`/discussions/subjects/${target.kind}/${target.id}/posts`, input),
  );
export const useEditPost = (threadId: string) =>
  useDiscussionMutation(({ postId, body }: { postId: string; body: string }) => api.patch<Post>(`/discussions/threads/${threadId}/posts/${postId}`, { body }));
export const useDeletePost = (threadId: string) => useDiscussionMutation((postId: string) => api.delete(`/discussions/threads/${threadId}/posts/${postId}`));

export function useMentionCandidates(q: string) {
  return useQuery({
    queryKey: ['discussions', 'mentions', q],
    queryFn: () => api.get<{ items: MentionCandidate[] }>(`/discussions/mention-candidates?q=${encodeURIComponent(q)}`),
    enabled: q.length > 0,
    staleTime: 60_000,
    // The list stays while the next letter is looked up, instead of flickering empty.
    placeholderData: keepPreviousData,
  });
}

/**
 * Watches a thread over socket.io (by id, or by its subject so the very first post arrives too): every new,
 * edited or deleted post refreshes it without a reload.
 */
export function useLiveThread(target: { threadId: string } | { kind: SubjectKind; id: string }) {
  const queryClient = useQueryClient();
  const payload = 'threadId' in target ? JSON.stringify({ threadId: target.threadId }) : JSON.stringify({ subjectKind: target.kind, subjectId: target.id });
  useEffect(() => {
    const socket = liveSocket(DISCUSSIONS_NAMESPACE);
    const watch = () => socket.emit('watch', JSON.parse(payload), () => undefined);
    const onPost = () => void queryClient.invalidateQueries({ queryKey: ['discussions'] });
    socket.on('connect', watch);
    socket.on('post', onPost);
    if (socket.connected) watch();
    return () => {
      socket.off('connect', watch);
      socket.off('post', onPost);
      socket.emit('unwatch', JSON.parse(payload));
    };
  }, [payload, queryClient]);
}
