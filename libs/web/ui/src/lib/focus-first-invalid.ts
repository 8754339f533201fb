import { useEffect, type RefObject } from 'react';

/**
 * After each attempt to send a form (`attempt` counts them; 0 means none yet), and when the server's refusal
 * arrives (`refusal`), the first field marked invalid takes focus, so a keyboard or screen-reader user lands on
 * what to fix. A refusal that names no field is read out by its alert instead.
 */
export function useFocusFirstInvalid(form: RefObject<HTMLElement | null>, attempt: number, refusal?: unknown): void {
  useEffect(() => {
    if (attempt === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, attempt, refusal]);
}
