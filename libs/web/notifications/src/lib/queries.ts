import type { Notification, NotificationList, NotificationPreferences } from '@simashe/contracts';
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
