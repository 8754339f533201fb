import type { AuditPage, AuditScopeResponse } from '@simashe/contracts';
import { api } from '@simashe/web-api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { auditQuery, type AuditFilterValues } from './audit-logic';

export const AUDIT_PAGE_SIZE = 50;

/** Whether the signed-in person may read the log, and which organisations they may filter by. */
export const useAuditScope = () => useQuery({ queryKey: ['audit', 'scope'], queryFn: () => api.get<AuditScopeResponse>('/audit/scope'), staleTime: 5 * 60_000 });

/** One page of entries; the previous page stays on screen while the next loads. */
export const useAuditPage = (filters: AuditFilterValues, timeZone: string, cursor: string | undefined) =>
  useQuery({
    queryKey: ['audit', 'page', filters, timeZone, cursor ?? null],
    queryFn: () => api.get<AuditPage>(`/audit${auditQuery(filters, timeZone, { cursor, limit: AUDIT_PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });
