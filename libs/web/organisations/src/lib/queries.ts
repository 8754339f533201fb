import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateInvitationRequest,
  DirectoryEntry,
  InvitationCreated,
  MemberRole,
  Organisation,
  OrganisationDetail,
  OrganisationList,
  PartnerDirectoryEntry,
  UpdateOrganisationRequest,
} from '@simashe/contracts';
import { api } from '@simashe/web-api-client';

/** Whether one may write in an organisation (create its lessons, reports, meetings...): a member editor or administrator. */
export function canWriteIn(organisation: Pick<Organisation, 'relation' | 'myRole'>): boolean {
  return organisation.relation === 'member' && (organisation.myRole === 'admin' || organisation.myRole === 'editor');
}

export function useOrganisations() {
  return useQuery({ queryKey: ['organisations'], queryFn: () => api.get<OrganisationList>('/organisations') });
}

/** Every organisation in the network (names, zones, working hours), e.g. to invite them to a meeting. */
export function useDirectory() {
  return useQuery({ queryKey: ['directory'], queryFn: () => api.get<{ items: DirectoryEntry[] }>('/directory'), staleTime: 5 * 60_000 });
}

export function useOrganisation(id: string) {
  return useQuery({ queryKey: ['organisation', id], queryFn: () => api.get<OrganisationDetail>(`/organisations/${id}`), retry: false });
}

export function usePartnerDirectory(enabled: boolean) {
  return useQuery({
    queryKey: ['partners'],
    queryFn: () => api.get<{ items: PartnerDirectoryEntry[] }>('/partners'),
    enabled,
  });
}

/** Every change to an organisation refreshes its page and the lists it appears in. */
function useOrganisationMutation<TInput, TResult = void>(organisationId: string, call: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['organisation', organisationId] });
      void queryClient.invalidateQueries({ queryKey: ['organisations'] });
    },
  });
}

export function useChangeRole(organisationId: string) {
  return useOrganisationMutation(organisationId, ({ userId, role }: { userId: string; role: MemberRole }) =>
    api.patch<void>(`/organisations/${organisationId}/members/${userId}`, { role }),
  );
}

export function useSetRepresentative(organisationId: string) {
  return useOrganisationMutation(organisationId, ({ userId, representative }: { userId: string; representative: boolean }) =>
    api.patch(`/organisations/${organisationId}/members/${userId}/representative`, { representative }),
  );
}

export function useRemoveMember(organisationId: string) {
  return useOrganisationMutation(organisationId, (userId: string) => api.delete(`/organisations/${organisationId}/members/${userId}`));
}

export function useInvite(organisationId: string) {
  return useOrganisationMutation(organisationId, (input: CreateInvitationRequest) =>
    api.post<InvitationCreated>(`/organisations/${organisationId}/invitations`, input),
  );
}

export function useRevokeInvitation(organisationId: string) {
  return useOrganisationMutation(organisationId, (invitationId: string) =>
    api.delete(`/organisations/${organisationId}/invitations/${invitationId}`),
  );
}

export function useGrantPartner(organisationId: string) {
  return useOrganisationMutation(organisationId, (partnerOrganisationId: string) =>
    api.post<void>(`/organisations/${organisationId}/partners`, { partnerOrganisationId }),
  );
}

export function useRevokePartner(organisationId: string) {
  return useOrganisationMutation(organisationId, (partnerId: string) => api.delete(`/organisations/${organisationId}/partners/${partnerId}`));
}

export function useUpdateOrganisation(organisationId: string) {
  return useOrganisationMutation(organisationId, (input: UpdateOrganisationRequest) => api.patch<OrganisationDetail>(`/organisations/${organisationId}`, input));
}
