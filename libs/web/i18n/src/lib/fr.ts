import type { DeepPartial } from './deep-partial';
import type { Catalogue } from './en';

export const fr: DeepPartial<Catalogue> = {
  app: { name: 'Espace SIMASHE', tagline: 'Action collaborative sur les déterminants sociaux, économiques et environnementaux de la santé' },
  shell: {
    skipToContent: 'Aller au contenu principal',
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
  },
  comingSoon: {
    title: '{{module}} : bientôt disponible',
    body: 'Cette partie de l’espace de travail est en cours de construction. Elle apparaîtra dans une prochaine version.',
  },
  common: { loading: 'Chargement…', retry: 'Réessayer', errorTitle: 'Une erreur est survenue', backHome: 'Retour à l’accueil' },
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
  reports: { title: 'Rapports d’avancement', new: 'Nouveau rapport' },
  home: { welcome: 'Bienvenue, {{name}}', myOrganisations: 'Mes organisations', regionalPathfinders: 'Pays pionniers de votre région' },
};
