import type { Lesson, LessonFilters, LessonInput, UpdateLessonRequest } from '@simashe/contracts';
import { api } from '@simashe/web-api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

export function filterQuery(filters: LessonFilters): string {
  const params = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function useLessons(filters: LessonFilters) {
  return useQuery({ queryKey: ['lessons', filters], queryFn: () => api.get<{ items: Lesson[] }>(`/lessons${filterQuery(filters)}`) });
}

export function useLesson(id: string) {
  return useQuery({ queryKey: ['lessons', 'one', id], queryFn: () => api.get<Lesson>(`/lessons/${id}`) });
}

function useLessonMutation<TInput, TResult>(call: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['lessons'] }) });
}

export const useCreateLesson = () => useLessonMutation((input: LessonInput) => api.post<Lesson>('/lessons', input));
export const useUpdateLesson = (id: string) => useLessonMutation((input: UpdateLessonRequest) => api.put<Lesson>(`/lessons/${id}`, input));
export const useLessonStatus = (id: string) => useLessonMutation((status: Lesson['status']) => api.put<Lesson>(`/lessons/${id}/status`, { status }));
export const useDeleteLesson = (id: string) => useLessonMutation(() => api.delete(`/lessons/${id}`));
