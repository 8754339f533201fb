import type { AddSteeringCommitteeMemberRequest, PublicMembers, SteeringCommittee } from '@simashe/contracts';
import { api } from '@simashe/web-api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

const COMMITTEE_KEY = ['network', 'steering-committee'] as const;

/** The network as anyone sees it (`/api/public/members`): the signed-in directory lists the same institutions. */
export function usePublicMembers() {
  return useQuery({ queryKey: ['network', 'public-members'], queryFn: () => api.get<PublicMembers>('/public/members') });
}

/** The steering committee with emails, and whether the caller may change it. */
export function useSteeringCommittee() {
  return useQuery({ queryKey: COMMITTEE_KEY, queryFn: () => api.get<SteeringCommittee>('/network/steering-committee') });
}

/** The answer is the new list, shown at once; the public view of the committee is asked for again. */
export function useAppointSteeringMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AddSteeringCommitteeMemberRequest) => api.post<SteeringCommittee>('/network/steering-committee', input),
    onSuccess: (committee) => {
      queryClient.setQueryData(COMMITTEE_KEY, committee);
      void queryClient.invalidateQueries({ queryKey: ['network'] });
    },
  });
}

export function useRemoveSteeringMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.delete(`/network/steering-committee/${userId}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['network'] }),
  });
}
