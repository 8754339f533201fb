import type { Version } from '@simashe/contracts';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * A version's name in the history: its own; a restore's, what it restored; else what kind it is. (Apart from
 * compare-logic: the first chunk needs it.)
 */
export function versionLabel(version: Version, t: Translate): string {
  if (version.kind === 'restore') return version.name ? t('history.restoredFrom', { name: version.name }) : t('history.restoreKind');
  return version.name ?? (version.kind === 'auto' ? t('history.automatic') : t('history.restoreKind'));
}
