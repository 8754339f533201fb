import { Card } from '@simashe/web-ui';
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
