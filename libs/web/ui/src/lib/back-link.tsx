import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/**
 * The link above a page's heading back to where it belongs (the list, or the item it is part of). `auto` for text
 * people wrote (a title), which reads in its own direction inside an Arabic page.
 */
export function BackLink({ to, auto = false, children }: { to: string; auto?: boolean; children: ReactNode }) {
  return (
    <p>
      <Link className="back-link" to={to} dir={auto ? 'auto' : undefined}>
        {children}
      </Link>
    </p>
  );
}
