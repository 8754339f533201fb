import { MENTION_PATTERN } from './discussions.schema';

/** The pattern admits any 36 characters of hex and dashes; only those shaped like a UUID name anyone. */
const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface Mentions {
  users: string[];
  organisations: string[];
}

/**
 * The people and organisations a text mentions, written as @[Name](user:<id>) / @[Name](org:<id>): discussion
 * posts and report comments alike.
 */
export function mentionsIn(body: string): Mentions {
  const users = new Set<string>();
  const organisations = new Set<string>();
  for (const match of body.matchAll(new RegExp(MENTION_PATTERN.source, 'g'))) {
    if (UUID_SHAPE.test(match[3])) (match[2] === 'user' ? users : organisations).add(match[3]);
  }
  return { users: [...users], organisations: [...organisations] };
}

/** The text as readers see it: mentions become "@Name". */
export function readableText(body: string): string {
  return body.replace(new RegExp(MENTION_PATTERN.source, 'g'), (_, name: string) => `@${name}`);
}
