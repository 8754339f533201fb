import type { CatalogueEntry } from '../types';

/**
 * Shared contract helpers: sentences built around a field's name (`${field} is required`), and the names the
 * helpers are given. Names carry their article ("Le titre"), so a sentence may open with them; in the middle of a
 * sentence the translation lowers their first letter ("Indiquez le titre").
 */
export const CONTRACTS: CatalogueEntry[] = [
  { en: '{field} is required', fr: 'Indiquez {field}', es: 'Indique {field}', ar: 'يُرجى إدخال {field}' },
  { en: '{field} must be at most {max} characters', fr: '{field} doit comporter au plus {max} caractères', es: '{field} debe tener como máximo {max} caracteres', ar: 'يجب ألا يتجاوز طول {field} {max} حرف' },
  { en: '{field} must be at least {min} characters', fr: '{field} doit comporter au moins {min} caractères', es: '{field} debe tener al menos {min} caracteres', ar: 'يجب ألا يقل طول {field} عن {min} أحرف' },
  {
    en: '{field} cannot be made only of invisible characters (such as zero-width spaces)',
    fr: '{field} ne peut pas contenir uniquement des caractères invisibles (comme des espaces de largeur nulle)',
    es: '{field} no puede contener solo caracteres invisibles (como espacios de ancho cero)',
    ar: 'لا يمكن أن يقتصر محتوى {field} على أحرف غير مرئية (مثل المسافات الصفرية العرض)',
  },
  { en: '{field} is too large', fr: '{field} dépasse la valeur maximale', es: '{field} supera el valor máximo', ar: 'قيمة {field} أكبر من الحد الأقصى' },
  { en: '{field} is too small', fr: '{field} est en dessous de la valeur minimale', es: '{field} está por debajo del valor mínimo', ar: 'قيمة {field} أقل من الحد الأدنى' },
  { en: '{field} must be a number', fr: '{field} doit être un nombre', es: '{field} debe ser un número', ar: 'يجب أن تكون قيمة {field} رقمًا' },
  { en: '{field} must be a finite number', fr: '{field} doit être un nombre fini', es: '{field} debe ser un número finito', ar: 'يجب أن تكون قيمة {field} رقمًا محدودًا' },
  { en: '{field} must be one of: {values}', fr: '{field} doit être l’une des valeurs suivantes : {values}', es: '{field} debe ser uno de estos valores: {values}', ar: 'يجب أن تكون قيمة {field} إحدى القيم التالية: {values}' },
  { en: 'Each {field} once', fr: 'Chaque {field} une seule fois', es: 'Cada {field} una sola vez', ar: 'كل {field} مرة واحدة فقط' },
  // Field names given to the helpers.
  { en: 'Name', fr: 'Le nom', es: 'El nombre', ar: 'الاسم' },
  { en: 'Title', fr: 'Le titre', es: 'El título', ar: 'العنوان' },
  { en: 'Action', fr: 'L’action', es: 'La acción', ar: 'الإجراء' },
  { en: 'Language', fr: 'La langue', es: 'El idioma', ar: 'اللغة' },
  { en: 'Decision', fr: 'La décision', es: 'La decisión', ar: 'القرار' },
  { en: 'Stage', fr: 'L’étape', es: 'La etapa', ar: 'المرحلة' },
  { en: 'Status', fr: 'Le statut', es: 'El estado', ar: 'الحالة' },
  { en: 'Kind', fr: 'Le type', es: 'El tipo', ar: 'النوع' },
  { en: 'Direction', fr: 'Le sens', es: 'La dirección', ar: 'الاتجاه' },
  { en: 'Frequency', fr: 'La fréquence', es: 'La frecuencia', ar: 'التواتر' },
  { en: 'Chart', fr: 'Le graphique', es: 'El gráfico', ar: 'المخطط' },
  { en: 'Role', fr: 'Le rôle', es: 'El rol', ar: 'الدور' },
  { en: 'Region', fr: 'La région', es: 'La región', ar: 'الإقليم' },
  { en: 'The measure must be one of: {values}', fr: 'La mesure synthétique doit être l’une des suivantes : {values}', es: 'La medida resumen debe ser una de estas: {values}', ar: 'يجب أن يكون المقياس الموجز أحد ما يلي: {values}' },
  // Common contracts.
  { en: 'Time zone is too long', fr: 'Le fuseau horaire est trop long', es: 'La zona horaria es demasiado larga', ar: 'المنطقة الزمنية طويلة جدًا' },
  { en: 'Time zone is required', fr: 'Indiquez un fuseau horaire', es: 'Indique una zona horaria', ar: 'يُرجى إدخال المنطقة الزمنية' },
  { en: 'Time zone must be an IANA name such as Europe/Zurich or Africa/Nairobi', fr: 'Le fuseau horaire doit être un nom IANA comme Europe/Zurich ou Africa/Nairobi', es: 'La zona horaria debe ser un nombre IANA como Europe/Zurich o Africa/Nairobi', ar: 'يجب أن تكون المنطقة الزمنية اسمًا من IANA مثل Europe/Zurich أو Africa/Nairobi' },
  { en: 'Must be a valid identifier (UUID)', fr: 'Doit être un identifiant valide (UUID)', es: 'Debe ser un identificador válido (UUID)', ar: 'يجب أن يكون معرّفًا صالحًا (UUID)' },
  { en: 'Email address is required', fr: 'Indiquez une adresse e-mail', es: 'Indique una dirección de correo electrónico', ar: 'يُرجى إدخال عنوان البريد الإلكتروني' },
  { en: 'Email address is too long', fr: 'L’adresse e-mail est trop longue', es: 'La dirección de correo electrónico es demasiado larga', ar: 'عنوان البريد الإلكتروني طويل جدًا' },
  { en: 'Enter a valid email address', fr: 'Saisissez une adresse e-mail valide', es: 'Introduzca una dirección de correo electrónico válida', ar: 'أدخل عنوان بريد إلكتروني صالحًا' },
  { en: 'Password must be at least 10 characters', fr: 'Le mot de passe doit comporter au moins 10 caractères', es: 'La contraseña debe tener al menos 10 caracteres', ar: 'يجب ألا تقل كلمة المرور عن 10 أحرف' },
  { en: 'Password must be at most 200 characters', fr: 'Le mot de passe doit comporter au plus 200 caractères', es: 'La contraseña debe tener como máximo 200 caracteres', ar: 'يجب ألا تتجاوز كلمة المرور 200 حرف' },
  { en: 'Provide at least one field to change', fr: 'Indiquez au moins un champ à modifier', es: 'Indique al menos un campo que cambiar', ar: 'أدخل حقلًا واحدًا على الأقل لتغييره' },
  { en: 'Invitation link is malformed; copy the whole link from the invitation', fr: 'Le lien d’invitation est mal formé ; copiez le lien complet depuis l’invitation', es: 'El enlace de invitación está mal formado; copie el enlace completo de la invitación', ar: 'رابط الدعوة غير سليم؛ انسخ الرابط كاملًا من الدعوة' },
  { en: 'Current password is required', fr: 'Indiquez votre mot de passe actuel', es: 'Indique su contraseña actual', ar: 'يُرجى إدخال كلمة المرور الحالية' },
  { en: 'Password reset link is malformed; copy the whole link from the email', fr: 'Le lien de réinitialisation du mot de passe est mal formé ; copiez le lien complet depuis l’e-mail', es: 'El enlace de restablecimiento de contraseña está mal formado; copie el enlace completo del correo electrónico', ar: 'رابط إعادة تعيين كلمة المرور غير سليم؛ انسخ الرابط كاملًا من البريد الإلكتروني' },
  { en: 'The reset link is required', fr: 'Le lien de réinitialisation est requis', es: 'Se requiere el enlace de restablecimiento', ar: 'رابط إعادة التعيين مطلوب' },
  // Audit contracts.
  { en: 'Actor must be at most 200 characters', fr: 'L’auteur doit comporter au plus 200 caractères', es: 'El autor debe tener como máximo 200 caracteres', ar: 'يجب ألا يتجاوز اسم المنفِّذ 200 حرف' },
  { en: 'The first day must be on or before the last day', fr: 'Le premier jour doit être antérieur ou égal au dernier jour', es: 'El primer día debe ser igual o anterior al último', ar: 'يجب أن يكون اليوم الأول في اليوم الأخير أو قبله' },
  { en: 'Limit must be at most 100', fr: 'La limite doit être au plus 100', es: 'El límite debe ser como máximo 100', ar: 'يجب ألا يتجاوز الحد 100' },
  { en: 'Limit must be at least 1', fr: 'La limite doit être au moins 1', es: 'El límite debe ser al menos 1', ar: 'يجب أن يكون الحد 1 على الأقل' },
  { en: 'Limit must be a whole number', fr: 'La limite doit être un nombre entier', es: 'El límite debe ser un número entero', ar: 'يجب أن يكون الحد عددًا صحيحًا' },
  // Organisation contracts.
  { en: 'Country must be an ISO 3166-1 alpha-3 code such as KEN', fr: 'Le pays doit être un code ISO 3166-1 alpha-3 comme KEN', es: 'El país debe ser un código ISO 3166-1 alfa-3 como KEN', ar: 'يجب أن يكون البلد رمزًا بمعيار ISO 3166-1 alpha-3 مثل KEN' },
  { en: 'A country pathfinder needs its country', fr: 'Un pays pionnier doit indiquer son pays', es: 'Un país pionero necesita su país', ar: 'يحتاج البلد الرائد إلى تحديد بلده' },
  { en: 'A regional office needs its WHO region', fr: 'Un bureau régional doit indiquer sa région OMS', es: 'Una oficina regional necesita su región de la OMS', ar: 'يحتاج المكتب الإقليمي إلى تحديد إقليمه في منظمة الصحة العالمية' },
  { en: 'Use a 24-hour time such as 09:00', fr: 'Indiquez une heure au format 24 h, comme 09:00', es: 'Use una hora en formato de 24 horas, como 09:00', ar: 'استخدم وقتًا بنظام 24 ساعة مثل 09:00' },
];
