import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type {
  CreateReportRequest,
  ReportListFilters,
  ReviewerCandidateList,
  SubmissionNotice,
  Report,
  ReportList,
  ReportStatus,
  ReportTemplate,
  SaveAsTemplateRequest,
  UpdateReportRequest,
  CommentThread,
  CreateCommentRequest,
  Version,
  VersionContent,
} from '@simashe/contracts';
import { REPORT_COMMENTS_NAMESPACE } from '@simashe/contracts';
import { api, liveSocket } from '@simashe/web-api-client';
import { followReportComments, type CommentsSocket } from './live-comments';

export function useReports(filters: ReportListFilters) {
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
  useReportMutation(id, (change: ReportStatus | { status: ReportStatus; reviewerIds: string[] }) =>
    api.post<Report>(`/reports/${id}/status`, typeof change === 'string' ? { status: change } : change),
  );

/** People who may be asked to review the report (asked for when the dialog opens). */
export function useReviewerCandidates(reportId: string, enabled: boolean) {
  return useQuery({ queryKey: ['report', reportId, 'reviewer-candidates'], queryFn: () => api.get<ReviewerCandidateList>(`/reports/${reportId}/reviewer-candidates`), enabled });
}

/** Who will hear of the report's submission (for the confirmation). */
export function useSubmissionNotice(reportId: string, enabled: boolean) {
  return useQuery({ queryKey: ['report', reportId, 'submission-notice'], queryFn: () => api.get<SubmissionNotice>(`/reports/${reportId}/submission-notice`), enabled });
}
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

const commentsKey = (reportId: string) => ['report-comments', reportId];

/** A report's comment threads; `useLiveComments` keeps them current (no polling). */
export function useComments(reportId: string) {
  return useQuery({
    queryKey: commentsKey(reportId),
    queryFn: () => api.get<{ items: CommentThread[] }>(`/reports/${reportId}/comments`),
  });
}

/**
 * Hears of every comment written, edited, deleted, resolved or reopened on the report (socket.io namespace
 * /report-comments) and reloads the threads; after a lost connection, reloads once on reconnecting.
 */
export function useLiveComments(reportId: string) {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      followReportComments(liveSocket(REPORT_COMMENTS_NAMESPACE) as unknown as CommentsSocket, reportId, () => {
        void queryClient.invalidateQueries({ queryKey: commentsKey(reportId) });
      }),
    [reportId, queryClient],
  );
}

function useCommentMutation<TInput>(reportId: string, call: (input: TInput) => Promise<{ items: CommentThread[] }>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: call, onSuccess: (threads) => queryClient.setQueryData(commentsKey(reportId), threads) });
}

export const useAddComment = (id: string) =>
  useCommentMutation(id, (input: CreateCommentRequest) => api.post<{ items: CommentThread[] }>(`/reports/${id}/comments`, input));
export const useReply = (id: string) =>
  useCommentMutation(id, ({ threadId, body }: { threadId: string; body: string }) =>
    api.post<{ items: CommentThread[] }>(`/reports/${id}/comments/${threadId}/replies`, { body }),
  );
export const useResolveComment = (id: string) =>
  useCommentMutation(id, ({ threadId, resolved }: { threadId: string; resolved: boolean }) =>
    api.post<{ items: CommentThread[] }>(`/reports/${id}/comments/${threadId}/resolve`, { resolved }),
  );
export const useEditComment = (id: string) =>
  useCommentMutation(id, ({ commentId, body }: { commentId: string; body: string }) =>
    api.patch<{ items: CommentThread[] }>(`/reports/${id}/comments/${commentId}`, { body }),
  );
export const useDeleteComment = (id: string) =>
  useCommentMutation(id, (commentId: string) => api.delete<{ items: CommentThread[] }>(`/reports/${id}/comments/${commentId}`));
