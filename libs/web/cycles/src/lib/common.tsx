import type { CycleStage } from '@simashe/contracts';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { STAGE_COLOURS } from './cycle-logic';

export function useTitle(title: string | undefined) {
  const { t } = useTranslation();
  useEffect(() => {
    if (title) document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
}

export function StageBadge({ stage }: { stage: CycleStage | 'none' }) {
  const { t } = useTranslation();
  return (
    <span className="badge stage-badge" style={{ backgroundColor: STAGE_COLOURS[stage], color: '#fff' }}>
      {t(`cycles.stages.${stage}`)}
    </span>
  );
}

/** Server messages for a field (details by path), for forms that show them beside the input. */
export function fieldError(error: unknown, path: string): string | undefined {
  const details = (error as { details?: Array<{ path: string; message: string }> } | null)?.details;
  return details?.find((detail) => detail.path === path)?.message;
}
