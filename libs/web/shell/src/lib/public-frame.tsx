import { BrandMark } from '@simashe/web-ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, ScrollRestoration } from 'react-router-dom';
import { useFocusAfterNavigation } from './navigation-focus';
import { LanguageSwitcher } from './app-shell';

/**
 * The header of every page seen without a session: the app's name, the public pages, the language, and a way to sign
 * in (back to `next` afterwards) unless the page is itself one of the sign-in pages.
 */
export function PublicHeader({ next }: { next?: string }) {
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
          {next !== undefined && (
            <Link className="btn btn-secondary" to={`/sign-in?next=${encodeURIComponent(next)}`}>
              {t('resources.public.signIn')}
            </Link>
          )}
        </div>
      </header>
    </>
  );
}

/**
 * The frame of the public pages (the resource library, the network's members): no session, so no navigation that
 * needs one; the public header, with a way to sign in (back to `next` afterwards, the page's signed-in twin when
 * there is one).
 */
export function PublicFrame({ children, next }: { children: ReactNode; next: string }) {
  return (
    <AuthFrame next={next}>
      <main id="main" className="public-main" tabIndex={-1}>
        {children}
      </main>
    </AuthFrame>
  );
}

/**
 * The public header over a page that brings its own `<main>`: the sign-in, forgot-password, reset-password and
 * invitation pages (so someone who reads French or Arabic can switch before signing in), and `PublicFrame`'s pages.
 * Focus and scroll follow page changes as in the app's frame.
 */
export function AuthFrame({ children, next }: { children: ReactNode; next?: string }) {
  useFocusAfterNavigation();
  return (
    <>
      <PublicHeader next={next} />
      {children}
      <ScrollRestoration />
    </>
  );
}
