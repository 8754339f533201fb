import type { ReportImagesTranslation } from './en';

/** Images dans le texte d’un rapport, en français. */
export const reportImagesFr: ReportImagesTranslation = {
  insert: 'Image',
  insertLabel: 'Insérer une image (PNG, JPEG, GIF ou WebP)',
  slash: 'Image',
  chooseFile: 'Choisir une image à insérer',
  uploading: 'Envoi de {{name}}…',
  uploaded: 'Image ajoutée.',
  failed: 'Impossible d’ajouter {{name}} : {{reason}}',
  dismiss: 'Fermer',
  wrongType: 'seules les images PNG, JPEG, GIF et WebP peuvent être ajoutées (pas les SVG).',
  tooLarge: 'les images font au plus {{size}} Mo.',
  altText: 'Texte de remplacement',
  altButton: 'Texte alt.',
  altTitle: 'Décrire l’image',
  altHint: 'Ce qu’une personne qui ne voit pas l’image doit savoir : il est lu par les lecteurs d’écran et conservé dans les exports.',
  altMissing: 'Cette image n’a pas encore de texte de remplacement.',
  save: 'Enregistrer',
  tools: 'Image',
};
