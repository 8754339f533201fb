import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ActionItem,
  Agenda,
  AttendanceRate,
  ChangeFollowingRequest,
  CreateMeetingRequest,
  GuestList,
  Meeting,
  MeetingOccurrence,
  MeetingPerson,
  Minutes,
  ReplaceAgendaRequest,
  RsvpReminder,
} from '@simashe/contracts';
import { api } from '@simashe/web-api-client';

export function useUpcomingMeetings(from: string, to: string) {
  return useQuery({
    queryKey: ['meetings', from, to],
    queryFn: () => api.get<{ items: MeetingOccurrence[] }>(`/meetings?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`),
  });
}

function useMeetingMutation<TInput, TResult>(call: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['meetings'] }) });
}

export const useCreateMeeting = () => useMeetingMutation((input: CreateMeetingRequest) => api.post<Meeting>('/meetings', input));
export const useRsvp = () =>
  useMeetingMutation(({ meetingId, occurrence, response }: { meetingId: string; occurrence: string; response: 'yes' | 'no' | 'maybe' }) =>
    api.put<Meeting>(`/meetings/${meetingId}/occurrences/${occurrence}/rsvp`, { response }),
  );
/** The same answer for every session of the series still to come. */
export const useSeriesRsvp = () =>
  useMeetingMutation(({ meetingId, response }: { meetingId: string; response: 'yes' | 'no' | 'maybe' }) => api.put<Meeting>(`/meetings/${meetingId}/rsvp`, { response }));

export function useGuests(meetingId: string, occurrence: string | null) {
  return useQuery({
    queryKey: ['meetings', 'guests', meetingId, occurrence],
    queryFn: () => api.get<GuestList>(`/meetings/${meetingId}/occurrences/${occurrence}/guests`),
    enabled: occurrence !== null,
  });
}

export const useRemindGuests = () =>
  useMeetingMutation(({ meetingId, occurrence }: { meetingId: string; occurrence: string }) =>
    api.post<RsvpReminder>(`/meetings/${meetingId}/occurrences/${occurrence}/rsvp-reminders`),
  );

export const useCancelOccurrence = () =>
  useMeetingMutation(({ meetingId, occurrence, scope = 'this' }: { meetingId: string; occurrence: string; scope?: 'this' | 'following' }) =>
    api.post<Meeting>(`/meetings/${meetingId}/occurrences/${occurrence}/cancel`, { scope }),
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

export function useMeeting(id: string) {
  return useQuery({ queryKey: ['meetings', 'one', id], queryFn: () => api.get<Meeting>(`/meetings/${id}`) });
}

export function useAgenda(meetingId: string) {
  return useQuery({ queryKey: ['meetings', 'agenda', meetingId], queryFn: () => api.get<Agenda>(`/meetings/${meetingId}/agenda`) });
}

export const useReplaceAgenda = (meetingId: string) =>
  useMeetingMutation((input: ReplaceAgendaRequest) => api.put<Agenda>(`/meetings/${meetingId}/agenda`, input));

export function useActionItems(meetingId: string) {
  return useQuery({
    queryKey: ['meetings', 'action-items', meetingId],
    queryFn: () => api.get<{ items: ActionItem[] }>(`/meetings/${meetingId}/action-items`),
    // Written live in the minutes, so always re-read when the meeting page opens.
    staleTime: 0,
  });
}

export function useMeetingPeople(meetingId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['meetings', 'people', meetingId],
    queryFn: () => api.get<{ items: MeetingPerson[] }>(`/meetings/${meetingId}/people`),
    enabled,
  });
}

export function useMinutes(meetingId: string, occurrence: string) {
  return useQuery({
    queryKey: ['meetings', 'minutes', meetingId, occurrence],
    // Opening creates them from the agenda the first time (for contributors); readers get them or a 404.
    queryFn: () => api.post<Minutes>(`/meetings/${meetingId}/occurrences/${occurrence}/minutes`),
    retry: false,
  });
}

export const useChangeFollowing = () =>
  useMeetingMutation(({ meetingId, occurrence, ...body }: { meetingId: string; occurrence: string } & ChangeFollowingRequest) =>
    api.put<Meeting>(`/meetings/${meetingId}/occurrences/${occurrence}/following`, body),
  );

export const useMoveOccurrence = () =>
  useMeetingMutation(({ meetingId, occurrence, localStart, localEnd }: { meetingId: string; occurrence: string; localStart: string; localEnd: string }) =>
    api.put<Meeting>(`/meetings/${meetingId}/occurrences/${occurrence}`, { localStart, localEnd }),
  );

export const useRecordAttendance = () =>
  useMeetingMutation(({ meetingId, occurrence, userIds }: { meetingId: string; occurrence: string; userIds: string[] }) =>
    api.post<Meeting>(`/meetings/${meetingId}/occurrences/${occurrence}/attendance`, { userIds }),
  );

export function useAttendanceRates(organisationId: string | null) {
  return useQuery({
    queryKey: ['meetings', 'attendance-rates', organisationId],
    queryFn: () => api.get<{ items: AttendanceRate[] }>(`/meetings/attendance-rates?organisationId=${organisationId}`),
    enabled: organisationId !== null,
  });
}
