import type { Meeting, MeetingOccurrence, Notification, NotificationList, NotificationPreferences, RSVP_RESPONSES } from '@simashe/contracts';
import { api } from '@simashe/web-api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

/** Pushed live over socket.io; also re-read every minute in case the live connection is down. */
export function useNotifications(unreadOnly = false) {
  return useQuery({
    queryKey: ['notifications', unreadOnly],
    queryFn: () => api.get<NotificationList>(`/notifications${unreadOnly ? '?unread=true' : ''}`),
    refetchInterval: 60_000,
  });
}

/** The bell menu: the latest ten, read or not (the unread count comes with them). */
export function useLatestNotifications() {
  return useQuery({ queryKey: ['notifications', 'latest'], queryFn: () => api.get<NotificationList>('/notifications?limit=10'), refetchInterval: 60_000 });
}

function useNotificationMutation<TInput>(call: (input: TInput) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['notifications'] }) });
}

export const useMarkRead = () => useNotificationMutation((id: string) => api.post<Notification>(`/notifications/${id}/read`));
export const useMarkAllRead = () => useNotificationMutation(() => api.post<void>('/notifications/read-all'));

export function usePreferences() {
  return useQuery({ queryKey: ['notifications', 'preferences'], queryFn: () => api.get<NotificationPreferences>('/notifications/preferences') });
}

export const useUpdatePreferences = () =>
  useNotificationMutation((changes: Partial<NotificationPreferences>) => api.put<NotificationPreferences>('/notifications/preferences', changes));

/** Marks several notifications read at once (every unread one of a group). */
export const useMarkManyRead = () => useNotificationMutation((ids: string[]) => Promise.all(ids.map((id) => api.post<Notification>(`/notifications/${id}/read`))));

/**
 * Answers an invitation from the inbox: for the meeting's next session that has not ended (read when the person
 * answers, so the inbox does not load every meeting it mentions). Resolves to that session, or null when none is left.
 */
export function useAnswerInvitation(pickSession: (occurrences: MeetingOccurrence[]) => MeetingOccurrence | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ meetingId, response }: { meetingId: string; response: (typeof RSVP_RESPONSES)[number] }) => {
      const meeting = await api.get<Meeting>(`/meetings/${meetingId}`);
      const session = pickSession(meeting.occurrences);
      if (!session) return null;
      await api.put<Meeting>(`/meetings/${meetingId}/occurrences/${encodeURIComponent(session.occurrence)}/rsvp`, { response });
      return session;
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['meetings'] }),
  });
}
