import type { ErrorDetail, ErrorId, ErrorResponse } from '@simashe/contracts';
import i18next from 'i18next';

/** A sentence of the browser's own (the server words its errors itself), in the interface language once it is loaded. */
function word(key: 'unreachable' | 'cancelled' | 'failed', english: string, values: Record<string, unknown> = {}): string {
  const text = i18next.isInitialized ? i18next.t(`clientErrors.${key}`, values) : '';
  return text && text !== `clientErrors.${key}` ? text : english;
}

/** A failed API call, carrying the server's stable error id and per-field details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly id: ErrorId | 'network_error',
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }

  fieldError(path: string): string | undefined {
    return this.details.find((d) => d.path === path)?.message;
  }
}

/**
 * The interface language, so the server words its errors in it: a signed-out reader (the public pages) has no profile
 * language, and the language they chose on the page may not be the browser's.
 */
function interfaceLanguage(): string | undefined {
  return i18next.isInitialized && i18next.language ? i18next.language : undefined;
}

let csrfToken: string | null = null;

/** Set after sign-in or session load: state-changing calls echo it, as the server requires. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export async function apiRequest<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const language = interfaceLanguage();
  if (language) headers['Accept-Language'] = language;
  const form = body instanceof FormData;
  // A multipart body sets its own Content-Type (with the boundary).
  if (body !== undefined && !form) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network_error', word('unreachable', 'The server could not be reached. Check your connection and try again.'));
  }
  if (response.status === 204) return undefined as T;
  const payload = await response.json().catch(() => null);
  if (!response.ok) {
    const error = payload as Partial<ErrorResponse> | null;
    throw new ApiError(
      response.status,
      error?.id ?? 'internal_error',
      error?.message ?? word('failed', `The request failed (error ${response.status}). Try again.`, { status: response.status }),
      error?.details ?? [],
    );
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string) => apiRequest<T>('GET', path),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, body),
  delete: <T = void>(path: string) => apiRequest<T>('DELETE', path),
  upload: <T>(path: string, form: FormData) => apiRequest<T>('POST', path, form),
};

/**
 * A multipart POST through XMLHttpRequest, the one browser API that reports upload progress (fetch does not):
 * `onProgress` gets the share sent (0 to 1), then `onSent` fires while the server works on the file. Errors are
 * ApiErrors, as with `api`.
 */
export function uploadWithProgress<T>(path: string, form: FormData, handlers: { onProgress?: (share: number) => void; onSent?: () => void; signal?: AbortSignal } = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api${path}`);
    request.withCredentials = true;
    request.setRequestHeader('Accept', 'application/json');
    const language = interfaceLanguage();
    if (language) request.setRequestHeader('Accept-Language', language);
    if (csrfToken) request.setRequestHeader('X-CSRF-Token', csrfToken);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) handlers.onProgress?.(event.loaded / event.total);
    };
    request.upload.onload = () => handlers.onSent?.();
    request.onerror = () => reject(new ApiError(0, 'network_error', word('unreachable', 'The server could not be reached. Check your connection and try again.')));
    request.onabort = () => reject(new ApiError(0, 'network_error', word('cancelled', 'The upload was cancelled.')));
    request.onload = () => {
      let payload: unknown = null;
      try {
        payload = request.responseText ? JSON.parse(request.responseText) : null;
      } catch {
        payload = null;
      }
      if (request.status >= 200 && request.status < 300) return resolve(payload as T);
      const error = payload as Partial<ErrorResponse> | null;
      reject(new ApiError(request.status, error?.id ?? 'internal_error', error?.message ?? word('failed', `The request failed (error ${request.status}). Try again.`, { status: request.status }), error?.details ?? []));
    };
    handlers.signal?.addEventListener('abort', () => request.abort());
    request.send(form);
  });
}

/** `?a=1&b=2` from a filter object, leaving out empty values (or '' when nothing is left). */
export function queryString(filters: object): string {
  const params = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''));
  const text = params.toString();
  return text ? `?${text}` : '';
}
