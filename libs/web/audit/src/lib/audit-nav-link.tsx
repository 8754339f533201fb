import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { useAuditScope } from './queries';

/** A main-navigation item shown only to those who may read the log (the API decides: see AccessPolicy). */
export function AuditNavLink() {
  const { t } = useTranslation();
  const scope = useAuditScope();
  if (!scope.data?.canRead) return null;
  return (
    <li>
      <NavLink to="/audit">{t('audit.nav')}</NavLink>
    </li>
  );
}
