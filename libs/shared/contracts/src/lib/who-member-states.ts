import type { RegionCode } from './constants';

export const WHO_REGIONS: ReadonlyArray<{ code: RegionCode; name: string; officeName: string }> = [
  { code: 'AFRO', name: 'African Region', officeName: 'WHO Regional Office for Africa' },
  { code: 'AMRO', name: 'Region of the Americas', officeName: 'WHO Regional Office for the Americas (PAHO)' },
  { code: 'SEARO', name: 'South-East Asia Region', officeName: 'WHO Regional Office for South-East Asia' },
  { code: 'EURO', name: 'European Region', officeName: 'WHO Regional Office for Europe' },
  { code: 'EMRO', name: 'Eastern Mediterranean Region', officeName: 'WHO Regional Office for the Eastern Mediterranean' },
  { code: 'WPRO', name: 'Western Pacific Region', officeName: 'WHO Regional Office for the Western Pacific' },
];

type MemberState = readonly [iso3: string, iso2: string, name: string];

/**
 * WHO Member States by region (194), ISO 3166-1 codes, WHO short names. In contracts because the public open-call form
 * (no session, so no `GET /api/regions`) offers them too; the web shows each name in the reader's language from iso2.
 * Indonesia is listed under WPRO: the World Health Assembly approved its move from SEARO in 2025.
 */
export const WHO_MEMBER_STATES: Record<RegionCode, readonly MemberState[]> = {
  AFRO: [
    ['DZA', 'DZ', 'Algeria'], ['AGO', 'AO', 'Angola'], ['BEN', 'BJ', 'Benin'], ['BWA', 'BW', 'Botswana'],
    ['BFA', 'BF', 'Burkina Faso'], ['BDI', 'BI', 'Burundi'], ['CPV', 'CV', 'Cabo Verde'], ['CMR', 'CM', 'Cameroon'],
    ['CAF', 'CF', 'Central African Republic'], ['TCD', 'TD', 'Chad'], ['COM', 'KM', 'Comoros'], ['COG', 'CG', 'Congo'],
    ['CIV', 'CI', "Côte d'Ivoire"], ['COD', 'CD', 'Democratic Republic of the Congo'], ['GNQ', 'GQ', 'Equatorial Guinea'],
    ['ERI', 'ER', 'Eritrea'], ['SWZ', 'SZ', 'Eswatini'], ['ETH', 'ET', 'Ethiopia'], ['GAB', 'GA', 'Gabon'],
    ['GMB', 'GM', 'Gambia'], ['GHA', 'GH', 'Ghana'], ['GIN', 'GN', 'Guinea'], ['GNB', 'GW', 'Guinea-Bissau'],
    ['KEN', 'KE', 'Kenya'], ['LSO', 'LS', 'Lesotho'], ['LBR', 'LR', 'Liberia'], ['MDG', 'MG', 'Madagascar'],
    ['MWI', 'MW', 'Malawi'], ['MLI', 'ML', 'Mali'], ['MRT', 'MR', 'Mauritania'], ['MUS', 'MU', 'Mauritius'],
    ['MOZ', 'MZ', 'Mozambique'], ['NAM', 'NA', 'Namibia'], ['NER', 'NE', 'Niger'], ['NGA', 'NG', 'Nigeria'],
    ['RWA', 'RW', 'Rwanda'], ['STP', 'ST', 'Sao Tome and Principe'], ['SEN', 'SN', 'Senegal'], ['SYC', 'SC', 'Seychelles'],
    ['SLE', 'SL', 'Sierra Leone'], ['ZAF', 'ZA', 'South Africa'], ['SSD', 'SS', 'South Sudan'], ['TGO', 'TG', 'Togo'],
    ['UGA', 'UG', 'Uganda'], ['TZA', 'TZ', 'United Republic of Tanzania'], ['ZMB', 'ZM', 'Zambia'], ['ZWE', 'ZW', 'Zimbabwe'],
  ],
  AMRO: [
    ['ATG', 'AG', 'Antigua and Barbuda'], ['ARG', 'AR', 'Argentina'], ['BHS', 'BS', 'Bahamas'], ['BRB', 'BB', 'Barbados'],
    ['BLZ', 'BZ', 'Belize'], ['BOL', 'BO', 'Bolivia (Plurinational State of)'], ['BRA', 'BR', 'Brazil'], ['CAN', 'CA', 'Canada'],
    ['CHL', 'CL', 'Chile'], ['COL', 'CO', 'Colombia'], ['CRI', 'CR', 'Costa Rica'], ['CUB', 'CU', 'Cuba'],
    ['DMA', 'DM', 'Dominica'], ['DOM', 'DO', 'Dominican Republic'], ['ECU', 'EC', 'Ecuador'], ['SLV', 'SV', 'El Salvador'],
    ['GRD', 'GD', 'Grenada'], ['GTM', 'GT', 'Guatemala'], ['GUY', 'GY', 'Guyana'], ['HTI', 'HT', 'Haiti'],
    ['HND', 'HN', 'Honduras'], ['JAM', 'JM', 'Jamaica'], ['MEX', 'MX', 'Mexico'], ['NIC', 'NI', 'Nicaragua'],
    ['PAN', 'PA', 'Panama'], ['PRY', 'PY', 'Paraguay'], ['PER', 'PE', 'Peru'], ['KNA', 'KN', 'Saint Kitts and Nevis'],
    ['LCA', 'LC', 'Saint Lucia'], ['VCT', 'VC', 'Saint Vincent and the Grenadines'], ['SUR', 'SR', 'Suriname'],
    ['TTO', 'TT', 'Trinidad and Tobago'], ['USA', 'US', 'United States of America'], ['URY', 'UY', 'Uruguay'],
    ['VEN', 'VE', 'Venezuela (Bolivarian Republic of)'],
  ],
  SEARO: [
    ['BGD', 'BD', 'Bangladesh'], ['BTN', 'BT', 'Bhutan'], ['PRK', 'KP', "Democratic People's Republic of Korea"],
    ['IND', 'IN', 'India'], ['MDV', 'MV', 'Maldives'], ['MMR', 'MM', 'Myanmar'], ['NPL', 'NP', 'Nepal'],
    ['LKA', 'LK', 'Sri Lanka'], ['THA', 'TH', 'Thailand'], ['TLS', 'TL', 'Timor-Leste'],
  ],
  EURO: [
    ['ALB', 'AL', 'Albania'], ['AND', 'AD', 'Andorra'], ['ARM', 'AM', 'Armenia'], ['AUT', 'AT', 'Austria'],
    ['AZE', 'AZ', 'Azerbaijan'], ['BLR', 'BY', 'Belarus'], ['BEL', 'BE', 'Belgium'], ['BIH', 'BA', 'Bosnia and Herzegovina'],
    ['BGR', 'BG', 'Bulgaria'], ['HRV', 'HR', 'Croatia'], ['CYP', 'CY', 'Cyprus'], ['CZE', 'CZ', 'Czechia'],
    ['DNK', 'DK', 'Denmark'], ['EST', 'EE', 'Estonia'], ['FIN', 'FI', 'Finland'], ['FRA', 'FR', 'France'],
    ['GEO', 'GE', 'Georgia'], ['DEU', 'DE', 'Germany'], ['GRC', 'GR', 'Greece'], ['HUN', 'HU', 'Hungary'],
    ['ISL', 'IS', 'Iceland'], ['IRL', 'IE', 'Ireland'], ['ISR', 'IL', 'Israel'], ['ITA', 'IT', 'Italy'],
    ['KAZ', 'KZ', 'Kazakhstan'], ['KGZ', 'KG', 'Kyrgyzstan'], ['LVA', 'LV', 'Latvia'], ['LTU', 'LT', 'Lithuania'],
    ['LUX', 'LU', 'Luxembourg'], ['MLT', 'MT', 'Malta'], ['MCO', 'MC', 'Monaco'], ['MNE', 'ME', 'Montenegro'],
    ['NLD', 'NL', 'Netherlands (Kingdom of the)'], ['MKD', 'MK', 'North Macedonia'], ['NOR', 'NO', 'Norway'],
    ['POL', 'PL', 'Poland'], ['PRT', 'PT', 'Portugal'], ['MDA', 'MD', 'Republic of Moldova'], ['ROU', 'RO', 'Romania'],
    ['RUS', 'RU', 'Russian Federation'], ['SMR', 'SM', 'San Marino'], ['SRB', 'RS', 'Serbia'], ['SVK', 'SK', 'Slovakia'],
    ['SVN', 'SI', 'Slovenia'], ['ESP', 'ES', 'Spain'], ['SWE', 'SE', 'Sweden'], ['CHE', 'CH', 'Switzerland'],
    ['TJK', 'TJ', 'Tajikistan'], ['TUR', 'TR', 'Türkiye'], ['TKM', 'TM', 'Turkmenistan'], ['UKR', 'UA', 'Ukraine'],
    ['GBR', 'GB', 'United Kingdom of Great Britain and Northern Ireland'], ['UZB', 'UZ', 'Uzbekistan'],
  ],
  EMRO: [
    ['AFG', 'AF', 'Afghanistan'], ['BHR', 'BH', 'Bahrain'], ['DJI', 'DJ', 'Djibouti'], ['EGY', 'EG', 'Egypt'],
    ['IRN', 'IR', 'Iran (Islamic Republic of)'], ['IRQ', 'IQ', 'Iraq'], ['JOR', 'JO', 'Jordan'], ['KWT', 'KW', 'Kuwait'],
    ['LBN', 'LB', 'Lebanon'], ['LBY', 'LY', 'Libya'], ['MAR', 'MA', 'Morocco'], ['OMN', 'OM', 'Oman'],
    ['PAK', 'PK', 'Pakistan'], ['QAT', 'QA', 'Qatar'], ['SAU', 'SA', 'Saudi Arabia'], ['SOM', 'SO', 'Somalia'],
    ['SDN', 'SD', 'Sudan'], ['SYR', 'SY', 'Syrian Arab Republic'], ['TUN', 'TN', 'Tunisia'],
    ['ARE', 'AE', 'United Arab Emirates'], ['YEM', 'YE', 'Yemen'],
  ],
  WPRO: [
    ['AUS', 'AU', 'Australia'], ['BRN', 'BN', 'Brunei Darussalam'], ['KHM', 'KH', 'Cambodia'], ['CHN', 'CN', 'China'],
    ['COK', 'CK', 'Cook Islands'], ['FJI', 'FJ', 'Fiji'], ['IDN', 'ID', 'Indonesia'], ['JPN', 'JP', 'Japan'],
    ['KIR', 'KI', 'Kiribati'], ['LAO', 'LA', "Lao People's Democratic Republic"], ['MYS', 'MY', 'Malaysia'],
    ['MHL', 'MH', 'Marshall Islands'], ['FSM', 'FM', 'Micronesia (Federated States of)'], ['MNG', 'MN', 'Mongolia'],
    ['NRU', 'NR', 'Nauru'], ['NZL', 'NZ', 'New Zealand'], ['NIU', 'NU', 'Niue'], ['PLW', 'PW', 'Palau'],
    ['PNG', 'PG', 'Papua New Guinea'], ['PHL', 'PH', 'Philippines'], ['KOR', 'KR', 'Republic of Korea'],
    ['WSM', 'WS', 'Samoa'], ['SGP', 'SG', 'Singapore'], ['SLB', 'SB', 'Solomon Islands'], ['TON', 'TO', 'Tonga'],
    ['TUV', 'TV', 'Tuvalu'], ['VUT', 'VU', 'Vanuatu'], ['VNM', 'VN', 'Viet Nam'],
  ],
};
