import { pdfBuffer, pdfLanguage } from '@simashe/api-reports';
import { isValidTimeZone, type Certificate, type Language } from '@simashe/contracts';

/** The certificate's words, in each language the bundled fonts can set (see pdfLanguage: an Arabic reader gets English). */
const TEXT: Record<Language, { title: string; certifies: string; completed: string; offeredBy: string; on: string; code: string; check: string }> = {
  en: { title: 'Certificate of completion', certifies: 'This certifies that', completed: 'has completed the course', offeredBy: 'offered by', on: 'on', code: 'Verification code', check: 'Check this certificate at' },
  fr: { title: 'Certificat de réussite', certifies: 'Ce certificat atteste que', completed: 'a suivi avec succès le cours', offeredBy: 'proposé par', on: 'le', code: 'Code de vérification', check: 'Vérifiez ce certificat sur' },
  es: { title: 'Certificado de finalización', certifies: 'Se certifica que', completed: 'ha completado el curso', offeredBy: 'ofrecido por', on: 'el', code: 'Código de verificación', check: 'Verifique este certificado en' },
  ar: { title: 'Certificate of completion', certifies: 'This certifies that', completed: 'has completed the course', offeredBy: 'offered by', on: 'on', code: 'Verification code', check: 'Check this certificate at' },
};

const LOCALES: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', ar: 'en-GB' };

/** A one-page A4 landscape certificate: who completed which course, offered by whom, when, and where to check it. */
export function certificatePdf(certificate: Certificate, reader: Language, publicUrl: string, timeZone = 'UTC'): Promise<Buffer> {
  const language = pdfLanguage(reader);
  const text = TEXT[language];
  const date = new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeZone: isValidTimeZone(timeZone) ? timeZone : 'UTC' }).format(new Date(certificate.completedAt));
  const verifyUrl = `${publicUrl}/verify/${certificate.code}`;
  return pdfBuffer({
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [60, 70, 60, 60],
    info: { title: `${text.title}: ${certificate.courseTitle}`, creator: 'SIMASHE Workspace' },
    language,
    background: (_page, size) => ({ canvas: [{ type: 'rect', x: 24, y: 24, w: size.width - 48, h: size.height - 48, lineWidth: 2, lineColor: '#0b5394' }] }),
    content: [
      { text: 'SIMASHE Workspace', alignment: 'center', color: '#0b5394', fontSize: 12, margin: [0, 0, 0, 24] },
      { text: text.title, alignment: 'center', fontSize: 30, bold: true, margin: [0, 0, 0, 28] },
      { text: text.certifies, alignment: 'center', fontSize: 14 },
      { text: certificate.learnerName, alignment: 'center', fontSize: 24, bold: true, margin: [0, 10, 0, 10] },
      { text: text.completed, alignment: 'center', fontSize: 14 },
      { text: certificate.courseTitle, alignment: 'center', fontSize: 20, bold: true, margin: [0, 10, 0, 10] },
      { text: `${text.offeredBy} ${certificate.organisationName}, ${text.on} ${date}`, alignment: 'center', fontSize: 14, margin: [0, 0, 0, 40] },
      { text: `${text.code}: ${certificate.code}`, alignment: 'center', fontSize: 14, bold: true },
      { text: [`${text.check} `, { text: verifyUrl, link: verifyUrl, color: '#0b5394' }], alignment: 'center', fontSize: 11, margin: [0, 6, 0, 0] },
    ],
    defaultStyle: { font: 'Roboto' },
  });
}
