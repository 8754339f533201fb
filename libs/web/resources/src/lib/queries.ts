import type { CollectionList, ListResourcesQuery, Resource, ResourceInput, ResourceList, UpdateResourceRequest } from '@simashe/contracts';
import { api, queryString, uploadWithProgress } from '@simashe/web-api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

/** Signed in, the library is everything the person may read; signed out, only public resources under /api/public. */
export type Audience = 'member' | 'public';

const base = (audience: Audience) => (audience === 'public' ? '/public/resources' : '/resources');
const collectionsPath = (audience: Audience) => (audience === 'public' ? '/public/resource-collections' : '/resource-collections');

/** Where a resource's file is downloaded from: a plain link, so the browser streams it and the session cookie goes along. */
export const fileHref = (audience: Audience, id: string) => `/api${base(audience)}/${id}/file`;
/** A resource's own page. */
export const resourceHref = (audience: Audience, id: string) => `${audience === 'public' ? '/public/resources' : '/resources'}/${id}`;

export function useResources(audience: Audience, filters: ListResourcesQuery) {
  return useQuery({ queryKey: ['resources', audience, 'list', filters], queryFn: () => api.get<ResourceList>(`${base(audience)}${queryString(filters)}`) });
}

export function useResource(audience: Audience, id: string) {
  return useQuery({ queryKey: ['resources', audience, 'one', id], queryFn: () => api.get<Resource>(`${base(audience)}/${id}`) });
}

export function useCollections(audience: Audience) {
  return useQuery({ queryKey: ['resources', audience, 'collections'], queryFn: () => api.get<CollectionList>(collectionsPath(audience)) });
}

function useResourceMutation<TInput, TResult>(call: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['resources'] }) });
}

export const useCreateResource = () => useResourceMutation((input: ResourceInput) => api.post<Resource>('/resources', input));
export const useUpdateResource = () => useResourceMutation(({ id, input }: { id: string; input: UpdateResourceRequest }) => api.patch<Resource>(`/resources/${id}`, input));
/** Refreshes every list but not the deleted resource itself: its page is still open and asking again would 404. */
export function useDeleteResource(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(`/resources/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['resources'], predicate: (query) => !(query.queryKey[2] === 'one' && query.queryKey[3] === id) }),
  });
}

/** A new resource and its file in one request: both stored, or neither (a refused file leaves nothing behind). */
export const useCreateResourceWithFile = () =>
  useResourceMutation(({ input, file, onProgress, onSent }: { input: ResourceInput; file: File; onProgress: (share: number) => void; onSent: () => void }) => {
    const form = new FormData();
    form.append('resource', JSON.stringify(input));
    form.append('file', file);
    return uploadWithProgress<Resource>('/resources/with-file', form, { onProgress, onSent });
  });

/** Sets or replaces the resource's one file, reporting the share sent (0 to 1) and when the server has it all. */
export const useUploadResourceFile = () =>
  useResourceMutation(({ id, file, onProgress, onSent }: { id: string; file: File; onProgress: (share: number) => void; onSent: () => void }) => {
    const form = new FormData();
    form.append('file', file);
    return uploadWithProgress<Resource>(`/resources/${id}/file`, form, { onProgress, onSent });
  });
