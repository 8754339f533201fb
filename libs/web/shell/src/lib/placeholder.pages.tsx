import { Button, Card } from '@simashe/web-ui';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ModuleKey } from './app-shell';

/** Says plainly that a module is not built yet: no fake content. */
export function ComingSoonPage({ module }: { module: ModuleKey }) {
  const { t } = useTranslation();
  const title = t('comingSoon.title', { module: t(`nav.${module}`) });
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <>
      <h1>{title}</h1>
      <Card>
        <p>{t('comingSoon.body')}</p>
      </Card>
    </>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('common.notFoundTitle')}</h1>
      <p>{t('common.notFoundBody')}</p>
      <Link to="/">{t('common.backHome')}</Link>
    </>
  );
}

/**
 * What a route shows when its page failed to load or to render (a page's script that could not be fetched on a bad
 * link, or is gone after a newer build was installed): said in the person's language, with a way to reload, in place
 * of the router's own English message. Used as the routes' `errorElement`.
 */
export function RouteErrorPage({ standalone = false }: { standalone?: boolean }) {
  const { t } = useTranslation();
  const card = (
    <div className="card" role="alert">
      <h1>{t('shell.pageFailedTitle')}</h1>
      <p>{t('shell.pageFailedBody')}</p>
      <Button onClick={() => window.location.reload()}>{t('shell.reload')}</Button>
    </div>
  );
  // Inside the app's frame (its <main> is around it), or on its own when the frame itself failed.
  return standalone ? (
    <main id="main" className="auth-page" tabIndex={-1}>
      {card}
    </main>
  ) : (
    card
  );
}
