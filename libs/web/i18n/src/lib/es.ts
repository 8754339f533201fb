import { accountSecurityEs } from './account-security/es';
import { homeSectionsEs } from './home/es';
import { REPORT_STATUS_NAMES } from '@simashe/charts';
import { auditEs } from './audit/es';
import { commentsEs } from './comments/es';
import { reportImagesEs } from './report-images/es';
import { mentionsEs } from './mentions/es';
import { historyPluralsEs } from './history-plurals/es';
import { polishEs } from './polish/es';
import { meetingsEs } from './meetings/es';
import { reportWorkflowEs } from './report-workflow/es';
import { editorEs } from './editor/es';
import { cyclesEs } from './cycles/es';
import { monitoringEs } from './monitoring/es';
import { monitoringEmbedEs } from './monitoring-embed/es';
import { resourcesEs } from './resources/es';
import { networkEs } from './network/es';
import { callsEs } from './calls/es';
import { trainingEs } from './training/es';
import { publicationsEs } from './publications/es';
import { clientErrorsEs } from './client-errors/es';
import { versionCompareEs } from './version-compare/es';
import { ownedSectionsEs } from './common-extra/es';
import type { DeepPartial } from './deep-partial';
import type { Catalogue } from './en';

export const es: DeepPartial<Catalogue> = {
  ...ownedSectionsEs,
  app: { name: 'Espacio SIMASHE', tagline: 'Acción colaborativa sobre los determinantes sociales, económicos y ambientales de la salud' },
  shell: {
    skipToContent: 'Saltar al contenido principal',
    pageFailedTitle: 'No se pudo cargar esta página',
    pageFailedBody: 'Puede que se haya cortado la conexión o que se haya instalado una nueva versión del espacio. Vuelva a cargar la página; no se pierde nada de lo que guardó.',
    reload: 'Volver a cargar la página',
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
    resources: 'Recursos',
    network: 'Red',
    training: 'Formación',
    publications: 'Publicaciones',
  },
  comingSoon: {
    title: '{{module}}: próximamente',
    body: 'Esta parte del espacio de trabajo está en construcción. Aparecerá en una próxima versión.',
  },
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
  reports: {
    title: 'Informes de avance',
    new: 'Nuevo informe',
    organisation: 'Organización',
    reportTitle: 'Título',
    periodStart: 'Inicio del período',
    periodEnd: 'Fin del período',
    template: 'Plantilla',
    create: 'Crear informe',
    filters: 'Filtros',
    allOrganisations: 'Todas las organizaciones',
    allStatuses: 'Todos los estados',
    allRegions: 'Todas las regiones',
    year: 'Año',
    anyYear: 'Cualquier año',
    showArchived: 'Mostrar informes archivados',
    empty: 'Ningún informe coincide. Cree uno a partir de una plantilla para empezar a redactar en conjunto.',
    period: '{{start}} – {{end}}',
    statusHeading: 'Estado',
    status: REPORT_STATUS_NAMES.es,
    archived: 'Archivado',
    readOnly: 'Solo lectura',
    submittedFromRegion: 'Informes enviados de su región',
    noSubmittedFromRegion: 'Todavía no hay informes enviados de su región.',
    rename: 'Renombrar',
    saveTitle: 'Guardar título',
    sendToReview: 'Enviar a revisión',
    backToDraft: 'Volver a borrador',
    submit: 'Enviar informe',
    reopen: 'Reabrir (administrador)',
    archive: 'Archivar',
    restore: 'Restaurar',
    saveAsTemplate: 'Guardar como plantilla',
    templateName: 'Nombre de la plantilla',
    templateSaved: 'Guardado como plantilla «{{name}}».',
    submittedNotice: 'Este informe está enviado y en solo lectura hasta que un administrador lo reabra.',
    readOnlyNotice: 'Puede leer este informe, pero no editarlo.',
  },
  export: { label: 'Descargar', md: 'Markdown', html: 'HTML', docx: 'Word', pdf: 'PDF', versionPdf: 'Descargar esta versión (PDF)' },
  comments: commentsEs,
  reportImages: reportImagesEs,
  mentions: mentionsEs,
  historyPlurals: historyPluralsEs,
  polish: polishEs,
  meetings: meetingsEs,
  reportWorkflow: reportWorkflowEs,
  editor: editorEs,
  history: {
    title: 'Historial',
    saveVersion: 'Guardar una versión',
    versionName: 'Nombre de la versión',
    save: 'Guardar versión',
    empty: 'Aún no hay versiones. Las versiones se guardan automáticamente mientras se edita, o puede guardar una con nombre.',
    automatic: 'Versión automática',
    restoreKind: 'Restauración',
    restoredFrom: 'Restauración de «{{name}}»',
    by: 'por {{name}}',
    view: 'Ver',
    hide: 'Ocultar',
    restore: 'Restaurar esta versión',
    confirmRestore: '¿Restaurar «{{name}}»? El texto actual se sustituye para todos, como un cambio nuevo que puede deshacer restaurando de nuevo.',
    restored: 'Versión restaurada para todos.',
    viewing: 'Viendo «{{name}}» (solo lectura)',
    compare: versionCompareEs,
  },
  cycles: cyclesEs,
  monitoring: monitoringEs,
  monitoringEmbed: monitoringEmbedEs,
  resources: resourcesEs,
  network: networkEs,
  calls: callsEs,
  training: trainingEs,
  publications: publicationsEs,
  clientErrors: clientErrorsEs,
  audit: auditEs,
  accountSecurity: accountSecurityEs,
  ...homeSectionsEs,
};
