import type { PolishTranslation } from './en';

/** Finitions (calendriers sur téléphone, recherche de fuseau, notifications, modèles intégrés), en français. */
export const polishFr: PolishTranslation = {
  calendar: {
    dayCount_one: '{{count}} réunion le {{date}} : afficher la journée',
    dayCount_many: '{{count}} réunions le {{date}} : afficher la journée',
    dayCount_other: '{{count}} réunions le {{date}} : afficher la journée',
    noMeetings: 'Aucune réunion',
    nowAt: 'Maintenant, {{time}}',
  },
  zonePicker: {
    keys: 'La saisie sélectionne le premier résultat ; les flèches haut et bas parcourent les résultats.',
    selected: 'Sélectionné : {{zone}}.',
    none: 'Aucun fuseau ne correspond ; {{zone}} reste sélectionné.',
  },
  notices: {
    meetingInvitation: { title: 'Invitation : {{meeting}}', body: '{{organiser}} · {{when}}', bodyRepeats: '{{organiser}} · {{when}} · récurrente' },
    rsvpReminder: { title: 'Serez-vous présent ? {{meeting}}', body: '{{organiser}} demande si vous serez présent · {{when}}' },
    meetingReminder: { title: 'Rappel : {{meeting}}', body: 'Commence le {{when}}', bodyLink: 'Commence le {{when}} · {{link}}' },
    reviewRequested: { title: '{{name}} vous demande de relire « {{report}} »', body: '{{organisation}}, période du {{start}} au {{end}}' },
    reportSubmitted: { title: '{{organisation}} a soumis « {{report}} »', body: 'Période du {{start}} au {{end}}' },
    discussionMention: { title: '{{name}} vous a mentionné dans « {{thread}} »' },
    discussionReply: { title: '{{name}} a répondu dans « {{thread}} »' },
    commentMention: { title: '{{name}} vous a mentionné dans un commentaire sur « {{report}} »' },
    reportMention: { title: '{{name}} vous a mentionné dans « {{report}} »' },
    steeringAppointed: { title: '{{name}} vous a nommé au comité de pilotage du réseau HIM', body: 'Vous pouvez désormais consulter les appels aux institutions membres et noter leurs candidatures.' },
  },
  templates: {
    progress: 'Rapport d’avancement SIMASHE',
    blank: 'Rapport vierge',
  },
};
