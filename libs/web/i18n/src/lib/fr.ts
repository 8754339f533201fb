import { accountSecurityFr } from './account-security/fr';
import { homeSectionsFr } from './home/fr';
import { REPORT_STATUS_NAMES } from '@simashe/charts';
import { auditFr } from './audit/fr';
import { commentsFr } from './comments/fr';
import { reportImagesFr } from './report-images/fr';
import { mentionsFr } from './mentions/fr';
import { historyPluralsFr } from './history-plurals/fr';
import { polishFr } from './polish/fr';
import { meetingsFr } from './meetings/fr';
import { reportWorkflowFr } from './report-workflow/fr';
import { editorFr } from './editor/fr';
import { cyclesFr } from './cycles/fr';
import { monitoringFr } from './monitoring/fr';
import { monitoringEmbedFr } from './monitoring-embed/fr';
import { resourcesFr } from './resources/fr';
import { networkFr } from './network/fr';
import { callsFr } from './calls/fr';
import { trainingFr } from './training/fr';
import { publicationsFr } from './publications/fr';
import { clientErrorsFr } from './client-errors/fr';
import { versionCompareFr } from './version-compare/fr';
import { ownedSectionsFr } from './common-extra/fr';
import type { DeepPartial } from './deep-partial';
import type { Catalogue } from './en';

export const fr: DeepPartial<Catalogue> = {
  ...ownedSectionsFr,
  app: { name: 'Espace SIMASHE', tagline: 'Action collaborative sur les déterminants sociaux, économiques et environnementaux de la santé' },
  shell: {
    skipToContent: 'Aller au contenu principal',
    pageFailedTitle: 'Cette page n’a pas pu être chargée',
    pageFailedBody: 'La connexion a peut-être été coupée, ou une nouvelle version de l’espace a été installée. Rechargez la page ; rien de ce que vous avez enregistré n’est perdu.',
    reload: 'Recharger la page',
    mainNavigation: 'Navigation principale',
    language: 'Langue',
    profile: 'Profil',
    signOut: 'Se déconnecter',
    signedInAs: 'Connecté·e en tant que {{name}}',
  },
  nav: {
    home: 'Accueil',
    reports: 'Rapports',
    meetings: 'Réunions',
    lessons: 'Enseignements',
    discussions: 'Discussions',
    cycles: 'Cycles',
    monitoring: 'Suivi',
    resources: 'Ressources',
    network: 'Réseau',
    training: 'Formation',
    publications: 'Publications',
  },
  comingSoon: {
    title: '{{module}} : bientôt disponible',
    body: 'Cette partie de l’espace de travail est en cours de construction. Elle apparaîtra dans une prochaine version.',
  },
  signIn: {
    title: 'Connexion',
    intro: 'Connectez-vous à votre compte Espace SIMASHE.',
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    submit: 'Se connecter',
    submitting: 'Connexion…',
    invalid: 'Adresse e-mail ou mot de passe incorrect.',
    rateLimited: 'Trop de tentatives échouées. Patientez quelques minutes puis réessayez.',
    demoHint: 'Espace de démonstration : connectez-vous avec kenya.admin@demo.simashe.org et le mot de passe simashe-demo-2026.',
  },
  reports: {
    title: 'Rapports d’avancement',
    new: 'Nouveau rapport',
    organisation: 'Organisation',
    reportTitle: 'Titre',
    periodStart: 'Début de la période',
    periodEnd: 'Fin de la période',
    template: 'Modèle',
    create: 'Créer le rapport',
    filters: 'Filtres',
    allOrganisations: 'Toutes les organisations',
    allStatuses: 'Tous les statuts',
    allRegions: 'Toutes les régions',
    year: 'Année',
    anyYear: 'Toute année',
    showArchived: 'Afficher les rapports archivés',
    empty: 'Aucun rapport ne correspond. Créez-en un à partir d’un modèle pour commencer à corédiger.',
    period: '{{start}} – {{end}}',
    statusHeading: 'Statut',
    status: REPORT_STATUS_NAMES.fr,
    archived: 'Archivé',
    readOnly: 'Lecture seule',
    submittedFromRegion: 'Rapports soumis dans votre région',
    noSubmittedFromRegion: 'Aucun rapport soumis dans votre région pour l’instant.',
    rename: 'Renommer',
    saveTitle: 'Enregistrer le titre',
    sendToReview: 'Envoyer en relecture',
    backToDraft: 'Revenir au brouillon',
    submit: 'Soumettre le rapport',
    reopen: 'Rouvrir (administrateur)',
    archive: 'Archiver',
    restore: 'Restaurer',
    saveAsTemplate: 'Enregistrer comme modèle',
    templateName: 'Nom du modèle',
    templateSaved: 'Enregistré comme modèle « {{name}} ».',
    submittedNotice: 'Ce rapport est soumis et en lecture seule jusqu’à ce qu’un administrateur le rouvre.',
    readOnlyNotice: 'Vous pouvez lire ce rapport mais pas le modifier.',
  },
  export: { label: 'Télécharger', md: 'Markdown', html: 'HTML', docx: 'Word', pdf: 'PDF', versionPdf: 'Télécharger cette version (PDF)' },
  comments: commentsFr,
  reportImages: reportImagesFr,
  mentions: mentionsFr,
  historyPlurals: historyPluralsFr,
  polish: polishFr,
  meetings: meetingsFr,
  reportWorkflow: reportWorkflowFr,
  editor: editorFr,
  history: {
    title: 'Historique',
    saveVersion: 'Enregistrer une version',
    versionName: 'Nom de la version',
    save: 'Enregistrer la version',
    empty: 'Aucune version pour l’instant. Des versions sont conservées automatiquement pendant la rédaction ; vous pouvez aussi en enregistrer une avec un nom.',
    automatic: 'Version automatique',
    restoreKind: 'Restauration',
    restoredFrom: 'Restauration de « {{name}} »',
    by: 'par {{name}}',
    view: 'Afficher',
    hide: 'Masquer',
    restore: 'Restaurer cette version',
    confirmRestore: 'Restaurer « {{name}} » ? Le texte actuel est remplacé pour tout le monde, par une nouvelle modification que vous pouvez annuler en restaurant à nouveau.',
    restored: 'Version restaurée pour tout le monde.',
    viewing: 'Lecture de « {{name}} » (lecture seule)',
    compare: versionCompareFr,
  },
  cycles: cyclesFr,
  monitoring: monitoringFr,
  monitoringEmbed: monitoringEmbedFr,
  resources: resourcesFr,
  network: networkFr,
  calls: callsFr,
  training: trainingFr,
  publications: publicationsFr,
  clientErrors: clientErrorsFr,
  audit: auditFr,
  accountSecurity: accountSecurityFr,
  ...homeSectionsFr,
};
