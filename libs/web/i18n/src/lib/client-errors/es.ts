import type { ClientErrorsTranslation } from './en';

/** Errores que encuentra el navegador al hablar con el servidor, en español. */
export const clientErrorsEs: ClientErrorsTranslation = {
  unreachable: 'No se pudo contactar con el servidor. Compruebe su conexión e inténtelo de nuevo.',
  cancelled: 'Se canceló el envío.',
  failed: 'La solicitud falló (error {{status}}). Inténtelo de nuevo.',
};
