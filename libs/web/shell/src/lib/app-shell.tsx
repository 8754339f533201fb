import { SUPPORTED_LANGUAGES, type Language } from '@simashe/contracts';
import { useChangeLanguage, useSession, useSignOut } from '@simashe/web-accounts';
import { LANGUAGE_NAMES } from '@simashe/web-i18n';
import { Button } from '@simashe/web-ui';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useNavigate } from 'react-router-dom';

export const MODULES = ['reports', 'meetings', 'lessons', 'discussions', 'cycles', 'monitoring'] as const;
export type ModuleKey = (typeof MODULES)[number];

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const changeLanguage = useChangeLanguage();
  const id = useId();
  return (
    <span>
      <label htmlFor={id}>{t('shell.language')}</label>{' '}
      <select id={id} value={i18n.language} onChange={(event) => void changeLanguage(event.target.value as Language)}>
        {SUPPORTED_LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </span>
  );
}

/**
 * The frame of every signed-in page; `tools` are extra header controls supplied by feature libs (the inbox),
 * `navItems` extra `<li>` navigation entries shown only to some people (the audit log).
 */
export function AppShell({ tools, navItems }: { tools?: ReactNode; navItems?: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const user = session.data?.user;

  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="shell-header">
        <Link className="shell-brand" to="/">
          {t('app.name')}
        </Link>
        <div className="shell-tools">
          <LanguageSwitcher />
          {user && (
            <>
              {tools}
              <Link to="/profile" aria-label={`${t('shell.profile')}: ${user.name}`}>
                {user.name}
              </Link>
              <Button variant="link" onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/sign-in') })}>
                {t('shell.signOut')}
              </Button>
            </>
          )}
        </div>
      </header>
      <nav className="shell-nav" aria-label={t('shell.mainNavigation')}>
        <ul>
          <li>
            <NavLink to="/" end>
              {t('nav.home')}
            </NavLink>
          </li>
          {MODULES.map((module) => (
            <li key={module}>
              <NavLink to={`/${module}`}>{t(`nav.${module}`)}</NavLink>
            </li>
          ))}
          {navItems}
        </ul>
      </nav>
      <main id="main" className="shell-main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
