/** Error codes of a database that cannot be reached: refused, reset or timed-out connections, a server shutting down. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);

/**
 * Whether `error` says PostgreSQL could not be reached (rather than refusing a statement): the request may succeed
 * once it is back, so it is answered 503, not 500. TypeORM wraps driver errors (`driverError`).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const failure = error as { code?: unknown; message?: unknown; driverError?: unknown } | null;
  if (!failure || typeof failure !== 'object') return false;
  if (failure.driverError && isDatabaseUnavailable(failure.driverError)) return true;
  if (typeof failure.code === 'string' && UNREACHABLE.has(failure.code)) return true;
  return typeof failure.message === 'string' && /Connection terminated|connection timeout|timeout exceeded when trying to connect|Connection refused/i.test(failure.message);
}

/** Whether `error` says PostgreSQL cancelled the statement for its `statement_timeout` (57014); TypeORM wraps it. */
export function isStatementTimeout(error: unknown): boolean {
  const failure = error as { code?: unknown; driverError?: unknown } | null;
  if (!failure || typeof failure !== 'object') return false;
  return failure.code === '57014' || (!!failure.driverError && isStatementTimeout(failure.driverError));
}
