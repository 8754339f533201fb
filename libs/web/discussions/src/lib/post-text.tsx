import { MENTION_PATTERN } from '@simashe/contracts';
import type { ReactNode } from 'react';

/**
 * A post's text as React nodes: mentions become highlighted names, isolated (<bdi>) so a name in another script keeps
 * its direction; everything else stays plain text (never HTML).
 */
export function PostText({ body }: { body: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of body.matchAll(new RegExp(MENTION_PATTERN.source, 'g'))) {
    if (match.index > last) parts.push(body.slice(last, match.index));
    parts.push(
      <bdi key={match.index} dir="auto" className={`mention mention-${match[2]}`}>
        @{match[1]}
      </bdi>,
    );
    last = match.index + match[0].length;
  }
  parts.push(body.slice(last));
  // Each post reads in the direction of its own words (the mentions, isolated, do not count), whatever the page’s.
  return (
    <p className="post-text" dir="auto">
      {parts}
    </p>
  );
}
