import { BrandMark } from '@simashe/web-ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router-dom';
import { LanguageSwitcher } from './app-shell';

/**
 * The frame of the public pages (the resource library, the network's members): no session, so no navigation that
 * needs one; the app's name, the public pages, the language and a way to sign in (back to `next` afterwards, the
 * page's signed-in twin when there is one).
 */
export function PublicFrame({ children, next }: { children: ReactNode; next: string }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="public-header">
        <Link className="public-brand" to="/public/resources">
          <BrandMark />
          <span>{t('app.name')}</span>
        </Link>
        <nav className="public-nav" aria-label={t('network.public.pages')}>
          <ul>
            <li>
              <NavLink to="/public/resources">{t('network.public.resources')}</NavLink>
            </li>
            <li>
              <NavLink to="/public/members">{t('network.public.members')}</NavLink>
            </li>
            <li>
              <NavLink to="/join">{t('calls.join.nav')}</NavLink>
            </li>
          </ul>
        </nav>
        <div className="public-tools">
          <LanguageSwitcher />
          <Link className="btn btn-secondary" to={`/sign-in?next=${encodeURIComponent(next)}`}>
            {t('resources.public.signIn')}
          </Link>
        </div>
      </header>
      <main id="main" className="public-main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
