import type { ReportImagesTranslation } from './en';

/** Imágenes en el texto de un informe, en español. */
export const reportImagesEs: ReportImagesTranslation = {
  insert: 'Imagen',
  insertLabel: 'Insertar una imagen (PNG, JPEG, GIF o WebP)',
  slash: 'Imagen',
  chooseFile: 'Elegir una imagen para insertar',
  uploading: 'Subiendo {{name}}…',
  uploaded: 'Imagen añadida.',
  failed: 'No se pudo añadir {{name}}: {{reason}}',
  dismiss: 'Cerrar',
  wrongType: 'solo se pueden añadir imágenes PNG, JPEG, GIF y WebP (no SVG).',
  tooLarge: 'las imágenes tienen como máximo {{size}} MB.',
  altText: 'Texto alternativo',
  altButton: 'Texto alt.',
  altTitle: 'Describir la imagen',
  altHint: 'Lo que necesita saber quien no puede ver la imagen: lo leen los lectores de pantalla y se conserva en las exportaciones.',
  altMissing: 'Esta imagen aún no tiene texto alternativo.',
  save: 'Guardar',
  tools: 'Imagen',
};
