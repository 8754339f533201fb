import { MENTION_PATTERN } from '@simashe/contracts';

export interface Mentions {
  users: string[];
  organisations: string[];
}

/** The people and organisations a post mentions, written as @[Name](user:<id>) / @[Name](org:<id>). */
export function mentionsIn(body: string): Mentions {
  const users = new Set<string>();
  const organisations = new Set<string>();
  for (const match of body.matchAll(new RegExp(MENTION_PATTERN.source, 'g'))) {
    (match[2] === 'user' ? users : organisations).add(match[3]);
  }
  return { users: [...users], organisations: [...organisations] };
}

/** The post as readers see it: mentions become "@Name". */
export function readableText(body: string): string {
  return body.replace(new RegExp(MENTION_PATTERN.source, 'g'), (_, name: string) => `@${name}`);
}
