import type { CycleStage } from '@simashe/contracts';
import { ApiError } from '@simashe/web-api-client';
import { useTranslation } from 'react-i18next';
import { STAGE_COLOURS } from './cycle-logic';

export function StageBadge({ stage }: { stage: CycleStage | 'none' }) {
  const { t } = useTranslation();
  return (
    <span className="badge stage-badge" style={{ backgroundColor: STAGE_COLOURS[stage], color: '#fff' }}>
      {t(`cycles.stages.${stage}`)}
    </span>
  );
}

/** The server's message for one field, shown beside its input (any other error has none). */
export function fieldError(error: unknown, path: string): string | undefined {
  return error instanceof ApiError ? error.fieldError(path) : undefined;
}
