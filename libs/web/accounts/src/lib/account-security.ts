import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ChangePasswordRequest,
  ForgotPasswordResponse,
  OtherSessionsRevoked,
  PasswordResetDone,
  PasswordResetPreview,
  ResetPasswordRequest,
  SessionList,
  SessionResponse,
} from '@simashe/contracts';
import { api, setCsrfToken } from '@simashe/web-api-client';
import { SESSION_KEY } from './session';

export const MY_SESSIONS_KEY = ['me', 'sessions'] as const;

export function useMySessions() {
  return useQuery({ queryKey: MY_SESSIONS_KEY, queryFn: () => api.get<SessionList>('/me/sessions') });
}

export function useSignOutSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) => api.delete(`/me/sessions/${encodeURIComponent(sessionId)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: MY_SESSIONS_KEY }),
  });
}

export function useSignOutOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<OtherSessionsRevoked>('/me/sessions/sign-out-others'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: MY_SESSIONS_KEY }),
  });
}

/** The server renews this tab's session (new cookie and CSRF token) and ends every other one. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordRequest) => api.post<SessionResponse>('/me/password', body),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(SESSION_KEY, session);
      void queryClient.invalidateQueries({ queryKey: MY_SESSIONS_KEY });
    },
  });
}

export function useForgotPassword() {
  return useMutation({ mutationFn: (email: string) => api.post<ForgotPasswordResponse>('/auth/password/forgot', { email }) });
}

export function usePasswordResetLink(token: string) {
  return useQuery({
    queryKey: ['password-reset', token],
    queryFn: () => api.get<PasswordResetPreview>(`/auth/password/reset/${encodeURIComponent(token)}`),
    retry: false,
    staleTime: Infinity,
  });
}

/** Every session of the account ends, this browser's too if it was signed in as that person. */
export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ResetPasswordRequest) => api.post<PasswordResetDone>('/auth/password/reset', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}
