import type { CatalogueEntry } from '../types';

/** api-core: the error classes' defaults, the global error filter, request checks and uploads. */
export const CORE: CatalogueEntry[] = [
  // Multipart forms' JSON part (parseJsonField).
  { en: 'The form is not valid JSON', fr: 'Le formulaire n’est pas du JSON valide', es: 'El formulario no es JSON válido', ar: 'النموذج ليس بصيغة JSON صالحة' },
  { en: 'Not valid JSON', fr: 'JSON non valide', es: 'JSON no válido', ar: 'صيغة JSON غير صالحة' },
  { en: 'Check the form', fr: 'Vérifiez le formulaire', es: 'Revise el formulario', ar: 'راجعوا النموذج' },
  { en: 'Sign in to continue', fr: 'Connectez-vous pour continuer', es: 'Inicie sesión para continuar', ar: 'سجّل الدخول للمتابعة' },
  { en: 'You do not have permission to do this', fr: 'Vous n’avez pas l’autorisation de faire cela', es: 'No tiene permiso para hacer esto', ar: 'ليست لديك صلاحية للقيام بذلك' },
  { en: '{what} was not found', fr: '{what} est introuvable', es: 'No se encontró {what}', ar: 'لم يُعثر على {what}' },
  { en: 'The requested item', fr: 'L’élément demandé', es: 'El elemento solicitado', ar: 'العنصر المطلوب' },
  { en: 'The requested resource was not found', fr: 'La ressource demandée est introuvable', es: 'No se encontró el recurso solicitado', ar: 'لم يُعثر على المورد المطلوب' },
  { en: 'Invalid request', fr: 'Requête non valide', es: 'Solicitud no válida', ar: 'طلب غير صالح' },
  { en: 'Invalid request — {summary}', fr: 'Requête non valide — {summary}', es: 'Solicitud no válida — {summary}', ar: 'طلب غير صالح — {summary}' },
  { en: 'Unknown field(s): {fields}', fr: 'Champ(s) inconnu(s) : {fields}', es: 'Campo(s) desconocido(s): {fields}', ar: 'حقول غير معروفة: {fields}' },
  { en: 'Request body is too large', fr: 'Le corps de la requête est trop volumineux', es: 'El cuerpo de la solicitud es demasiado grande', ar: 'محتوى الطلب كبير جدًا' },
  { en: 'Request body is not valid JSON', fr: 'Le corps de la requête n’est pas du JSON valide', es: 'El cuerpo de la solicitud no es un JSON válido', ar: 'محتوى الطلب ليس بصيغة JSON صالحة' },
  {
    en: 'The database cannot be reached at the moment; nothing was changed. Try again shortly',
    fr: 'La base de données est injoignable pour le moment ; rien n’a été modifié. Réessayez dans un instant',
    es: 'No se puede acceder a la base de datos en este momento; no se modificó nada. Vuelva a intentarlo en breve',
    ar: 'تعذّر الوصول إلى قاعدة البيانات حاليًا؛ لم يتغيّر شيء. حاول مجددًا بعد قليل',
  },
  {
    en: 'Something went wrong on our side; it has been logged',
    fr: 'Un problème est survenu de notre côté ; il a été consigné',
    es: 'Algo salió mal por nuestra parte; quedó registrado',
    ar: 'حدث خطأ من جهتنا، وقد سُجِّل',
  },
  {
    en: '{field} contains a control character (such as NUL), which is not allowed',
    fr: '{field} contient un caractère de contrôle (comme NUL), ce qui n’est pas autorisé',
    es: '{field} contiene un carácter de control (como NUL), lo cual no está permitido',
    ar: 'يحتوي {field} على حرف تحكم (مثل NUL)، وهذا غير مسموح',
  },
  { en: 'Control characters (such as NUL) are not allowed', fr: 'Les caractères de contrôle (comme NUL) ne sont pas autorisés', es: 'No se permiten caracteres de control (como NUL)', ar: 'أحرف التحكم (مثل NUL) غير مسموح بها' },
  {
    en: '{field} contains a lone surrogate (text that is not valid Unicode), which is not allowed',
    fr: '{field} contient un demi-code isolé (texte Unicode non valide), ce qui n’est pas autorisé',
    es: '{field} contiene un sustituto aislado (texto Unicode no válido), lo cual no está permitido',
    ar: 'يحتوي {field} على بديل منفرد (نص Unicode غير صالح)، وهذا غير مسموح',
  },
  { en: 'Lone surrogates (malformed Unicode) are not allowed', fr: 'Les demi-codes isolés (Unicode mal formé) ne sont pas autorisés', es: 'No se permiten sustitutos aislados (Unicode mal formado)', ar: 'البدائل المنفردة (Unicode غير سليم) غير مسموح بها' },
  { en: '{field} is nested more than {levels} levels deep', fr: '{field} est imbriqué sur plus de {levels} niveaux', es: '{field} está anidado en más de {levels} niveles', ar: 'يتداخل {field} في أكثر من {levels} مستوى' },
  { en: 'Nested more than {levels} levels deep', fr: 'Imbriqué sur plus de {levels} niveaux', es: 'Anidado en más de {levels} niveles', ar: 'متداخل في أكثر من {levels} مستوى' },
  {
    en: 'Files of type {type} are not accepted; use PDF, Word, Excel, PowerPoint, CSV, text, PNG or JPEG',
    fr: 'Les fichiers de type {type} ne sont pas acceptés ; utilisez PDF, Word, Excel, PowerPoint, CSV, texte, PNG ou JPEG',
    es: 'No se aceptan archivos de tipo {type}; use PDF, Word, Excel, PowerPoint, CSV, texto, PNG o JPEG',
    ar: 'الملفات من نوع {type} غير مقبولة؛ استخدم PDF أو Word أو Excel أو PowerPoint أو CSV أو نصًا أو PNG أو JPEG',
  },
  { en: 'unknown', fr: 'inconnu', es: 'desconocido', ar: 'غير معروف' },
  { en: 'The file is empty', fr: 'Le fichier est vide', es: 'El archivo está vacío', ar: 'الملف فارغ' },
  { en: 'The file\'s content is not a {kind} file', fr: 'Le contenu du fichier n’est pas celui d’un fichier {kind}', es: 'El contenido del archivo no es el de un archivo {kind}', ar: 'محتوى الملف ليس ملف {kind}' },
  { en: 'Choose a file to upload', fr: 'Choisissez un fichier à téléverser', es: 'Elija un archivo para subir', ar: 'اختر ملفًا لرفعه' },
  { en: 'No file in the upload (form field "file")', fr: 'Aucun fichier dans l’envoi (champ de formulaire « file »)', es: 'No hay ningún archivo en la subida (campo de formulario "file")', ar: 'لا يوجد ملف في الرفع (حقل النموذج "file")' },
];
