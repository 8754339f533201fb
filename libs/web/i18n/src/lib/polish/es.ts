import type { PolishTranslation } from './en';

/** Retoques (calendarios en el teléfono, búsqueda de zona horaria, notificaciones, plantillas integradas), en español. */
export const polishEs: PolishTranslation = {
  calendar: {
    dayCount_one: '{{count}} reunión el {{date}}: mostrar el día',
    dayCount_many: '{{count}} reuniones el {{date}}: mostrar el día',
    dayCount_other: '{{count}} reuniones el {{date}}: mostrar el día',
    noMeetings: 'Sin reuniones',
    nowAt: 'Ahora, {{time}}',
  },
  zonePicker: {
    keys: 'Al escribir se selecciona la primera coincidencia; las flechas arriba y abajo recorren las coincidencias.',
    selected: 'Seleccionada: {{zone}}.',
    none: 'Ninguna zona horaria coincide; {{zone}} sigue seleccionada.',
  },
  notices: {
    meetingInvitation: { title: 'Invitación: {{meeting}}', body: '{{organiser}} · {{when}}', bodyRepeats: '{{organiser}} · {{when}} · se repite' },
    rsvpReminder: { title: '¿Asistirá? {{meeting}}', body: '{{organiser}} pregunta si asistirá · {{when}}' },
    meetingReminder: { title: 'Recordatorio: {{meeting}}', body: 'Empieza el {{when}}', bodyLink: 'Empieza el {{when}} · {{link}}' },
    reviewRequested: { title: '{{name}} le pidió revisar «{{report}}»', body: '{{organisation}}, periodo del {{start}} al {{end}}' },
    reportSubmitted: { title: '{{organisation}} presentó «{{report}}»', body: 'Periodo del {{start}} al {{end}}' },
    discussionMention: { title: '{{name}} le mencionó en «{{thread}}»' },
    discussionReply: { title: '{{name}} respondió en «{{thread}}»' },
    commentMention: { title: '{{name}} le mencionó en un comentario sobre «{{report}}»' },
    reportMention: { title: '{{name}} le mencionó en «{{report}}»' },
    steeringAppointed: { title: '{{name}} le nombró miembro del comité directivo de la Red HIM', body: 'Ahora puede consultar las convocatorias para instituciones miembro y puntuar sus solicitudes.' },
  },
  templates: {
    progress: 'Informe de avance SIMASHE',
    blank: 'Informe en blanco',
  },
};
