import type { Lesson, LessonFile, LessonFilters, LessonInput, MeetingOccurrence, Report, UpdateLessonRequest } from '@simashe/contracts';
import { api, queryString } from '@simashe/web-api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

export const filterQuery = (filters: LessonFilters): string => queryString(filters);

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

export const useUploadFile = (id: string) =>
  useLessonMutation((file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<LessonFile>(`/lessons/${id}/files`, form);
  });
export const useRemoveFile = (id: string) => useLessonMutation((fileId: string) => api.delete(`/lessons/${id}/files/${fileId}`));

/** Reports and meetings the author can read, offered as evidence. */
export function useEvidenceChoices() {
  const reports = useQuery({ queryKey: ['reports', 'evidence'], queryFn: () => api.get<{ items: Report[] }>('/reports') });
  const [range] = useState(() => ({ from: new Date(Date.now() - 365 * 86400_000).toISOString(), to: new Date(Date.now() + 30 * 86400_000).toISOString() }));
  const meetings = useQuery({
    queryKey: ['meetings', 'evidence'],
    queryFn: () => api.get<{ items: MeetingOccurrence[] }>(`/meetings?from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`),
  });
  const uniqueMeetings = [...new Map((meetings.data?.items ?? []).map((m) => [m.meetingId, m.title])).entries()].map(([id, title]) => ({ id, title }));
  return { reports: (reports.data?.items ?? []).map((r) => ({ id: r.id, title: r.title })), meetings: uniqueMeetings };
}
