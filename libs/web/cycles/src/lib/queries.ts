import type {
  ActionItem,
  StoredFile,
  ActivityItem,
  Cycle,
  CycleStage,
  Dashboard,
  DashboardFilters,
  DataPointInput,
  DriverNode,
  DriverNodeInput,
  Initiative,
  InitiativeDetail,
  InitiativeFilters,
  InitiativeInput,
  Lesson,
  Measure,
  MeasureChart,
  MeasureInput,
  Milestone,
  MilestoneInput,
  Observation,
  ObservationInput,
  Reflection,
  StartCycleRequest,
  UpdateDriverNodeRequest,
  UpdateInitiativeRequest,
  UpdateMilestoneRequest,
} from '@simashe/contracts';
import { api, queryString } from '@simashe/web-api-client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';


export const useInitiatives = (filters: InitiativeFilters) =>
  useQuery({ queryKey: ['cycles', 'initiatives', filters], queryFn: () => api.get<{ items: Initiative[] }>(`/initiatives${queryString(filters)}`) });
export const useInitiative = (id: string) => useQuery({ queryKey: ['cycles', 'initiative', id], queryFn: () => api.get<InitiativeDetail>(`/initiatives/${id}`) });
export const useDashboard = (filters: DashboardFilters) =>
  useQuery({ queryKey: ['cycles', 'dashboard', filters], queryFn: () => api.get<Dashboard>(`/cycles-dashboard${queryString(filters)}`) });
export const useActivity = (filters: { organisationId?: string; region?: string }) =>
  useQuery({ queryKey: ['cycles', 'activity', filters], queryFn: () => api.get<{ items: ActivityItem[] }>(`/cycles-dashboard/activity${queryString({ ...filters, limit: '20' })}`) });
export const useMeasureChart = (id: string) => useQuery({ queryKey: ['cycles', 'chart', id], queryFn: () => api.get<MeasureChart>(`/measures/${id}/chart`) });

/** Every change refreshes the cycles screens (initiative, dashboard, charts): they are small and read together. */
function useCyclesMutation<TInput, TResult>(call: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['cycles'] }) });
}

export const useCreateInitiative = () => useCyclesMutation((input: InitiativeInput) => api.post<Initiative>('/initiatives', input));
export const useUpdateInitiative = (id: string) => useCyclesMutation((input: UpdateInitiativeRequest) => api.put<Initiative>(`/initiatives/${id}`, input));
export const useDeleteInitiative = (id: string) => useCyclesMutation(() => api.delete(`/initiatives/${id}`));

export const useAddDriver = (initiativeId: string) =>
  useCyclesMutation((input: DriverNodeInput) => api.post<{ items: DriverNode[] }>(`/initiatives/${initiativeId}/drivers`, input));
export const useUpdateDriver = () =>
  useCyclesMutation(({ id, ...input }: UpdateDriverNodeRequest & { id: string }) => api.put<{ items: DriverNode[] }>(`/drivers/${id}`, input));
export const useRemoveDriver = () => useCyclesMutation((id: string) => api.delete<{ items: DriverNode[] }>(`/drivers/${id}`));

export const useStartCycle = (initiativeId: string) => useCyclesMutation((input: StartCycleRequest) => api.post<Cycle>(`/initiatives/${initiativeId}/cycles`, input));
export const useUpdateCycle = (cycleId: string) => useCyclesMutation((input: StartCycleRequest) => api.put<Cycle>(`/cycles/${cycleId}`, input));
export const useMoveStage = (cycleId: string) => useCyclesMutation((to: CycleStage) => api.post<Cycle>(`/cycles/${cycleId}/stage`, { to }));
export const useReflect = (cycleId: string) => useCyclesMutation((input: Reflection) => api.put<Cycle>(`/cycles/${cycleId}/reflection`, input));
export const usePublishLesson = (cycleId: string) => useCyclesMutation((language: Lesson['language']) => api.post<Lesson>(`/cycles/${cycleId}/lesson`, { language }));

export const useAddMilestone = (cycleId: string) => useCyclesMutation((input: MilestoneInput) => api.post<Milestone>(`/cycles/${cycleId}/milestones`, input));
export const useUpdateMilestone = () =>
  useCyclesMutation(({ id, ...input }: UpdateMilestoneRequest & { id: string }) => api.put<Milestone>(`/milestones/${id}`, input));
export const useRemoveMilestone = () => useCyclesMutation((id: string) => api.delete(`/milestones/${id}`));
export const useAddObservation = (cycleId: string) => useCyclesMutation((input: ObservationInput) => api.post<Observation>(`/cycles/${cycleId}/observations`, input));
export const useRemoveObservation = () => useCyclesMutation((id: string) => api.delete(`/observations/${id}`));
/** Uploads a file for an observation to cite; it belongs to the observation once that is saved. */
export const useUploadEvidenceFile = (initiativeId: string) =>
  useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<StoredFile>(`/initiatives/${initiativeId}/files`, form);
    },
  });
/** The action items of a meeting's minutes that can be cited (those with an id). */
export function useCitableActionItems(meetingId: string | null) {
  return useQuery({
    queryKey: ['meetings', meetingId, 'action-items'],
    queryFn: () => api.get<{ items: ActionItem[] }>(`/meetings/${meetingId}/action-items`),
    enabled: meetingId !== null,
    select: (data) => data.items.filter((item): item is ActionItem & { itemId: string } => item.itemId !== null),
  });
}

export const useAddMeasure = (initiativeId: string) => useCyclesMutation((input: MeasureInput) => api.post<Measure>(`/initiatives/${initiativeId}/measures`, input));
export const useUpdateMeasure = (id: string) => useCyclesMutation((input: MeasureInput) => api.put<Measure>(`/measures/${id}`, input));
export const useRemoveMeasure = (id: string) => useCyclesMutation(() => api.delete(`/measures/${id}`));
export const useAddPoints = (id: string) => useCyclesMutation((points: DataPointInput[]) => api.post<MeasureChart>(`/measures/${id}/points`, { points }));
export const useImportCsv = (id: string) => useCyclesMutation((csv: string) => api.post<{ imported: number; chart: MeasureChart }>(`/measures/${id}/import`, { csv }));
export const useRemovePoint = (id: string) => useCyclesMutation((date: string) => api.delete<MeasureChart>(`/measures/${id}/points/${date}`));

/** What an observation can cite: readable reports, lessons and meetings (the server checks again). */
export function useEvidenceOptions(enabled: boolean) {
  const reports = useQuery({ queryKey: ['reports', 'evidence'], queryFn: () => api.get<{ items: Array<{ id: string; title: string }> }>('/reports'), enabled });
  const lessons = useQuery({ queryKey: ['lessons', 'evidence'], queryFn: () => api.get<{ items: Array<{ id: string; title: string }> }>('/lessons'), enabled });
  const from = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const meetings = useQuery({
    queryKey: ['meetings', 'evidence', from],
    queryFn: () => api.get<{ items: Array<{ meetingId: string; title: string }> }>(`/meetings?from=${from}T00:00:00.000Z&to=${to}T00:00:00.000Z`),
    enabled,
  });
  return {
    reports: reports.data?.items ?? [],
    lessons: lessons.data?.items ?? [],
    meetings: [...new Map((meetings.data?.items ?? []).map((m) => [m.meetingId, m.title])).entries()].map(([id, title]) => ({ id, title })),
  };
}
