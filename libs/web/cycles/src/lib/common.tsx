import type { CycleStage } from '@simashe/contracts';
import { ApiError } from '@simashe/web-api-client';
import { Button, type ConfirmRequest } from '@simashe/web-ui';
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

/**
 * The "Delete" link of one line of a cycle (a milestone, an observation, a data point, a driver): named after what it
 * deletes (`label`, also the confirmation's title), asks first, and calls `onConfirmed` only when confirmed.
 */
export function DeleteLink({ label, message, ask, onConfirmed, busy }: { label: string; message: string; ask: (request: ConfirmRequest) => Promise<boolean>; onConfirmed: () => void; busy?: boolean }) {
  const { t } = useTranslation();
  return (
    <Button variant="link" className="danger-link" aria-label={label} busy={busy} onClick={async () => (await ask({ title: label, message, confirmLabel: t('cycles.delete'), danger: true })) && onConfirmed()}>
      {t('cycles.delete')}
    </Button>
  );
}
