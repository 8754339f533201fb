import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateMeetingRequest, Meeting, MeetingOccurrence } from '@simashe/contracts';
import { api } from '@simashe/web-api-client';

export function useUpcomingMeetings(from: string, to: string) {
  return useQuery({
    queryKey: ['meetings', from, to],
    queryFn: () => api.get<{ items: MeetingOccurrence[] }>(`/meetings?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`),
  });
}

function useMeetingMutation<TInput>(call: (input: TInput) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['meetings'] }) });
}

export const useCreateMeeting = () => useMeetingMutation((input: CreateMeetingRequest) => api.post<Meeting>('/meetings', input));
export const useRsvp = () =>
  useMeetingMutation(({ meetingId, occurrence, response }: { meetingId: string; occurrence: string; response: 'yes' | 'no' | 'maybe' }) =>
    api.put<Meeting>(`/meetings/${meetingId}/occurrences/${occurrence}/rsvp`, { response }),
  );
export const useCancelOccurrence = () =>
  useMeetingMutation(({ meetingId, occurrence }: { meetingId: string; occurrence: string }) =>
    api.post<Meeting>(`/meetings/${meetingId}/occurrences/${occurrence}/cancel`, { scope: 'this' }),
  );

export function useCalendarFeed() {
  return useQuery({ queryKey: ['calendar-feed'], queryFn: () => api.get<{ active: boolean; createdAt: string | null }>('/me/calendar-feed') });
}

export function useResetCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ url: string }>('/me/calendar-feed'),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['calendar-feed'] }),
  });
}

export const useRegistration = () =>
  useMeetingMutation(({ meetingId, register }: { meetingId: string; register: boolean }) =>
    register ? api.post<Meeting>(`/meetings/${meetingId}/registration`) : api.delete<Meeting>(`/meetings/${meetingId}/registration`),
  );

export const useCheckIn = () =>
  useMeetingMutation(({ meetingId, occurrence }: { meetingId: string; occurrence: string }) =>
    api.post<Meeting>(`/meetings/${meetingId}/occurrences/${occurrence}/check-in`),
  );
