import { pdfBuffer, textInColumn } from '@simashe/api-reports';
import { isValidTimeZone, RTL_LANGUAGES, type Certificate, type Language } from '@simashe/contracts';

/**
 * The certificate's words in the learner's language (as the printable page words it: web training catalogue's
 * certificate.sheet). Arabic lines are set in the Arabic font, in the order they are
 * seen (pdfBuffer); the organisation's name and the date are placed inside the sentence by each language.
 */
const TEXT: Record<Language, { title: string; certifies: string; completed: string; offered: (organisation: string, date: string) => string; code: string; check: string }> = {
  en: { title: 'Certificate of completion', certifies: 'This certifies that', completed: 'has completed the course', offered: (o, d) => `offered by ${o}, on ${d}`, code: 'Verification code', check: 'Check this certificate at' },
  fr: { title: 'Certificat de réussite', certifies: 'Ce certificat atteste que', completed: 'a suivi avec succès le cours', offered: (o, d) => `proposé par ${o}, le ${d}`, code: 'Code de vérification', check: 'Vérifiez ce certificat sur' },
  es: { title: 'Certificado de finalización', certifies: 'Se certifica que', completed: 'ha completado el curso', offered: (o, d) => `ofrecido por ${o}, el ${d}`, code: 'Código de verificación', check: 'Verifique este certificado en' },
  ar: { title: 'شهادة إتمام', certifies: 'تشهد هذه الوثيقة بأن', completed: 'قد أتمّ الدورة', offered: (o, d) => `التي تقدّمها ${o}، بتاريخ ${d}`, code: 'رمز التحقق', check: 'تحقّقوا من هذه الشهادة على' },
};

const LOCALES: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES', ar: 'ar' };

/** A4 landscape less the 60 pt margins. */
const LINE_WIDTH = 842 - 120;

/** A one-page A4 landscape certificate: who completed which course, offered by whom, when, and where to check it. */
export function certificatePdf(certificate: Certificate, reader: Language, publicUrl: string, timeZone = 'UTC'): Promise<Buffer> {
  const text = TEXT[reader];
  const date = new Intl.DateTimeFormat(LOCALES[reader], { dateStyle: 'long', timeZone: isValidTimeZone(timeZone) ? timeZone : 'UTC' }).format(new Date(certificate.completedAt));
  const verifyUrl = `${publicUrl}/verify/${certificate.code}`;
  // Each line laid out for the page's width (a long course title or organisation wraps in reading order): the
  // certificate's own words in the reader's direction, a name or a title in its own (by its first letter).
  const direction = RTL_LANGUAGES.includes(reader) ? 'rtl' : 'ltr';
  const line = (words: string, props: { fontSize: number; bold?: boolean; margin?: [number, number, number, number] }, whose: 'ours' | 'theirs' = 'ours') =>
    textInColumn(words, LINE_WIDTH, { alignment: 'center', ...props }, whose === 'ours' ? direction : undefined);
  return pdfBuffer({
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [60, 70, 60, 60],
    info: { title: `${text.title}: ${certificate.courseTitle}`, creator: 'SIMASHE Workspace' },
    language: reader,
    background: (_page, size) => ({ canvas: [{ type: 'rect', x: 24, y: 24, w: size.width - 48, h: size.height - 48, lineWidth: 2, lineColor: '#0b5394' }] }),
    content: [
      { text: 'SIMASHE Workspace', alignment: 'center', color: '#0b5394', fontSize: 12, margin: [0, 0, 0, 24] },
      line(text.title, { fontSize: 30, bold: true, margin: [0, 0, 0, 28] }),
      line(text.certifies, { fontSize: 14 }),
      line(certificate.learnerName, { fontSize: 24, bold: true, margin: [0, 10, 0, 10] }, 'theirs'),
      line(text.completed, { fontSize: 14 }),
      line(certificate.courseTitle, { fontSize: 20, bold: true, margin: [0, 10, 0, 10] }, 'theirs'),
      line(text.offered(certificate.organisationName, date), { fontSize: 14, margin: [0, 0, 0, 40] }),
      line(`${text.code}: ${certificate.code}`, { fontSize: 14, bold: true }),
      // The address on a line of its own: in a right-to-left line it would have to be placed by hand.
      line(text.check, { fontSize: 11, margin: [0, 6, 0, 0] }),
      { text: verifyUrl, link: verifyUrl, color: '#0b5394', alignment: 'center', fontSize: 11 },
    ],
    defaultStyle: { font: 'Roboto' },
  });
}
