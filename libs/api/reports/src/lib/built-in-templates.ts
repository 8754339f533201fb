import type { BuiltInTemplateKey, Language } from '@simashe/contracts';
import { SIMASHE_PROGRESS_SECTIONS, type ProseMirrorJson } from '@simashe/editor';

type Section = [title: string, guidance: string];

/**
 * The built-in progress report's title and sections in each language, in the order of SIMASHE_PROGRESS_SECTIONS
 * (English, the stored template). A new report starts in its creator's profile language: the Yjs document is made
 * here, on the server, so the headings are chosen once and never re-seeded by a client.
 */
const PROGRESS: Record<Exclude<Language, 'en'>, { title: string; sections: Section[] }> = {
  fr: {
    title: 'Rapport d’avancement SIMASHE',
    sections: [
      ['Contexte', 'Le cadre : population, environnement politique et déterminants de la santé sur lesquels porte ce travail.'],
      ['Objectifs', 'Ce que le pays pionnier voulait changer pendant cette période, et pour qui.'],
      ['Actions menées', 'Ce qui a été fait, par qui et quand.'],
      ['Partenaires intersectoriels', 'Secteurs et organisations impliqués (travail, logement, éducation, protection sociale, environnement, finances, collectivités locales…).'],
      ['Résultats et données probantes', 'Ce qui a changé, avec les données qui le montrent.'],
      ['Constats sur l’équité et les inégalités', 'Indicateurs ventilés et mesures synthétiques des inégalités ; qui en a bénéficié et qui non.'],
      ['Difficultés', 'Ce qui a fait obstacle et comment cela a été traité.'],
      ['Enseignements tirés', 'Ce que d’autres pourraient reprendre de cette expérience.'],
      ['Prochaines étapes', 'Actions prévues pour le prochain cycle.'],
    ],
  },
  es: {
    title: 'Informe de avance SIMASHE',
    sections: [
      ['Contexto', 'El entorno: población, contexto de políticas y determinantes de la salud que aborda este trabajo.'],
      ['Objetivos', 'Lo que el país pionero se propuso cambiar en este periodo, y para quién.'],
      ['Acciones realizadas', 'Qué se hizo, quién y cuándo.'],
      ['Socios intersectoriales', 'Sectores y organizaciones participantes (trabajo, vivienda, educación, protección social, medio ambiente, finanzas, gobierno local…).'],
      ['Resultados y evidencia', 'Qué cambió, con la evidencia que lo respalda.'],
      ['Hallazgos sobre equidad y desigualdad', 'Indicadores desagregados y medidas resumen de desigualdad; quién se benefició y quién no.'],
      ['Desafíos', 'Qué lo dificultó y cómo se abordó.'],
      ['Lecciones aprendidas', 'Qué podrían reutilizar otros de esta experiencia.'],
      ['Próximos pasos', 'Acciones previstas para el próximo ciclo.'],
    ],
  },
  ar: {
    title: 'تقرير التقدّم في SIMASHE',
    sections: [
      ['السياق', 'الإطار: السكان والبيئة السياساتية ومحددات الصحة التي يتناولها هذا العمل.'],
      ['الأهداف', 'ما سعى البلد الرائد إلى تغييره في هذه الفترة، ولمن.'],
      ['الإجراءات المتخذة', 'ما الذي نُفّذ، ومن قام به، ومتى.'],
      ['الشركاء من القطاعات المختلفة', 'القطاعات والمنظمات المشاركة (العمل، الإسكان، التعليم، الحماية الاجتماعية، البيئة، المالية، الحكم المحلي…).'],
      ['النتائج والبيّنات', 'ما الذي تغيّر، مع البيّنات الداعمة.'],
      ['نتائج الإنصاف وعدم المساواة', 'مؤشرات مصنّفة ومقاييس موجزة لعدم المساواة؛ من استفاد ومن لم يستفد.'],
      ['التحديات', 'ما الذي أعاق العمل وكيف عولج.'],
      ['الدروس المستفادة', 'ما يمكن للآخرين الاستفادة منه من هذه التجربة.'],
      ['الخطوات التالية', 'الإجراءات المخططة للدورة القادمة.'],
    ],
  },
};

const ENGLISH_TITLE = 'SIMASHE progress report';

/**
 * The built-in template `key`'s content with its headings and guidance in `language`; other templates, English and
 * text someone changed in the stored template are returned as they are (only exact English matches are replaced).
 */
export function localizeTemplate(key: BuiltInTemplateKey | null, content: ProseMirrorJson, language: string): ProseMirrorJson {
  if (key !== 'progress' || !(language in PROGRESS)) return content;
  const words = PROGRESS[language as keyof typeof PROGRESS];
  const text = new Map<string, string>([[ENGLISH_TITLE, words.title]]);
  const guidance = new Map<string, string>();
  SIMASHE_PROGRESS_SECTIONS.forEach(([title, hint], index) => {
    const [translatedTitle, translatedHint] = words.sections[index] ?? [title, hint];
    text.set(title, translatedTitle);
    guidance.set(hint, translatedHint);
  });
  const walk = (node: ProseMirrorJson, inHeading: boolean): ProseMirrorJson => {
    const next: ProseMirrorJson = { ...node };
    if (node.type === 'text' && inHeading && node.text !== undefined) next.text = text.get(node.text) ?? node.text;
    if (node.type === 'paragraph' && typeof node.attrs?.['guidance'] === 'string') {
      next.attrs = { ...node.attrs, guidance: guidance.get(node.attrs['guidance']) ?? node.attrs['guidance'] };
    }
    if (node.content) next.content = node.content.map((child) => walk(child, inHeading || node.type === 'heading'));
    return next;
  };
  return walk(content, false);
}
