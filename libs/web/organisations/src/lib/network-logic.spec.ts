import type { ExpertiseArea, PublicInstitution } from '@simashe/contracts';
import { filterInstitutions, foldText, websiteLabel } from './network-logic';
import { countryName } from '@simashe/web-i18n';

const institution = (id: string, name: string, country: PublicInstitution['country'], expertise: ExpertiseArea[]): PublicInstitution => ({
  id,
  name,
  country,
  region: null,
  expertise,
  website: null,
  representatives: [],
});

const GHANA = institution('ghana', 'University of Ghana School of Public Health', { iso3: 'GHA', iso2: 'GH', name: 'Ghana', regionCode: 'AFRO' }, ['inequality_monitoring', 'survey_methods']);
const MOROCCO = institution('morocco', 'Institut national d’administration sanitaire', { iso3: 'MAR', iso2: 'MA', name: 'Morocco', regionCode: 'EMRO' }, ['health_systems', 'geospatial_analysis']);
const CHILE = institution('chile', 'Centro de Estudios de Equidad en Salud', { iso3: 'CHL', iso2: 'CL', name: 'Chile', regionCode: 'AMRO' }, ['gender_equity']);
const NOWHERE = institution('nowhere', 'Équipe sans pays', null, []);
const ALL = [GHANA, MOROCCO, CHILE, NOWHERE];

const FRENCH: Record<string, string> = {
  inequality_monitoring: 'Suivi des inégalités',
  survey_methods: 'Méthodes d’enquête',
  health_systems: 'Systèmes de santé',
  geospatial_analysis: 'Analyse géospatiale',
  gender_equity: 'Égalité de genre',
};
const ENGLISH: Record<string, string> = {
  inequality_monitoring: 'Inequality monitoring',
  survey_methods: 'Survey methods',
  health_systems: 'Health systems',
  geospatial_analysis: 'Geospatial analysis',
  gender_equity: 'Gender equity',
};
const ids = (items: PublicInstitution[]) => items.map((item) => item.id);

describe('filterInstitutions', () => {
  it('keeps every institution, in the API’s order, when the filter is empty or blank', () => {
    expect(ids(filterInstitutions(ALL, '', 'en', (a) => ENGLISH[a]))).toEqual(['ghana', 'morocco', 'chile', 'nowhere']);
    expect(ids(filterInstitutions(ALL, '   ', 'en', (a) => ENGLISH[a]))).toEqual(['ghana', 'morocco', 'chile', 'nowhere']);
  });

  it('finds an institution by a part of its name, ignoring case and accents', () => {
    expect(ids(filterInstitutions(ALL, 'ghana school', 'en', (a) => ENGLISH[a]))).toEqual(['ghana']);
    expect(ids(filterInstitutions(ALL, 'EQUIPE', 'fr', (a) => FRENCH[a]))).toEqual(['nowhere']);
  });

  it('finds an institution by its country, in English and in the reader’s language', () => {
    expect(ids(filterInstitutions(ALL, 'morocco', 'fr', (a) => FRENCH[a]))).toEqual(['morocco']);
    expect(ids(filterInstitutions(ALL, 'maroc', 'fr', (a) => FRENCH[a]))).toEqual(['morocco']);
    expect(ids(filterInstitutions(ALL, 'المغرب', 'ar', (a) => ENGLISH[a]))).toEqual(['morocco']);
  });

  it('finds an institution by its expertise as the reader sees it', () => {
    expect(ids(filterInstitutions(ALL, 'enquête', 'fr', (a) => FRENCH[a]))).toEqual(['ghana']);
    expect(ids(filterInstitutions(ALL, 'survey', 'fr', (a) => FRENCH[a]))).toEqual([]);
    expect(ids(filterInstitutions(ALL, 'survey', 'en', (a) => ENGLISH[a]))).toEqual(['ghana']);
    expect(ids(filterInstitutions(ALL, 'egalite', 'fr', (a) => FRENCH[a]))).toEqual(['ghana', 'chile']);
  });

  it('needs every word to match somewhere, not all in one field', () => {
    expect(ids(filterInstitutions(ALL, 'ghana survey', 'en', (a) => ENGLISH[a]))).toEqual(['ghana']);
    expect(ids(filterInstitutions(ALL, 'ghana gender', 'en', (a) => ENGLISH[a]))).toEqual([]);
  });
});

describe('small helpers', () => {
  it('folds case, accents and spacing', () => {
    expect(foldText('  Égalité   de  GENRE ', 'fr')).toBe('egalite de genre');
    expect(foldText('Méthodes d’enquête', 'fr')).toBe('methodes d’enquete');
  });

  it('names a country in the reader’s language, falling back to the API’s name', () => {
    expect(countryName({ iso2: 'MA', name: 'Morocco' }, 'fr')).toBe('Maroc');
    expect(countryName({ iso2: 'CL', name: 'Chile' }, 'en')).toBe('Chile');
    expect(countryName({ iso2: 'GH', name: 'Ghana' }, 'ar')).toBe('غانا');
    expect(countryName({ iso2: 'GH', name: 'Ghana' }, 'not a language!')).toBe('Ghana');
  });

  it('shortens a website to its host for the link text', () => {
    expect(websiteLabel('https://www.inas.ma')).toBe('inas.ma');
    expect(websiteLabel('https://publichealth.ug.edu.gh/about')).toBe('publichealth.ug.edu.gh');
    expect(websiteLabel('not a url')).toBe('not a url');
  });
});
