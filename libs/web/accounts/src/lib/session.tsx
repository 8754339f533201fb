import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CurrentUser, Language, LoginRequest, SessionResponse, UpdateProfileRequest } from '@simashe/contracts';
import { api, ApiError, setCsrfToken, closeLiveSockets } from '@simashe/web-api-client';
import { currentLanguage, isLanguage, setLanguage } from '@simashe/web-i18n';

export const SESSION_KEY = ['session'] as const;

async function loadSession(): Promise<SessionResponse | null> {
  try {
    const session = await api.get<SessionResponse>('/auth/session');
    setCsrfToken(session.csrfToken);
    if (session.user.preferredLanguage !== currentLanguage()) await setLanguage(session.user.preferredLanguage);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The signed-in person, or null when signed out; undefined while loading. */
export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: loadSession, staleTime: 5 * 60_000, retry: false });
}

export function useCurrentUser(): CurrentUser {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser needs a signed-in session (wrap the route in RequireSession)');
  return data.user;
}

/** A language chosen on this device while signed out (on the sign-in page, say), not yet given to a profile. */
const SIGNED_OUT_CHOICE = 'simashe.languageChosenSignedOut';

/**
 * The language the person chose before signing in, if any, once: it becomes their profile's, as if chosen after
 * signing in (they had switched the page to read it; signing in must not switch it back).
 */
function takeSignedOutChoice(): Language | null {
  const chosen = sessionStorage.getItem(SIGNED_OUT_CHOICE);
  sessionStorage.removeItem(SIGNED_OUT_CHOICE);
  return isLanguage(chosen) ? chosen : null;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: LoginRequest) => api.post<SessionResponse>('/auth/login', credentials),
    onSuccess: async (signedIn) => {
      setCsrfToken(signedIn.csrfToken);
      queryClient.clear();
      let session = signedIn;
      const chosen = takeSignedOutChoice();
      if (chosen && chosen !== session.user.preferredLanguage) {
        // Kept as the profile's language; if that fails, the profile's own stands.
        const user = await api.patch<CurrentUser>('/me/profile', { preferredLanguage: chosen }).catch(() => null);
        if (user) session = { ...session, user };
      }
      if (session.user.preferredLanguage !== currentLanguage()) await setLanguage(session.user.preferredLanguage);
      queryClient.setQueryData(SESSION_KEY, session);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      closeLiveSockets();
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, null);
    },
  });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: UpdateProfileRequest) => api.patch<CurrentUser>('/me/profile', changes),
    onSuccess: (user) => {
      queryClient.setQueryData<SessionResponse | null>(SESSION_KEY, (session) => (session ? { ...session, user } : session));
    },
  });
}

/** Switches the interface language now; when signed in, the profile remembers it. */
export function useChangeLanguage() {
  const { data: session } = useSession();
  const updateProfile = useUpdateProfile();
  return async (language: Language) => {
    if (!(await setLanguage(language))) return;
    if (session) updateProfile.mutate({ preferredLanguage: language });
    // Only when surely signed out (not while the session is still being read), and for this browser session only:
    // on a shared computer, the next person to sign in days later is not given someone else's choice.
    else if (session === null) sessionStorage.setItem(SIGNED_OUT_CHOICE, language);
  };
}
