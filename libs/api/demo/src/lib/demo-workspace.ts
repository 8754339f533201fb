import type { ExpertiseArea, Language, MemberRole, OrganisationKind, RegionCode } from '@simashe/contracts';

/** Documented in the README; only ever loaded into local or explicitly demo databases. */
export const DEMO_PASSWORD = 'simashe-demo-2026';

interface DemoMember {
  email: string;
  name: string;
  role: MemberRole;
  timeZone: string;
  language?: Language;
  /** Named as the organisation's representative in the network (public members page). */
  representative?: boolean;
  /** Serves on the network's steering committee. */
  steeringCommittee?: boolean;
}

export interface DemoOrganisation {
  key: string;
  name: string;
  kind: OrganisationKind;
  regionCode?: RegionCode;
  countryIso3?: string;
  members: DemoMember[];
  /** Keys of organisations this one (a core partner) is explicitly granted read access to. */
  grantedReadOn?: string[];
  expertise?: ExpertiseArea[];
  website?: string;
}

const member = (email: string, name: string, role: MemberRole, timeZone: string, language?: Language, roles: { representative?: boolean; steeringCommittee?: boolean } = {}): DemoMember => ({
  email: `${email}@demo.simashe.org`,
  name,
  role,
  timeZone,
  language,
  ...roles,
});

export const DEMO_WORKSPACE: DemoOrganisation[] = [
  {
    key: 'secretariat',
    name: 'SIMASHE Secretariat (WHO headquarters)',
    kind: 'secretariat',
    members: [member('secretariat.admin', 'Sofia Secretariat', 'admin', 'Europe/Zurich', undefined, { representative: true })],
  },
  {
    key: 'afro',
    name: 'WHO Regional Office for Africa',
    kind: 'who_regional_office',
    regionCode: 'AFRO',
    members: [member('afro.officer', 'Amara Afro', 'admin', 'Africa/Brazzaville')],
  },
  {
    key: 'amro',
    name: 'WHO Regional Office for the Americas (PAHO)',
    kind: 'who_regional_office',
    regionCode: 'AMRO',
    members: [member('amro.officer', 'Ana Americas', 'admin', 'America/New_York', 'es')],
  },
  {
    key: 'searo',
    name: 'WHO Regional Office for South-East Asia',
    kind: 'who_regional_office',
    regionCode: 'SEARO',
    members: [member('searo.officer', 'Sanjay Searo', 'admin', 'Asia/Kolkata')],
  },
  {
    key: 'euro',
    name: 'WHO Regional Office for Europe',
    kind: 'who_regional_office',
    regionCode: 'EURO',
    members: [member('euro.officer', 'Eva Europe', 'admin', 'Europe/Copenhagen')],
  },
  {
    key: 'kenya',
    name: 'Kenya country pathfinder',
    kind: 'country_pathfinder',
    countryIso3: 'KEN',
    members: [
      member('kenya.admin', 'Wanjiru Kamau', 'admin', 'Africa/Nairobi'),
      member('kenya.editor', 'Otieno Odhiambo', 'editor', 'Africa/Nairobi'),
      member('kenya.viewer', 'Achieng Mwangi', 'viewer', 'Africa/Nairobi'),
    ],
  },
  {
    key: 'ghana',
    name: 'Ghana country pathfinder',
    kind: 'country_pathfinder',
    countryIso3: 'GHA',
    members: [member('ghana.admin', 'Kwame Mensah', 'admin', 'Africa/Accra')],
  },
  {
    key: 'brazil',
    name: 'Brazil country pathfinder',
    kind: 'country_pathfinder',
    countryIso3: 'BRA',
    members: [member('brazil.admin', 'Mariana Souza', 'admin', 'America/Sao_Paulo', 'es')],
  },
  {
    key: 'sri-lanka',
    name: 'Sri Lanka country pathfinder',
    kind: 'country_pathfinder',
    countryIso3: 'LKA',
    members: [member('srilanka.admin', 'Nimali Perera', 'admin', 'Asia/Colombo')],
  },
  {
    key: 'slovenia',
    name: 'Slovenia country pathfinder',
    kind: 'country_pathfinder',
    countryIso3: 'SVN',
    members: [member('slovenia.admin', 'Luka Novak', 'admin', 'Europe/Ljubljana', 'fr')],
  },
  {
    key: 'partner',
    name: 'Health Equity Research Institute (core partner)',
    kind: 'core_partner',
    members: [member('partner.admin', 'Pat Partner', 'admin', 'Europe/London', undefined, { steeringCommittee: true })],
    grantedReadOn: ['kenya'],
  },
  // Member institutions of the Health Inequality Monitoring Network (the public members page lists them).
  {
    key: 'ghana-institution',
    name: 'University of Ghana School of Public Health',
    kind: 'member_institution',
    countryIso3: 'GHA',
    expertise: ['inequality_monitoring', 'survey_methods', 'training'],
    website: 'https://publichealth.ug.edu.gh',
    members: [member('ghana.institution', 'Kwame Mensah', 'admin', 'Africa/Accra', undefined, { representative: true, steeringCommittee: true })],
  },
  {
    key: 'morocco-institution',
    name: 'Institut national d’administration sanitaire',
    kind: 'member_institution',
    countryIso3: 'MAR',
    expertise: ['health_systems', 'geospatial_analysis', 'policy_analysis'],
    website: 'https://www.inas.ma',
    members: [member('morocco.institution', 'Salma Benali', 'admin', 'Africa/Casablanca', 'fr', { representative: true, steeringCommittee: true })],
  },
  {
    key: 'chile-institution',
    name: 'Centro de Estudios de Equidad en Salud',
    kind: 'member_institution',
    countryIso3: 'CHL',
    expertise: ['statistics', 'data_visualisation', 'social_determinants', 'gender_equity'],
    members: [member('chile.institution', 'Camila Rojas', 'admin', 'America/Santiago', 'es', { representative: true })],
  },
];
