import type { Notification, NotificationList } from '@simashe/contracts';
import { api } from '@simashe/web-api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

/** Checked every 30 s (and on focus) so the unread count in the shell stays current. */
export function useNotifications(unreadOnly = false) {
  return useQuery({
    queryKey: ['notifications', unreadOnly],
    queryFn: () => api.get<NotificationList>(`/notifications${unreadOnly ? '?unread=true' : ''}`),
    refetchInterval: 30_000,
  });
}

function useNotificationMutation<TInput>(call: (input: TInput) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['notifications'] }) });
}

export const useMarkRead = () => useNotificationMutation((id: string) => api.post<Notification>(`/notifications/${id}/read`));
export const useMarkAllRead = () => useNotificationMutation(() => api.post<void>('/notifications/read-all'));
