import { languageFromAcceptLanguage, matchMessage, translateMessage } from './translate';

describe('translateMessage', () => {
  it('translates a known sentence into each language', () => {
    expect(translateMessage('Request origin is not valid', 'fr')).toBe('L’origine de la requête n’est pas valide');
    expect(translateMessage('Request origin is not valid', 'es')).toBe('El origen de la solicitud no es válido');
    expect(translateMessage('Request origin is not valid', 'ar')).toBe('مصدر الطلب غير صالح');
  });

  it('returns English as written', () => {
    expect(translateMessage('The report was not found', 'en')).toBe('The report was not found');
  });

  it('fills placeholders, translating values it knows', () => {
    expect(translateMessage('The report was not found', 'fr')).toBe('Le rapport est introuvable');
    expect(translateMessage('The report was not found', 'es')).toBe('No se encontró el informe');
    expect(translateMessage('The report was not found', 'ar')).toBe('لم يُعثر على التقرير');
  });

  it('translates values nested two levels deep', () => {
    // NotFoundError(`Version ${n} of the dataset`) → "{what} was not found" around "Version {number} of the dataset".
    expect(translateMessage('Version 3 of the dataset was not found', 'fr')).toBe('La version 3 du jeu de données est introuvable');
    expect(translateMessage('Version 3 of the dataset was not found', 'ar')).toBe('لم يُعثر على النسخة 3 من مجموعة البيانات');
  });

  it('keeps values it does not know (names, emails, titles) as written', () => {
    expect(translateMessage('ana@example.org is already a member of Kenya country pathfinder', 'fr')).toBe('ana@example.org est déjà membre de Kenya country pathfinder');
    expect(translateMessage('A lesson holds at most 10 files; remove one first', 'es')).toBe('Una lección contiene como máximo 10 archivos; quite uno primero');
  });

  it('lowers the capital of a known value inside a sentence, not at its start, nor of an acronym', () => {
    expect(translateMessage('Title is required', 'fr')).toBe('Indiquez le titre');
    expect(translateMessage('Title must be at most 200 characters', 'fr')).toBe('Le titre doit comporter au plus 200 caractères');
    expect(translateMessage('Title is required', 'es')).toBe('Indique el título');
    expect(translateMessage('The aim (what) is required', 'fr')).toBe('Indiquez l’objectif (quoi)');
    expect(translateMessage('SII needs an ordered dimension', 'fr')).toBe('SII nécessite une dimension ordonnée');
  });

  it('prefers the most specific entry', () => {
    expect(translateMessage('Password is required', 'fr')).toBe('Indiquez un mot de passe');
    expect(translateMessage('Unknown report in the evidence', 'fr')).toBe('Rapport inconnu parmi les données probantes');
  });

  it('words sentences of the rate limiter around a known reason', () => {
    expect(translateMessage('Too many failed password attempts. Try again in 15 minute(s).', 'fr')).toBe('Trop de tentatives de mot de passe infructueuses. Réessayez dans 15 minute(s).');
  });

  it('translates sentences joined with "; " one by one', () => {
    expect(translateMessage('Invalid date; Too long', 'fr')).toBe('Date non valide ; Trop long');
    expect(translateMessage('Invalid date; Too long', 'ar')).toBe('تاريخ غير صالح؛ طويل جدًا');
  });

  it('writes Arabic with the value in place', () => {
    expect(translateMessage('Cycle 2 is still running; close it before starting the next one', 'ar')).toBe('الدورة 2 ما زالت جارية؛ أغلقها قبل بدء الدورة التالية');
  });

  it('returns an unknown sentence unchanged', () => {
    expect(translateMessage('Something nobody wrote down', 'fr')).toBe('Something nobody wrote down');
    expect(translateMessage('', 'ar')).toBe('');
    expect(matchMessage('Something nobody wrote down')).toBeUndefined();
  });
});

describe('languageFromAcceptLanguage', () => {
  it('picks the best supported language by quality', () => {
    expect(languageFromAcceptLanguage('fr-CH, fr;q=0.9, en;q=0.8')).toBe('fr');
    expect(languageFromAcceptLanguage('de-DE, es;q=0.5, en;q=0.7')).toBe('en');
    expect(languageFromAcceptLanguage('ar-EG')).toBe('ar');
    expect(languageFromAcceptLanguage('ES')).toBe('es');
  });

  it('gives undefined when nothing fits', () => {
    expect(languageFromAcceptLanguage(undefined)).toBeUndefined();
    expect(languageFromAcceptLanguage('de, *;q=0.1')).toBeUndefined();
    expect(languageFromAcceptLanguage('fr;q=0')).toBeUndefined();
  });
});
