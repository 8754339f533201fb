import type { LessonInput } from '@simashe/contracts';

/** A few published lessons in three languages, so search and discussions have something to show on a first start. */
export const DEMO_LESSONS: Array<{ author: string; organisation: string; publish: boolean; lesson: Omit<LessonInput, 'organisationId'> }> = [
  {
    author: 'kenya.editor@demo.simashe.org',
    organisation: 'kenya',
    publish: true,
    lesson: {
      title: 'Housing and health committees in informal settlements',
      context: 'Informal settlements in Nairobi carry a large share of the city’s avoidable illness.',
      actions: 'A committee joined the housing ministry, county public health and residents’ associations.',
      worked: 'Residents chose the first streets for drainage and latrines; clinic visits for diarrhoea fell.',
      didNotWork: 'Funding stayed fragmented across three budgets.',
      recommendation: 'Bring local government in at the planning stage and agree one budget line.',
      determinants: ['social', 'environmental'],
      sectors: ['housing', 'local_government', 'health'],
      levels: ['local'],
      initiative: 'Healthy informal settlements',
      cycleStage: 'reflect',
      language: 'en',
      visibility: 'network',
      evidence: [],
    },
  },
  {
    author: 'brazil.admin@demo.simashe.org',
    organisation: 'brazil',
    publish: true,
    lesson: {
      title: 'Transferencias monetarias y acceso a la atención primaria',
      context: 'Las familias con menores ingresos usaban menos la atención primaria.',
      actions: 'Se vinculó la transferencia monetaria a las visitas de control en la unidad de salud.',
      worked: 'Aumentaron los controles prenatales y la vacunación infantil en los municipios participantes.',
      didNotWork: 'Los registros de salud y de protección social no se comunicaban.',
      recommendation: 'Compartir datos entre protección social y salud desde el inicio, con reglas claras de privacidad.',
      determinants: ['economic', 'social'],
      sectors: ['social_protection', 'health'],
      levels: ['national', 'subnational'],
      initiative: 'Renda e saúde',
      cycleStage: 'observe',
      language: 'es',
      visibility: 'network',
      evidence: [],
    },
  },
  {
    author: 'slovenia.admin@demo.simashe.org',
    organisation: 'slovenia',
    publish: true,
    lesson: {
      title: 'Qualité de l’air autour des écoles',
      context: 'Les écoles situées près des grands axes exposaient les enfants à une pollution élevée.',
      actions: 'Rues scolaires fermées à la circulation aux heures d’entrée et de sortie, mesures de la qualité de l’air.',
      worked: 'Les concentrations de dioxyde d’azote ont baissé ; les parents ont soutenu la mesure.',
      didNotWork: 'Le report du trafic sur les rues voisines n’a pas été anticipé.',
      recommendation: 'Associer les services de transport et les riverains avant la première fermeture.',
      determinants: ['environmental'],
      sectors: ['education', 'environment', 'transport'],
      levels: ['local'],
      initiative: 'Écoles respirables',
      cycleStage: 'act',
      language: 'fr',
      visibility: 'network',
      evidence: [],
    },
  },
  {
    author: 'kenya.editor@demo.simashe.org',
    organisation: 'kenya',
    publish: false,
    lesson: {
      title: 'Draft: community health worker stipends',
      context: 'Notes for the next reflection session.',
      actions: '',
      worked: '',
      didNotWork: '',
      recommendation: '',
      determinants: ['economic'],
      sectors: ['labour', 'health'],
      levels: ['subnational'],
      initiative: '',
      cycleStage: 'plan',
      language: 'en',
      visibility: 'organisation',
      evidence: [],
    },
  },
];

/**
 * The first discussions of the demo workspace: a community-of-practice topic and the thread of Kenya's housing
 * lesson, in the languages their writers work in. A thread with `lesson` is that lesson's (by title).
 */
export const DEMO_DISCUSSIONS: Array<{ title: string; lesson?: string; posts: Array<{ author: string; body: string; quotesFirst?: boolean }> }> = [
  {
    title: 'Community of practice: one budget across sectors',
    posts: [
      {
        author: 'afro.officer@demo.simashe.org',
        body: 'How did your teams get health, housing and transport to share one budget line? We are collecting examples for the next action-learning session.',
      },
      {
        author: 'slovenia.admin@demo.simashe.org',
        body: 'À Ljubljana, les rues scolaires ont été financées sur le budget des transports, et les mesures de la qualité de l’air par la santé publique. Un accord écrit entre les deux services a suffi.',
      },
      {
        author: 'srilanka.admin@demo.simashe.org',
        body: 'We started with a joint committee and one shared indicator before any money moved; the budget line came a year later.',
        quotesFirst: true,
      },
    ],
  },
  {
    title: 'Housing and health committees in informal settlements',
    lesson: 'Housing and health committees in informal settlements',
    posts: [
      {
        author: 'brazil.admin@demo.simashe.org',
        body: '¿Cómo se financió el comité durante el primer año? En nuestros municipios es lo más difícil.',
      },
      {
        author: 'kenya.editor@demo.simashe.org',
        body: 'Each partner gave staff time, and the county paid for the first drainage works from its public health budget.',
      },
    ],
  },
];
