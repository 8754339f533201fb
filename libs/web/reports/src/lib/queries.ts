import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateReportRequest,
  ListReportsQuery,
  Report,
  ReportList,
  ReportStatus,
  ReportTemplate,
  SaveAsTemplateRequest,
  UpdateReportRequest,
  Version,
  VersionContent,
} from '@simashe/contracts';
import { api } from '@simashe/web-api-client';

export function useReports(filters: ListReportsQuery) {
  const params = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== undefined && v !== '') as Array<[string, string]>);
  return useQuery({ queryKey: ['reports', filters], queryFn: () => api.get<ReportList>(`/reports?${params}`) });
}

export function useReport(id: string) {
  return useQuery({ queryKey: ['report', id], queryFn: () => api.get<Report>(`/reports/${id}`), retry: false });
}

export function useTemplates(organisationId: string | undefined) {
  const query = organisationId ? `?organisationId=${organisationId}` : '';
  return useQuery({ queryKey: ['report-templates', organisationId ?? null], queryFn: () => api.get<{ items: ReportTemplate[] }>(`/report-templates${query}`) });
}

export function useCreateReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateReportRequest) => api.post<Report>('/reports', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['reports'] }),
  });
}

/** Every change to a report refreshes it and the lists it appears in. */
function useReportMutation<TInput, TResult = Report>(reportId: string, call: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (result) => {
      if (result && typeof result === 'object' && 'status' in result) queryClient.setQueryData(['report', reportId], result);
      void queryClient.invalidateQueries({ queryKey: ['reports'] });
    },
  });
}

export const useUpdateReport = (id: string) => useReportMutation(id, (input: UpdateReportRequest) => api.patch<Report>(`/reports/${id}`, input));
export const useChangeStatus = (id: string) =>
  useReportMutation(id, (status: ReportStatus) => api.post<Report>(`/reports/${id}/status`, { status }));
export const useArchiveReport = (id: string) =>
  useReportMutation(id, (archived: boolean) => api.post<Report>(`/reports/${id}/archive`, { archived }));
export const useSaveAsTemplate = (id: string) =>
  useReportMutation(id, (input: SaveAsTemplateRequest) => api.post<ReportTemplate>(`/reports/${id}/save-as-template`, input));

export function useVersions(reportId: string) {
  return useQuery({ queryKey: ['report-versions', reportId], queryFn: () => api.get<{ items: Version[] }>(`/reports/${reportId}/versions`) });
}

export function useVersionContent(reportId: string, versionId: string | null) {
  return useQuery({
    queryKey: ['report-version', reportId, versionId],
    queryFn: () => api.get<VersionContent>(`/reports/${reportId}/versions/${versionId}`),
    enabled: versionId !== null,
    staleTime: Infinity,
  });
}

function useVersionMutation<TInput>(reportId: string, call: (input: TInput) => Promise<Version>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['report-versions', reportId] }) });
}

export const useSaveVersion = (id: string) => useVersionMutation(id, (name: string) => api.post<Version>(`/reports/${id}/versions`, { name }));
export const useRestoreVersion = (id: string) =>
  useVersionMutation(id, (versionId: string) => api.post<Version>(`/reports/${id}/versions/${versionId}/restore`));
