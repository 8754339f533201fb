import type { Language } from '@simashe/contracts';
import { DateTime } from 'luxon';

/**
 * What the workspace's emails say, in each interface language: the web's catalogues cannot reach a mail client, so
 * the few emails the server writes carry their own words. The reader's profile language decides (the inviting admin's
 * for an invitation, whose reader has no profile yet, with English after it).
 */
export interface MailText {
  subject: string;
  text: string;
}

type Role = 'admin' | 'editor' | 'viewer';

const ROLES: Record<Language, Record<Role, string>> = {
  en: { admin: 'admin', editor: 'editor', viewer: 'viewer' },
  fr: { admin: 'administrateur', editor: 'rédacteur', viewer: 'lecteur' },
  es: { admin: 'administrador', editor: 'editor', viewer: 'lector' },
  ar: { admin: 'مسؤول', editor: 'محرر', viewer: 'قارئ' },
};

/** A moment written for the reader: their zone and language, e.g. "mardi 2 mars 2027, 14:00 (UTC+3)". */
export function mailTime(iso: string | Date, language: Language, timeZone: string): string {
  const moment = typeof iso === 'string' ? DateTime.fromISO(iso) : DateTime.fromJSDate(iso);
  const local = moment.setZone(timeZone).setLocale(language === 'ar' ? 'ar-u-nu-latn' : language);
  return `${local.toFormat('cccc d LLLL yyyy, HH:mm')} (${local.toFormat('ZZZZ')})`;
}

export const MAIL_TEXTS = {
  applicationReceived: (language: Language, p: { institution: string; call: string; url: string }): MailText =>
    ({
      en: {
        subject: `Application received: ${p.institution}`,
        text: `Thank you: the application of ${p.institution} to "${p.call}" has been received.\n\nFollow it here: ${p.url}\n\nKeep this link: it is the only way to see the application's status.`,
      },
      fr: {
        subject: `Candidature reçue : ${p.institution}`,
        text: `Merci : la candidature de ${p.institution} à « ${p.call} » a bien été reçue.\n\nSuivez-la ici : ${p.url}\n\nConservez ce lien : c’est le seul moyen de voir où en est la candidature.`,
      },
      es: {
        subject: `Solicitud recibida: ${p.institution}`,
        text: `Gracias: hemos recibido la solicitud de ${p.institution} a «${p.call}».\n\nSígala aquí: ${p.url}\n\nGuarde este enlace: es la única forma de ver el estado de la solicitud.`,
      },
      ar: {
        subject: `تم استلام الطلب: ${p.institution}`,
        text: `شكرًا لكم: تم استلام طلب ${p.institution} في «${p.call}».\n\nتابعوا الطلب هنا: ${p.url}\n\nاحتفظوا بهذا الرابط: فهو الطريقة الوحيدة لمعرفة حالة الطلب.`,
      },
    })[language],
  applicationDecided: (language: Language, p: { institution: string; call: string; accepted: boolean }): MailText =>
    ({
      en: {
        subject: p.accepted ? `Welcome to the network: ${p.institution}` : `Your application: ${p.institution}`,
        text: `${p.accepted ? `The application of ${p.institution} to "${p.call}" has been accepted. Its first administrator receives an invitation to the workspace.` : `The application of ${p.institution} to "${p.call}" was not accepted this time.`}\n\nThe link you received when applying shows the decision.`,
      },
      fr: {
        subject: p.accepted ? `Bienvenue dans le réseau : ${p.institution}` : `Votre candidature : ${p.institution}`,
        text: `${p.accepted ? `La candidature de ${p.institution} à « ${p.call} » est acceptée. Son premier administrateur reçoit une invitation à l’espace de travail.` : `La candidature de ${p.institution} à « ${p.call} » n’a pas été retenue cette fois.`}\n\nLe lien reçu lors de la candidature affiche la décision.`,
      },
      es: {
        subject: p.accepted ? `Bienvenida a la red: ${p.institution}` : `Su solicitud: ${p.institution}`,
        text: `${p.accepted ? `La solicitud de ${p.institution} a «${p.call}» ha sido aceptada. Su primer administrador recibe una invitación al espacio de trabajo.` : `La solicitud de ${p.institution} a «${p.call}» no fue aceptada esta vez.`}\n\nEl enlace que recibió al presentar la solicitud muestra la decisión.`,
      },
      ar: {
        subject: p.accepted ? `مرحبًا بكم في الشبكة: ${p.institution}` : `طلبكم: ${p.institution}`,
        text: `${p.accepted ? `تم قبول طلب ${p.institution} في «${p.call}». يتلقى أول مسؤول عنها دعوة إلى مساحة العمل.` : `لم يُقبل طلب ${p.institution} في «${p.call}» هذه المرة.`}\n\nيعرض الرابط الذي تلقيتموه عند تقديم الطلب هذا القرار.`,
      },
    })[language],
  invitation: (language: Language, p: { organisation: string; role: Role; url: string; expires: string }): MailText =>
    ({
      en: {
        subject: `You are invited to ${p.organisation} on SIMASHE Workspace`,
        text: `You have been invited to join ${p.organisation} as ${ROLES.en[p.role]}.\n\nAccept: ${p.url}\n\nThe link works once and expires on ${p.expires}.`,
      },
      fr: {
        subject: `Vous êtes invité à rejoindre ${p.organisation} sur SIMASHE Workspace`,
        text: `Vous êtes invité à rejoindre ${p.organisation} en tant que ${ROLES.fr[p.role]}.\n\nAccepter : ${p.url}\n\nLe lien ne sert qu’une fois et expire le ${p.expires}.`,
      },
      es: {
        subject: `Le invitan a ${p.organisation} en SIMASHE Workspace`,
        text: `Le han invitado a unirse a ${p.organisation} como ${ROLES.es[p.role]}.\n\nAceptar: ${p.url}\n\nEl enlace funciona una sola vez y caduca el ${p.expires}.`,
      },
      ar: {
        subject: `دعوة للانضمام إلى ${p.organisation} في SIMASHE Workspace`,
        text: `تمت دعوتك للانضمام إلى ${p.organisation} بصفة ${ROLES.ar[p.role]}.\n\nللقبول: ${p.url}\n\nيعمل الرابط مرة واحدة وتنتهي صلاحيته في ${p.expires}.`,
      },
    })[language],
  passwordReset: (language: Language, p: { email: string; url: string; expires: string }): MailText =>
    ({
      en: {
        subject: 'Choose a new password for SIMASHE Workspace',
        text: `Someone, hopefully you, asked to reset the password of the SIMASHE Workspace account ${p.email}.\n\nChoose a new password: ${p.url}\n\nThe link works once and expires on ${p.expires}. If you did not ask for it, ignore this email: your password stays as it is.`,
      },
      fr: {
        subject: 'Choisissez un nouveau mot de passe pour SIMASHE Workspace',
        text: `Quelqu’un, vous sans doute, a demandé à réinitialiser le mot de passe du compte SIMASHE Workspace ${p.email}.\n\nChoisir un nouveau mot de passe : ${p.url}\n\nLe lien ne sert qu’une fois et expire le ${p.expires}. Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.`,
      },
      es: {
        subject: 'Elija una nueva contraseña para SIMASHE Workspace',
        text: `Alguien, probablemente usted, pidió restablecer la contraseña de la cuenta de SIMASHE Workspace ${p.email}.\n\nElegir una nueva contraseña: ${p.url}\n\nEl enlace funciona una sola vez y caduca el ${p.expires}. Si no lo pidió, ignore este mensaje: su contraseña no cambia.`,
      },
      ar: {
        subject: 'اختر كلمة مرور جديدة لـ SIMASHE Workspace',
        text: `طلب أحدهم، وربما أنت، إعادة تعيين كلمة مرور حساب SIMASHE Workspace ‏${p.email}.\n\nاختر كلمة مرور جديدة: ${p.url}\n\nيعمل الرابط مرة واحدة وتنتهي صلاحيته في ${p.expires}. إن لم تطلب ذلك فتجاهل هذه الرسالة: تبقى كلمة مرورك كما هي.`,
      },
    })[language],
  meetingReminder: (language: Language, p: { meeting: string; when: string; conferencing: string | null; url: string }): MailText => {
    const link = p.conferencing ? ` · ${p.conferencing}` : '';
    return {
      en: { subject: `Reminder: ${p.meeting}`, text: `Starts ${p.when}${link}\n\n${p.url}` },
      fr: { subject: `Rappel : ${p.meeting}`, text: `Commence le ${p.when}${link}\n\n${p.url}` },
      es: { subject: `Recordatorio: ${p.meeting}`, text: `Empieza el ${p.when}${link}\n\n${p.url}` },
      ar: { subject: `تذكير: ${p.meeting}`, text: `يبدأ في ${p.when}${link}\n\n${p.url}` },
    }[language];
  },
};

/** The reader's language when it is one the workspace speaks, else English. */
export function mailLanguage(value: string | null | undefined): Language {
  return value === 'fr' || value === 'es' || value === 'ar' ? value : 'en';
}
