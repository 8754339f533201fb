import type {
  ApplicationDetail,
  ApplicationInput,
  ApplicationList,
  ApplicationStatusView,
  ApplicationSubmitted,
  Call,
  CallList,
  CreateCallRequest,
  DecisionRequest,
  DecisionResult,
  ReviewRequest,
} from '@simashe/contracts';
import { api, ApiError } from '@simashe/web-api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { applicationFormData } from './calls-logic';

/** A 404 is an answer here (no open call, a bad link, not allowed to see calls): no point asking again. */
const noRetryOn404 = (count: number, error: Error) => !(error instanceof ApiError && (error.status === 404 || error.status === 400)) && count < 2;

/** The open call closing first, for the public form; a 404 means there is none. */
export function useCurrentCall() {
  return useQuery({ queryKey: ['calls', 'current'], queryFn: () => api.get<Call>('/public/calls/current'), retry: noRetryOn404 });
}

export function useApply(callId: string) {
  return useMutation({
    mutationFn: ({ application, files }: { application: ApplicationInput; files: File[] }) =>
      api.upload<ApplicationSubmitted>(`/public/calls/${callId}/applications`, applicationFormData(application, files)),
  });
}

export function useApplicationStatus(token: string) {
  return useQuery({ queryKey: ['calls', 'status', token], queryFn: () => api.get<ApplicationStatusView>(`/public/applications/${encodeURIComponent(token)}`), retry: noRetryOn404 });
}

/** The calls for secretariat and steering-committee members; anyone else gets a 404 (the network page then hides the link). */
export function useCalls(enabled = true) {
  return useQuery({ queryKey: ['calls', 'list'], queryFn: () => api.get<CallList>('/membership-calls'), retry: noRetryOn404, enabled });
}

export function useCreateCall() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCallRequest) => api.post<Call>('/membership-calls', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['calls'] }),
  });
}

export function useCallApplications(callId: string) {
  return useQuery({ queryKey: ['calls', callId, 'applications'], queryFn: () => api.get<ApplicationList>(`/membership-calls/${callId}/applications`), retry: noRetryOn404 });
}

export function useApplication(id: string) {
  return useQuery({ queryKey: ['applications', id], queryFn: () => api.get<ApplicationDetail>(`/membership-applications/${id}`), retry: noRetryOn404 });
}

/** The answer is the application as it now is: shown at once; the call's table is asked for again. */
export function useReviewApplication(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReviewRequest) => api.put<ApplicationDetail>(`/membership-applications/${id}/review`, input),
    onSuccess: (application) => {
      queryClient.setQueryData(['applications', id], application);
      void queryClient.invalidateQueries({ queryKey: ['calls'] });
    },
  });
}

export function useDecideApplication(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DecisionRequest) => api.post<DecisionResult>(`/membership-applications/${id}/decision`, input),
    onSuccess: (result) => {
      queryClient.setQueryData(['applications', id], result.application);
      void queryClient.invalidateQueries({ queryKey: ['calls'] });
      void queryClient.invalidateQueries({ queryKey: ['organisations'] });
      void queryClient.invalidateQueries({ queryKey: ['network'] });
    },
  });
}
