import type { CatalogueEntry } from '../types';

/** Accounts: sign-in, sessions, passwords, rate limits; the audit log's paging. */
export const ACCOUNTS: CatalogueEntry[] = [
  { en: 'No active session', fr: 'Aucune session active', es: 'No hay ninguna sesión activa', ar: 'لا توجد جلسة نشطة' },
  { en: 'Email or password is incorrect', fr: 'L’adresse e-mail ou le mot de passe est incorrect', es: 'El correo electrónico o la contraseña son incorrectos', ar: 'البريد الإلكتروني أو كلمة المرور غير صحيحة' },
  { en: '{what}. Try again in {minutes} minute(s).', fr: '{what}. Réessayez dans {minutes} minute(s).', es: '{what}. Vuelva a intentarlo en {minutes} minuto(s).', ar: '{what}. حاول مرة أخرى بعد {minutes} دقيقة.' },
  { en: 'Too many failed password attempts', fr: 'Trop de tentatives de mot de passe infructueuses', es: 'Demasiados intentos fallidos de contraseña', ar: 'محاولات فاشلة كثيرة جدًا لإدخال كلمة المرور' },
  { en: 'Too many password reset requests', fr: 'Trop de demandes de réinitialisation du mot de passe', es: 'Demasiadas solicitudes de restablecimiento de contraseña', ar: 'طلبات كثيرة جدًا لإعادة تعيين كلمة المرور' },
  { en: 'Too many invalid password reset links', fr: 'Trop de liens de réinitialisation du mot de passe non valides', es: 'Demasiados enlaces de restablecimiento de contraseña no válidos', ar: 'روابط غير صالحة كثيرة جدًا لإعادة تعيين كلمة المرور' },
  {
    en: 'If an account uses this email address, a link to choose a new password is on its way. It works once and expires soon; check your spam folder if it does not arrive.',
    fr: 'Si un compte utilise cette adresse e-mail, un lien pour choisir un nouveau mot de passe est en route. Il ne fonctionne qu’une fois et expire bientôt ; vérifiez vos courriers indésirables s’il n’arrive pas.',
    es: 'Si alguna cuenta usa esta dirección de correo electrónico, se le está enviando un enlace para elegir una nueva contraseña. Funciona una sola vez y caduca pronto; revise su carpeta de correo no deseado si no le llega.',
    ar: 'إذا كان هناك حساب يستخدم عنوان البريد الإلكتروني هذا، فإن رابطًا لاختيار كلمة مرور جديدة في طريقه إليك. يعمل الرابط مرة واحدة وتنتهي صلاحيته قريبًا؛ تحقق من مجلد الرسائل غير المرغوب فيها إذا لم يصل.',
  },
  { en: 'The current password is not correct', fr: 'Le mot de passe actuel est incorrect', es: 'La contraseña actual no es correcta', ar: 'كلمة المرور الحالية غير صحيحة' },
  {
    en: 'This password reset link has already been used; ask for a new one if you need to',
    fr: 'Ce lien de réinitialisation du mot de passe a déjà été utilisé ; demandez-en un nouveau si nécessaire',
    es: 'Este enlace de restablecimiento de contraseña ya se usó; solicite uno nuevo si lo necesita',
    ar: 'سبق استخدام رابط إعادة تعيين كلمة المرور هذا؛ اطلب رابطًا جديدًا إذا احتجت إليه',
  },
  {
    en: 'This password reset link is not valid; copy the whole link from the email, or ask for a new one',
    fr: 'Ce lien de réinitialisation du mot de passe n’est pas valide ; copiez le lien complet depuis l’e-mail, ou demandez-en un nouveau',
    es: 'Este enlace de restablecimiento de contraseña no es válido; copie el enlace completo del correo electrónico o solicite uno nuevo',
    ar: 'رابط إعادة تعيين كلمة المرور هذا غير صالح؛ انسخ الرابط كاملًا من البريد الإلكتروني، أو اطلب رابطًا جديدًا',
  },
  {
    en: 'This password reset link has expired; ask for a new one',
    fr: 'Ce lien de réinitialisation du mot de passe a expiré ; demandez-en un nouveau',
    es: 'Este enlace de restablecimiento de contraseña ha caducado; solicite uno nuevo',
    ar: 'انتهت صلاحية رابط إعادة تعيين كلمة المرور هذا؛ اطلب رابطًا جديدًا',
  },
  {
    en: 'Missing or stale security token (X-CSRF-Token); reload the page and try again',
    fr: 'Jeton de sécurité (X-CSRF-Token) absent ou périmé ; rechargez la page et réessayez',
    es: 'Falta el token de seguridad (X-CSRF-Token) o está caducado; vuelva a cargar la página e inténtelo de nuevo',
    ar: 'رمز الأمان (X-CSRF-Token) مفقود أو منتهي الصلاحية؛ أعد تحميل الصفحة وحاول مرة أخرى',
  },
  { en: 'Request origin is not valid', fr: 'L’origine de la requête n’est pas valide', es: 'El origen de la solicitud no es válido', ar: 'مصدر الطلب غير صالح' },
  { en: 'Cross-site requests are not allowed', fr: 'Les requêtes intersites ne sont pas autorisées', es: 'No se permiten solicitudes entre sitios', ar: 'الطلبات عبر المواقع غير مسموح بها' },
  { en: 'The session', fr: 'La session', es: 'La sesión', ar: 'الجلسة' },
  { en: 'The user', fr: 'L’utilisateur', es: 'El usuario', ar: 'المستخدم' },
  { en: 'An account with this email already exists; sign in instead', fr: 'Un compte avec cette adresse e-mail existe déjà ; connectez-vous plutôt', es: 'Ya existe una cuenta con este correo electrónico; inicie sesión', ar: 'يوجد حساب بهذا البريد الإلكتروني بالفعل؛ سجّل الدخول بدلًا من ذلك' },
  { en: 'This page link is not valid; start again from the first page', fr: 'Ce lien de page n’est pas valide ; recommencez à partir de la première page', es: 'Este enlace de página no es válido; vuelva a empezar desde la primera página', ar: 'رابط الصفحة هذا غير صالح؛ ابدأ من جديد من الصفحة الأولى' },
  { en: 'Not a cursor this API gave', fr: 'Ce curseur n’a pas été fourni par cette API', es: 'No es un cursor proporcionado por esta API', ar: 'ليس مؤشرًا صادرًا عن واجهة البرمجة هذه' },
  { en: 'The version', fr: 'La version', es: 'La versión', ar: 'النسخة' },
];
