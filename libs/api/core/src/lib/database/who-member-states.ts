/**
 * WHO regions and Member States, as the reference-data migration seeds them. The list itself lives in contracts,
 * where the public open-call form (no session) also reads it.
 */
export { WHO_MEMBER_STATES, WHO_REGIONS } from '@simashe/contracts';
