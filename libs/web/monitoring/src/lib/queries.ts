import type {
  Comparison,
  CreateDatasetRequest,
  Dataset,
  DatasetCatalogue,
  DatasetImportResult,
  DatasetList,
  DatasetRows,
  MeasureId,
  SummaryMeasures,
} from '@simashe/contracts';
import { api, queryString, uploadWithProgress } from '@simashe/web-api-client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

export const useDatasets = () => useQuery({ queryKey: ['monitoring', 'datasets'], queryFn: () => api.get<DatasetList>('/datasets') });
export const useDataset = (id: string) => useQuery({ queryKey: ['monitoring', 'dataset', id], queryFn: () => api.get<Dataset>(`/datasets/${id}`) });
export const useCatalogue = (id: string, version: number | null) =>
  useQuery({
    queryKey: ['monitoring', 'dataset', id, 'catalogue', version],
    queryFn: () => api.get<DatasetCatalogue>(`/datasets/${id}/catalogue${queryString({ version: version ? String(version) : '' })}`),
    enabled: version !== null,
  });

/** The filters of the Explore view, as the API's query strings take them. */
export interface ExploreFilters {
  version: number;
  indicator: string;
  dimension: string;
  setting: string;
  date?: number;
}

const asQuery = (filters: Record<string, string | number | undefined>) =>
  queryString(Object.fromEntries(Object.entries(filters).map(([key, value]) => [key, value === undefined ? '' : String(value)])));

export const useRows = (id: string, filters: ExploreFilters | null) =>
  useQuery({
    queryKey: ['monitoring', 'dataset', id, 'data', filters],
    queryFn: () => api.get<DatasetRows>(`/datasets/${id}/data${asQuery({ ...filters })}`),
    enabled: filters !== null,
    placeholderData: keepPreviousData,
  });

export const useMeasures = (id: string, filters: Omit<ExploreFilters, 'date'> | null, measures?: readonly MeasureId[]) =>
  useQuery({
    queryKey: ['monitoring', 'dataset', id, 'measures', filters, measures],
    queryFn: () => api.get<SummaryMeasures>(`/datasets/${id}/measures${asQuery({ ...filters, measures: measures?.join(',') })}`),
    enabled: filters !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });

export interface CompareFilters {
  version: number;
  indicator: string;
  dimension: string;
  date?: number;
  measure: MeasureId;
}
export const useComparison = (id: string, filters: CompareFilters | null) =>
  useQuery({
    queryKey: ['monitoring', 'dataset', id, 'compare', filters],
    queryFn: () => api.get<Comparison>(`/datasets/${id}/compare${asQuery({ ...filters })}`),
    enabled: filters !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });

/** The address of a download of the data or the measures (the browser follows it; the session cookie goes along). */
export function exportUrl(id: string, options: { format: 'csv' | 'xlsx'; table: 'data' | 'measures'; version: number; indicator?: string; dimension?: string; setting?: string }): string {
  return `/api/datasets/${id}/export${asQuery(options)}`;
}

/** Every change refreshes the monitoring screens: the list shows rows, versions and publication too. */
function useMonitoringMutation<TInput, TResult>(call: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['monitoring'] }) });
}

export const useCreateDataset = () => useMonitoringMutation((input: CreateDatasetRequest) => api.post<Dataset>('/datasets', input));
export const usePublishDataset = (id: string) => useMonitoringMutation((published: boolean) => api.post<Dataset>(`/datasets/${id}/publish`, { published }));
/** Refreshes the list only: refetching the deleted dataset (still on screen until the page leaves) would answer 404. */
export function useDeleteDataset(id: string) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: () => api.delete(`/datasets/${id}`), onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['monitoring', 'datasets'] }) });
}

/** Where an upload stands, for the progress line: sending (with the share sent), then the server checking. */
export type UploadPhase = { kind: 'idle' } | { kind: 'sending'; share: number } | { kind: 'checking' };

export function useImportFile(id: string, onPhase: (phase: UploadPhase) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const form = new FormData();
      form.append('file', file);
      onPhase({ kind: 'sending', share: 0 });
      return uploadWithProgress<DatasetImportResult>(`/datasets/${id}/versions${dryRun ? '?dryRun=true' : ''}`, form, {
        onProgress: (share) => onPhase({ kind: 'sending', share }),
        onSent: () => onPhase({ kind: 'checking' }),
      });
    },
    onSettled: (result) => {
      onPhase({ kind: 'idle' });
      if (result?.saved) void queryClient.invalidateQueries({ queryKey: ['monitoring'] });
    },
  });
}
