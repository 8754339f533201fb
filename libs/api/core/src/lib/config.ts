import { resolve } from 'node:path';

export interface AppConfig {
  port: number;
  host: string;
  /** Absent: start an embedded PostgreSQL under dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPostgresPort: number;
  seedDemo: boolean;
  publicUrl: string;
  cookieSecure: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  webDistDir: string | undefined;
  /** Absolute: a session ends this long after sign-in, however active it is. */
  sessionLifetimeHours: number;
  /** Sliding: a session not used for this long ends. */
  sessionIdleTimeoutMinutes: number;
  invitationTtlHours: number;
  /** How long a "forgot password" link works. */
  passwordResetTtlMinutes: number;
  bodyLimit: string;
  trustProxy: string;
  /** An automatic version is kept when a document changed and the last version is older than this. */
  autoVersionMinutes: number;
  /** How often due meeting reminders are sent; 0 turns the job off (tests trigger it directly). */
  reminderIntervalSeconds: number;
  /** Benchmarks and tests: every response carries X-Query-Count, the SQL statements run to serve it. */
  sqlQueryCount: boolean;
  /** Set: several API instances share socket.io rooms, events and open documents through this Redis. */
  redisUrl: string | undefined;
  /** With Redis: how often an instance re-reads its open documents from PostgreSQL (a lost message is caught up). */
  collabResyncSeconds: number;
  /**
   * How long a session and a person's access scope may be served from memory (0: read on every request). Changes
   * made through the API drop them at once, on every instance; this bounds what a lost message could leave stale.
   */
  authCacheSeconds: number;
  /** Set (`S3_BUCKET`): uploaded files are kept in this S3-compatible bucket instead of PostgreSQL. */
  s3: S3Config | undefined;
  version: string;
}

export interface S3Config {
  bucket: string;
  region: string;
  /** Absent: AWS itself. Set for MinIO, Ceph, s3rver… */
  endpoint: string | undefined;
  /** Absent: the SDK's usual chain (environment, profile, instance role). */
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  /** Path-style addresses (http://host/bucket/key), which most self-hosted stores need. */
  forcePathStyle: boolean;
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

function int(value: string | undefined, fallback: number, name: string, min = 1): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min) throw new Error(`${name} must be ${min === 0 ? 'a whole number, 0 or more' : 'a positive integer'}, got "${value}"`);
  return parsed;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = int(env['PORT'], 3000, 'PORT');
  const databaseUrl = env['DATABASE_URL'] || undefined;
  return {
    port,
    host: env['HOST'] ?? '127.0.0.1',
    databaseUrl,
    dataDir: resolve(env['DATA_DIR'] ?? '.data'),
    embeddedPostgresPort: int(env['EMBEDDED_PG_PORT'], 5433, 'EMBEDDED_PG_PORT'),
    // The demo workspace makes a first local start useful; on a real server it must be asked for.
    seedDemo: flag(env['SEED_DEMO'], databaseUrl === undefined),
    publicUrl: (env['PUBLIC_URL'] ?? `http://localhost:${port}`).replace(/\/$/, ''),
    // Served over https, cookies are Secure unless told otherwise.
    cookieSecure: flag(env['COOKIE_SECURE'], /^https:/i.test(env['PUBLIC_URL'] ?? '')),
    smtpUrl: env['SMTP_URL'] || undefined,
    mailFrom: env['MAIL_FROM'] ?? 'SIMASHE Workspace <no-reply@simashe.local>',
    webDistDir: env['WEB_DIST_DIR'] || undefined,
    // SESSION_TTL_HOURS is the earlier name of the absolute lifetime, still honoured.
    sessionLifetimeHours: int(env['SESSION_LIFETIME_HOURS'] || env['SESSION_TTL_HOURS'], 24 * 14, 'SESSION_LIFETIME_HOURS'),
    sessionIdleTimeoutMinutes: int(env['SESSION_IDLE_TIMEOUT_MINUTES'], 7 * 24 * 60, 'SESSION_IDLE_TIMEOUT_MINUTES'),
    invitationTtlHours: int(env['INVITATION_TTL_HOURS'], 24 * 7, 'INVITATION_TTL_HOURS'),
    passwordResetTtlMinutes: int(env['PASSWORD_RESET_TTL_MINUTES'], 60, 'PASSWORD_RESET_TTL_MINUTES'),
    bodyLimit: env['BODY_LIMIT'] ?? '256kb',
    trustProxy: env['TRUST_PROXY'] ?? 'loopback',
    autoVersionMinutes: int(env['AUTO_VERSION_MINUTES'], 10, 'AUTO_VERSION_MINUTES'),
    reminderIntervalSeconds: env['REMINDER_INTERVAL_SECONDS'] === '0' ? 0 : int(env['REMINDER_INTERVAL_SECONDS'], 60, 'REMINDER_INTERVAL_SECONDS'),
    sqlQueryCount: flag(env['SQL_QUERY_COUNT'], false),
    redisUrl: env['REDIS_URL'] || undefined,
    collabResyncSeconds: int(env['COLLAB_RESYNC_SECONDS'], 15, 'COLLAB_RESYNC_SECONDS'),
    authCacheSeconds: int(env['AUTH_CACHE_SECONDS'], 5, 'AUTH_CACHE_SECONDS', 0),
    s3: env['S3_BUCKET']
      ? {
          bucket: env['S3_BUCKET'],
          region: env['S3_REGION'] || 'us-east-1',
          endpoint: env['S3_ENDPOINT'] || undefined,
          accessKeyId: env['S3_ACCESS_KEY_ID'] || undefined,
          secretAccessKey: env['S3_SECRET_ACCESS_KEY'] || undefined,
          forcePathStyle: flag(env['S3_FORCE_PATH_STYLE'], !!env['S3_ENDPOINT']),
        }
      : undefined,
    version: env['APP_VERSION'] ?? '0.1.0',
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
