import type { ListPublicationsQuery, Publication, PublicationInput, PublicationList, PublicationStatusChange } from '@simashe/contracts';
import { api, ApiError, queryString } from '@simashe/web-api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

/** A 404 or 400 is an answer (a bad link, not allowed to read it): no point asking again. */
const noRetryOnMissing = (count: number, error: Error) => !(error instanceof ApiError && (error.status === 404 || error.status === 400)) && count < 2;

export function usePublications(filters: ListPublicationsQuery) {
  return useQuery({ queryKey: ['publications', 'list', filters], queryFn: () => api.get<PublicationList>(`/publications${queryString(filters)}`) });
}

export function usePublication(id: string) {
  return useQuery({ queryKey: ['publications', 'one', id], queryFn: () => api.get<Publication>(`/publications/${id}`), retry: noRetryOnMissing });
}

/** The answer is the publication as it now is: shown at once; the lists are asked for again. */
function usePublicationMutation<TInput>(call: (input: TInput) => Promise<Publication>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (publication) => {
      queryClient.setQueryData(['publications', 'one', publication.id], publication);
      void queryClient.invalidateQueries({ queryKey: ['publications', 'list'] });
    },
  });
}

export const useCreatePublication = () => usePublicationMutation((input: PublicationInput) => api.post<Publication>('/publications', input));
export const useUpdatePublication = (id: string) => usePublicationMutation((input: PublicationInput) => api.put<Publication>(`/publications/${id}`, input));
export const useChangePublicationStatus = (id: string) => usePublicationMutation((change: PublicationStatusChange) => api.post<Publication>(`/publications/${id}/status`, change));

/** Refreshes the lists but not the deleted publication itself: its page is still open and asking again would 404. */
export function useDeletePublication(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(`/publications/${id}`),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: ['publications', 'one', id] });
      void queryClient.invalidateQueries({ queryKey: ['publications', 'list'] });
    },
  });
}
