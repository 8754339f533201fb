import { SUPPORTED_LANGUAGES, type Language } from '@simashe/contracts';
import { useChangeLanguage, useSession, useSignOut } from '@simashe/web-accounts';
import { LANGUAGE_NAMES } from '@simashe/web-i18n';
import { BrandMark, Button } from '@simashe/web-ui';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation, useNavigate } from 'react-router-dom';
import { useFocusAfterNavigation } from './navigation-focus';
import './shell.css';

export const MODULES = ['reports', 'meetings', 'lessons', 'discussions', 'cycles', 'monitoring', 'resources', 'training', 'publications', 'network'] as const;
export type ModuleKey = (typeof MODULES)[number];
/** Modules not built yet: their route says so plainly, but the main menu does not offer them. */
export const COMING_SOON_MODULES: readonly ModuleKey[] = [];
export const MENU_MODULES = MODULES.filter((module) => !COMING_SOON_MODULES.includes(module));

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
 * The frame of every signed-in page; `tools` are extra header controls supplied by feature libs (the search box),
 * `pinnedTools` those that stay in the header on a phone too (the inbox bell), `navItems` extra `<li>` navigation
 * entries shown only to some people (the audit log).
 *
 * On a narrow screen the tools and the navigation fold behind a menu button, so the page's content comes first;
 * the menu closes again when the person moves to another page.
 */
export function AppShell({ tools, pinnedTools, navItems }: { tools?: ReactNode; pinnedTools?: ReactNode; navItems?: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const user = session.data?.user;
  // Open on the page it was opened on: moving to another page closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const menuOpen = openOn === location.pathname;
  const toolsId = useId();
  const navId = useId();
  const menuButton = useRef<HTMLButtonElement>(null);
  useFocusAfterNavigation();
  // Escape closes the open menu and gives the focus back to its button.
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpenOn(null);
      menuButton.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="shell-header">
        <Link className="shell-brand" to="/">
          <BrandMark />
          <span>{t('app.name')}</span>
        </Link>
        {user && <div className="shell-pinned">{pinnedTools}</div>}
        <button
          ref={menuButton}
          type="button"
          className="shell-menu-button"
          aria-expanded={menuOpen}
          aria-controls={`${toolsId} ${navId}`}
          onClick={() => setOpenOn(menuOpen ? null : location.pathname)}
        >
          <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
            {menuOpen ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
          </svg>
          <span>{t('menu.open')}</span>
        </button>
        <div id={toolsId} className="shell-tools" data-open={menuOpen}>
          <LanguageSwitcher />
          {user && (
            <>
              {tools}
              <Link to="/profile" aria-label={`${t('shell.profile')}: ${user.name}`}>
                <bdi>{user.name}</bdi>
              </Link>
              <Button variant="link" onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/sign-in') })}>
                {t('shell.signOut')}
              </Button>
            </>
          )}
        </div>
      </header>
      <nav id={navId} className="shell-nav" data-open={menuOpen} aria-label={t('shell.mainNavigation')}>
        <ul>
          <li>
            <NavLink to="/" end>
              {t('nav.home')}
            </NavLink>
          </li>
          {MENU_MODULES.map((module) => (
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
      {/* A new page opens at its top (history.pushState keeps the old page's scroll); Back returns to where one was. */}
      <ScrollRestoration />
    </>
  );
}
