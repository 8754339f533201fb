import type { CatalogueEntry } from '../types';

/** api-resources and its contract: the resource library and its collections. */
export const RESOURCES: CatalogueEntry[] = [
  { en: 'The resource’s fields are missing (form field "resource")', fr: 'Les champs de la ressource manquent (champ « resource »)', es: 'Faltan los campos del recurso (campo «resource»)', ar: 'حقول المورد مفقودة (الحقل «resource»)' },
  { en: 'The resource has no file: it is a link', fr: 'La ressource n’a pas de fichier : c’est un lien', es: 'El recurso no tiene archivo: es un enlace', ar: 'لا ملف لهذا المورد: إنه رابط' },
  { en: 'Some resources of the collection do not exist', fr: 'Certaines ressources de la collection n’existent pas', es: 'Algunos recursos de la colección no existen', ar: 'بعض موارد المجموعة غير موجودة' },
  { en: 'No resource {id}', fr: 'Aucune ressource {id}', es: 'No existe el recurso {id}', ar: 'لا يوجد مورد {id}' },
  { en: 'Summary', fr: 'Le résumé', es: 'El resumen', ar: 'الملخص' },
  { en: 'Author', fr: 'L’auteur', es: 'El autor', ar: 'المؤلف' },
  { en: 'At most 30 authors', fr: '30 auteurs au plus', es: 'Como máximo 30 autores', ar: '30 مؤلفًا على الأكثر' },
  { en: 'Year must be 1950 or later', fr: 'L’année doit être 1950 ou plus tard', es: 'El año debe ser 1950 o posterior', ar: 'يجب أن تكون السنة 1950 أو بعدها' },
  { en: 'Year must be a whole number', fr: 'L’année doit être un nombre entier', es: 'El año debe ser un número entero', ar: 'يجب أن تكون السنة عددًا صحيحًا' },
  { en: 'The link is too long', fr: 'Le lien est trop long', es: 'El enlace es demasiado largo', ar: 'الرابط طويل جدًا' },
  { en: 'The link must be an http(s) address', fr: 'Le lien doit être une adresse http(s)', es: 'El enlace debe ser una dirección http(s)', ar: 'يجب أن يكون الرابط عنوان http(s)' },
  { en: 'Description', fr: 'La description', es: 'La descripción', ar: 'الوصف' },
  { en: 'At most 100 resources in a collection', fr: '100 ressources au plus par collection', es: 'Como máximo 100 recursos por colección', ar: '100 مورد على الأكثر في المجموعة' },
  { en: 'Year', fr: 'L’année', es: 'El año', ar: 'السنة' },
  { en: 'The search text', fr: 'Le texte recherché', es: 'El texto de búsqueda', ar: 'نص البحث' },
  { en: 'resource', fr: 'ressource', es: 'recurso', ar: 'مورد' },
];
