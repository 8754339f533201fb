import type { CollabProviderState } from '@simashe/collab-client';
import { useTranslation } from 'react-i18next';

export function ConnectionStatus({ state }: { state: CollabProviderState | null }) {
  const { t } = useTranslation();
  if (!state || state.status === 'connecting') {
    return <p className="connection connection-connecting" role="status">{state?.unsaved ? t('editor.reconnecting', { count: state.unsaved }) : t('editor.connecting')}</p>;
  }
  if (state.status === 'offline') return <p className="connection connection-offline" role="status">{t('editor.offline', { count: state.unsaved })}</p>;
  return (
    <p className="connection connection-online" role="status" data-unsaved={state.unsaved}>
      {state.unsaved > 0 ? t('editor.saving', { count: state.unsaved }) : t('editor.online')}
    </p>
  );
}
