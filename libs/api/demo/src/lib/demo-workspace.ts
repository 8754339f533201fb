import type { Language, MemberRole, OrganisationKind, RegionCode } from '@simashe/contracts';

/** Documented in the README; only ever loaded into local or explicitly demo databases. */
export const DEMO_PASSWORD = 'simashe-demo-2026';

interface DemoMember {
  email: string;
  name: string;
  role: MemberRole;
  timeZone: string;
  language?: Language;
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
}

const member = (email: string, name: string, role: MemberRole, timeZone: string, language?: Language): DemoMember => ({
  email: `${email}@demo.simashe.org`,
  name,
  role,
  timeZone,
  language,
});

export const DEMO_WORKSPACE: DemoOrganisation[] = [
  {
    key: 'secretariat',
    name: 'SIMASHE Secretariat (WHO headquarters)',
    kind: 'secretariat',
    members: [member('secretariat.admin', 'Sofia Secretariat', 'admin', 'Europe/Zurich')],
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
    members: [member('partner.admin', 'Pat Partner', 'admin', 'Europe/London')],
    grantedReadOn: ['kenya'],
  },
];
