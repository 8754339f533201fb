import type { Version } from '@simashe/contracts';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A version's name in the history: its own, or what kind it is. (Apart from compare-logic: the first chunk needs it.) */
export function versionLabel(version: Version, t: Translate): string {
  return version.name ?? (version.kind === 'auto' ? t('history.automatic') : t('history.restoreKind'));
}
