import type { CatalogueEntry } from '../types';

/** Joint publications: authors, status, DOI, links and citations. */
export const PUBLICATIONS: CatalogueEntry[] = [
  { en: 'Only editors and admins of the lead organisation can start its publications', fr: 'Seuls les éditeurs et les administrateurs de l’organisation chef de file peuvent lancer ses publications', es: 'Solo los editores y administradores de la organización principal pueden iniciar sus publicaciones', ar: 'لا يمكن إلا لمحرري المنظمة الرائدة ومسؤوليها بدء منشوراتها' },
  { en: 'Only editors and admins of the lead organisation or of an author’s organisation can change this publication', fr: 'Seuls les éditeurs et les administrateurs de l’organisation chef de file ou de l’organisation d’un auteur peuvent modifier cette publication', es: 'Solo los editores y administradores de la organización principal o de la organización de un autor pueden cambiar esta publicación', ar: 'لا يمكن إلا لمحرري المنظمة الرائدة أو منظمة أحد المؤلفين ومسؤوليها تعديل هذا المنشور' },
  { en: 'Only administrators of the lead organisation can delete this publication', fr: 'Seuls les administrateurs de l’organisation chef de file peuvent supprimer cette publication', es: 'Solo los administradores de la organización principal pueden eliminar esta publicación', ar: 'لا يمكن إلا لمسؤولي المنظمة الرائدة حذف هذا المنشور' },
  { en: 'The publication', fr: 'La publication', es: 'La publicación', ar: 'المنشور' },
  { en: 'A publication stays with its lead organisation', fr: 'Une publication reste à son organisation chef de file', es: 'Una publicación sigue perteneciendo a su organización principal', ar: 'يبقى المنشور للمنظمة الرائدة' },
  { en: 'This publication is published; its status no longer changes', fr: 'Cette publication est parue ; son statut ne change plus', es: 'Esta publicación ya está publicada; su estado ya no cambia', ar: 'هذا المنشور منشور؛ لم تعد حالته تتغير' },
  { en: 'A publication moves forward one step at a time (idea, drafting, submitted, under review, published), or back to drafting', fr: 'Une publication avance d’une étape à la fois (idée, rédaction, soumise, en évaluation, parue) ou revient en rédaction', es: 'Una publicación avanza un paso cada vez (idea, redacción, enviada, en revisión, publicada) o vuelve a redacción', ar: 'يتقدّم المنشور خطوة واحدة في كل مرة (فكرة، صياغة، مُقدَّم، قيد المراجعة، منشور) أو يعود إلى الصياغة' },
  { en: 'A linked item does not exist or you cannot read it', fr: 'Un élément lié n’existe pas ou vous ne pouvez pas le lire', es: 'Un elemento vinculado no existe o usted no puede leerlo', ar: 'عنصر مرتبط غير موجود أو لا يمكنكم قراءته' },
  { en: 'Choose an item you can open', fr: 'Choisissez un élément que vous pouvez ouvrir', es: 'Elija un elemento que pueda abrir', ar: 'اختاروا عنصرًا يمكنكم فتحه' },
  { en: 'An author’s organisation does not exist', fr: 'L’organisation d’un auteur n’existe pas', es: 'La organización de un autor no existe', ar: 'منظمة أحد المؤلفين غير موجودة' },
  { en: 'Choose an organisation of the workspace, or none', fr: 'Choisissez une organisation de l’espace de travail, ou aucune', es: 'Elija una organización del espacio de trabajo, o ninguna', ar: 'اختاروا منظمة من مساحة العمل، أو لا شيء' },
  { en: 'Give the DOI, such as 10.1186/s12939-026-01234-5', fr: 'Indiquez le DOI, par exemple 10.1186/s12939-026-01234-5', es: 'Indique el DOI, por ejemplo 10.1186/s12939-026-01234-5', ar: 'أدخلوا رقم DOI، مثل 10.1186/s12939-026-01234-5' },
  { en: 'The DOI is too long', fr: 'Le DOI est trop long', es: 'El DOI es demasiado largo', ar: 'رقم DOI طويل جدًا' },
  { en: 'Given name', fr: 'Le prénom', es: 'El nombre', ar: 'الاسم الأول' },
  { en: 'Family name', fr: 'Le nom de famille', es: 'El apellido', ar: 'اسم العائلة' },
  { en: 'Affiliation', fr: 'L’affiliation', es: 'La afiliación', ar: 'الانتماء المؤسسي' },
  { en: 'Abstract', fr: 'Le résumé', es: 'El resumen', ar: 'الملخص' },
  { en: 'Venue', fr: 'Le lieu de publication', es: 'El medio de publicación', ar: 'جهة النشر' },
  { en: 'At most 50 authors', fr: 'Au plus 50 auteurs', es: 'Como máximo 50 autores', ar: '50 مؤلفًا على الأكثر' },
  { en: 'Name at least one author', fr: 'Indiquez au moins un auteur', es: 'Indique al menos un autor', ar: 'اذكروا مؤلفًا واحدًا على الأقل' },
  { en: 'At most 30 linked items', fr: 'Au plus 30 éléments liés', es: 'Como máximo 30 elementos vinculados', ar: '30 عنصرًا مرتبطًا على الأكثر' },
  { en: 'Link each item once', fr: 'Liez chaque élément une seule fois', es: 'Vincule cada elemento una sola vez', ar: 'اربطوا كل عنصر مرة واحدة فقط' },
  { en: 'A published output needs its DOI', fr: 'Une publication parue doit avoir son DOI', es: 'Una publicación publicada necesita su DOI', ar: 'يحتاج المنشور المنشور إلى رقم DOI الخاص به' },
  { en: 'Format must be bibtex or ris', fr: 'Le format doit être bibtex ou ris', es: 'El formato debe ser bibtex o ris', ar: 'يجب أن يكون التنسيق bibtex أو ris' },
];
