import type { DeepPartial } from './deep-partial';
import type { Catalogue } from './en';

export const es: DeepPartial<Catalogue> = {
  app: { name: 'Espacio SIMASHE', tagline: 'Acción colaborativa sobre los determinantes sociales, económicos y ambientales de la salud' },
  shell: {
    skipToContent: 'Saltar al contenido principal',
    mainNavigation: 'Navegación principal',
    language: 'Idioma',
    profile: 'Perfil',
    signOut: 'Cerrar sesión',
    signedInAs: 'Sesión iniciada como {{name}}',
  },
  nav: {
    home: 'Inicio',
    reports: 'Informes',
    meetings: 'Reuniones',
    lessons: 'Lecciones',
    discussions: 'Debates',
    cycles: 'Ciclos',
    monitoring: 'Seguimiento',
  },
  comingSoon: {
    title: '{{module}}: próximamente',
    body: 'Esta parte del espacio de trabajo está en construcción. Aparecerá en una próxima versión.',
  },
  common: { loading: 'Cargando…', retry: 'Reintentar', errorTitle: 'Algo salió mal', backHome: 'Volver al inicio' },
  signIn: {
    title: 'Iniciar sesión',
    intro: 'Inicie sesión en su cuenta del Espacio SIMASHE.',
    email: 'Correo electrónico',
    password: 'Contraseña',
    submit: 'Iniciar sesión',
    submitting: 'Iniciando sesión…',
    invalid: 'El correo electrónico o la contraseña son incorrectos.',
    rateLimited: 'Demasiados intentos fallidos. Espere unos minutos e inténtelo de nuevo.',
    demoHint: 'Espacio de demostración: inicie sesión con kenya.admin@demo.simashe.org y la contraseña simashe-demo-2026.',
  },
  reports: { title: 'Informes de avance', new: 'Nuevo informe' },
  home: { welcome: 'Bienvenido/a, {{name}}', myOrganisations: 'Mis organizaciones', regionalPathfinders: 'Países pioneros de su región' },
};
