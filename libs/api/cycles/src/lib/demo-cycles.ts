import { Injectable, Logger } from '@nestjs/common';
import { UsersService } from '@simashe/api-accounts';
import { OrganisationsService } from '@simashe/api-organisations';
import type { ChartType, CyclePlan, CycleStage, MeasureDirection, MilestoneStatus, Reflection } from '@simashe/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { MeasureRow, PointRow } from './cycles.repository';
import { chartOf, latestSignal } from './measures.service';

/*
 * Demo initiatives for a first local start: every stage of the cycle somewhere in the network, overdue milestones,
 * and measures whose data show what SPC charts are for. Times are written as "days ago" and data as "months ago", so
 * the dashboard looks lived-in whatever the day the workspace is loaded.
 *
 * What the charts show, by design (checked by the demo spec):
 * - Kenya: diarrhoea clinic visits shift down after the drains and latrines (shift of 7+, one month beyond the lower
 *   limit); two milestones of the Kibera cycle are overdue.
 * - Ghana: meals served jump above the limits once farmer groups supply the kitchens; one initiative has no cycle yet.
 * - Brazil: six or more prenatal visits (a p-chart) improve after outreach from the social registry.
 * - Sri Lanka: anaemia among women workers rises before anything has changed (a concern that motivates the plan).
 * - Slovenia: NO₂ steps down at the school gates (new limits from the change), while cars on neighbouring streets rise
 *   (a balancing measure of concern).
 */

const KENYA = 'Kenya country pathfinder';
const GHANA = 'Ghana country pathfinder';
const BRAZIL = 'Brazil country pathfinder';
const SRI_LANKA = 'Sri Lanka country pathfinder';
const SLOVENIA = 'Slovenia country pathfinder';
const PARTNER = 'Health Equity Research Institute (core partner)';
const person = (name: string) => `${name}@demo.simashe.org`;

/** Monthly data ending last month; the level is a proportion when there is a denominator (p-charts). */
interface SeriesSpec {
  months: number;
  level: number;
  /** From the point `monthsAgo` on, the level moves by `by`: a change taking effect. */
  steps?: Array<{ monthsAgo: number; by: number }>;
  /** From the point `monthsAgo` on, the level moves by `by` more every month: a slow drift. */
  drift?: { monthsAgo: number; by: number };
  /** Single unusual months. */
  outliers?: Array<{ monthsAgo: number; by: number }>;
  /** Largest month-to-month wobble either side of the level. */
  spread: number;
  seed: number;
  decimals?: number;
  /** p-charts: opportunities a month (varying by ±10 %). */
  denominator?: number;
}

interface DemoMeasure {
  name: string;
  kind: 'outcome' | 'process' | 'balancing';
  definition: string;
  unit: string;
  direction: MeasureDirection;
  target: number | null;
  chartType: ChartType;
  baselineLength?: number;
  /** Months ago of the first point after a change that earned new limits. */
  changeMonthsAgo?: number[];
  data: SeriesSpec;
}

interface DemoCycle {
  title: string;
  /** Stages reached, in order, with how many days ago; the last one is where the cycle stands. */
  stages: Array<[CycleStage, number]>;
  changeIdeas: string[];
  plan: CyclePlan;
  reflection?: Reflection;
  /** due: days from today (negative: in the past); done: how many days ago it was marked done. */
  milestones: Array<{ title: string; owner: string; due: number; status: MilestoneStatus; done?: number }>;
  observations: Array<{ daysAgo: number; note: string; link?: { url: string; label: string }; file?: { name: string; csv: string } }>;
}

interface DemoInitiative {
  organisation: string;
  /** Creates the initiative, moves its cycles and writes its observations. */
  lead: string;
  createdDaysAgo: number;
  title: string;
  aimWhat: string;
  aimHowMuch: string;
  aimMonthsAhead: number;
  determinants: string[];
  sectors: string[];
  partners: string[];
  drivers: Array<{ label: string; secondary: Array<{ label: string; ideas: string[] }> }>;
  cycles: DemoCycle[];
  measures: DemoMeasure[];
}

const evidence = (path: string, label: string) => ({ url: `https://example.org/simashe-demo/${path}`, label });

export const DEMO_INITIATIVES: DemoInitiative[] = [
  {
    organisation: KENYA,
    lead: person('kenya.editor'),
    createdDaysAgo: 470,
    title: 'Intersectoral action on housing and health',
    aimWhat:
      'Cut diarrhoeal illness among children under five in the Mathare and Kibera informal settlements by improving drainage, sanitation and housing together with residents',
    aimHowMuch: 'Clinic visits for diarrhoea from 38 to 25 per 1,000 children a month',
    aimMonthsAhead: 14,
    determinants: ['social', 'environmental'],
    sectors: ['housing', 'local_government', 'health', 'environment'],
    partners: [GHANA, PARTNER],
    drivers: [
      {
        label: 'Safe water and sanitation for every household',
        secondary: [
          { label: 'Latrines close to home, shared by few households', ideas: ['Latrine sites chosen by residents, maintained by the county', 'Handwashing stations at every latrine block'] },
          { label: 'Drains that carry storm water away from homes', ideas: ['Clear and line the drains on pilot streets before the long rains'] },
        ],
      },
      {
        label: 'Housing and health decisions taken together',
        secondary: [
          { label: 'One settlement committee of housing, county health and residents', ideas: ['Monthly joint committee with a shared action log'] },
          { label: 'A budget that follows the plan', ideas: ['One pooled county budget line for settlement works', 'Residents’ association chairs co-sign the work plan'] },
        ],
      },
    ],
    cycles: [
      {
        title: 'Drains and latrines on six Mathare streets',
        stages: [['plan', 455], ['act', 400], ['observe', 255], ['reflect', 130], ['closed', 104]],
        changeIdeas: ['Latrine sites chosen by residents, maintained by the county', 'Clear and line the drains on pilot streets before the long rains'],
        plan: {
          objective: 'Clear and line the drains and rebuild the latrine blocks on six streets in Mathare before the long rains, at sites chosen by residents',
          prediction: 'Clinic visits for diarrhoea among children under five fall by a fifth within three months of the works and stay down through the rains',
          measurement: 'Monthly clinic visits for diarrhoea per 1,000 children under five (county health information system); rent on the pilot streets as a balancing measure',
          who: 'Settlement committee: county public health, housing department, residents’ associations',
          when: 'Four months of works, finished before the long rains',
          where: 'Six streets in Mathare, Nairobi',
        },
        reflection: {
          whatChanged: 'Clinic visits for diarrhoea fell from about 38 to about 33 per 1,000 children a month and stayed down through the rains; rents on the pilot streets did not rise.',
          learned: 'Drains stayed clear where residents had chosen the latrine sites. Works stalled for six weeks while three budgets had to agree.',
          decision: 'adapt',
        },
        milestones: [
          { title: 'Residents choose the six pilot streets', owner: person('kenya.admin'), due: -430, status: 'done', done: 433 },
          { title: 'Drain works contract signed with the county', owner: person('kenya.editor'), due: -405, status: 'done', done: 402 },
          { title: 'Latrine blocks handed over to residents’ committees', owner: person('kenya.viewer'), due: -270, status: 'done', done: 262 },
        ],
        observations: [
          { daysAgo: 380, note: 'Works paused for six weeks: the housing and county health budgets had to be released separately.', link: evidence('kenya/committee-minutes', 'Settlement committee minutes') },
          { daysAgo: 300, note: 'After the first heavy rains the lined drains on all six streets carried the water away; two unlined side lanes flooded.', link: evidence('kenya/drain-photos', 'Photos of the drains after the rains') },
          { daysAgo: 150, note: 'Clinic visits for diarrhoea have stayed below the old average for seven months in a row.' },
        ],
      },
      {
        title: 'Kibera streets with one pooled budget line',
        stages: [['plan', 76], ['act', 62], ['observe', 9]],
        changeIdeas: ['One pooled county budget line for settlement works', 'Clear and line the drains on pilot streets before the long rains'],
        plan: {
          objective: 'Repeat the drains and latrines on four Kibera streets, paid from one pooled county budget line so the works do not stall',
          prediction: 'Works finish within ten weeks (against sixteen in Mathare); clinic visits in Kibera follow the Mathare pattern',
          measurement: 'Weeks from contract to hand-over; monthly clinic visits for diarrhoea per 1,000 children under five',
          who: 'Settlement committee with the county treasury',
          when: 'Ten weeks',
          where: 'Four streets in Kibera, Nairobi',
        },
        milestones: [
          { title: 'Kibera streets chosen with residents’ associations', owner: person('kenya.admin'), due: -72, status: 'done', done: 70 },
          { title: 'Drain clearing on the four Kibera streets', owner: person('kenya.editor'), due: 18, status: 'doing' },
          { title: 'Pooled budget line signed by the county treasury', owner: person('kenya.admin'), due: -12, status: 'blocked' },
          { title: 'Second household survey round', owner: person('kenya.viewer'), due: -4, status: 'todo' },
          { title: 'Committee review of the survey results', owner: person('kenya.editor'), due: 30, status: 'todo' },
        ],
        observations: [
          { daysAgo: 41, note: 'The treasury asked for a second approval before pooling the budget lines; clearing started on two streets with the housing budget only.', link: evidence('kenya/treasury-letter', 'Letter from the county treasury') },
          {
            daysAgo: 16,
            note: 'Residents’ teams cleared 1.2 km of drains on two streets; one latrine site is disputed by a landlord.',
            file: { name: 'drain-clearing-log.csv', csv: 'street,metres cleared,team,blocked by\r\nKambi Muru,650,Residents team A,\r\nLaini Saba,550,Residents team B,landlord dispute (latrine site)\r\n' },
          },
          { daysAgo: 5, note: 'First look at the clinic data: no change in Kibera yet, too early to tell.', link: evidence('kenya/clinic-extract', 'County health information system extract') },
        ],
      },
    ],
    measures: [
      {
        name: 'Clinic visits for diarrhoea, children under five',
        kind: 'outcome',
        definition: 'Visits to the four settlement clinics with a diagnosis of diarrhoea, children under five, per 1,000 children living in the catchment, per month',
        unit: 'per 1,000 children',
        direction: 'lower_is_better',
        target: 25,
        chartType: 'xmr',
        // The year before the works fixes the limits, so the change shows against them.
        baselineLength: 12,
        data: { months: 24, level: 38, spread: 4, seed: 13, decimals: 1, steps: [{ monthsAgo: 12, by: -4.5 }], outliers: [{ monthsAgo: 7, by: -8 }] },
      },
      {
        name: 'Median rent for a room on the pilot streets',
        kind: 'balancing',
        definition: 'Median monthly rent for a single room on the six pilot streets (residents’ associations’ survey): better streets must not push families out',
        unit: 'KES',
        direction: 'lower_is_better',
        target: null,
        chartType: 'run',
        data: { months: 24, level: 3500, spread: 160, seed: 5, decimals: 0 },
      },
    ],
  },
  {
    organisation: KENYA,
    lead: person('kenya.admin'),
    createdDaysAgo: 60,
    title: 'Community health promoters and household income',
    aimWhat:
      'Keep community health promoters in Nairobi’s informal settlements in post by paying them a regular stipend through the county, so every household is visited each month',
    aimHowMuch: 'Households visited each month from 45 % to 75 %',
    aimMonthsAhead: 20,
    determinants: ['economic', 'social'],
    sectors: ['labour', 'health', 'local_government', 'finance'],
    partners: [PARTNER],
    drivers: [
      {
        label: 'Promoters paid enough, and on time, to stay',
        secondary: [
          { label: 'A stipend paid through the county payroll', ideas: ['Monthly stipend paid by mobile money', 'Stipend written into the county health budget'] },
          { label: 'A workload one person can carry', ideas: ['One promoter for every 100 households'] },
        ],
      },
      {
        label: 'Households welcome the visits',
        secondary: [
          { label: 'Promoters from the same neighbourhood', ideas: ['Recruit promoters through residents’ associations'] },
          { label: 'Visits that bring something useful', ideas: ['A visit checklist covering water, sanitation and rent advice'] },
        ],
      },
    ],
    cycles: [
      {
        title: 'Mobile-money stipends in two wards',
        stages: [['plan', 26]],
        changeIdeas: ['Monthly stipend paid by mobile money'],
        plan: {
          objective: 'Pay the 120 promoters of two wards a monthly stipend by mobile money for six months',
          prediction: 'Fewer promoters leave, and the share of households visited each month rises above 60 %',
          measurement: 'Households visited each month (promoters’ registers); promoters still active',
          who: 'County health department, ward administrators, the mobile-money provider',
          when: 'Six months from the first payment',
          where: 'Mathare North and Kibera Makina wards',
        },
        milestones: [
          { title: 'Draft the promoter register for the two wards', owner: person('kenya.viewer'), due: -18, status: 'done', done: 17 },
          { title: 'Agree the stipend amount with the county treasury', owner: person('kenya.admin'), due: 10, status: 'doing' },
          { title: 'Test payment with the mobile-money provider', owner: person('kenya.editor'), due: 24, status: 'todo' },
        ],
        observations: [],
      },
    ],
    measures: [
      {
        name: 'Households visited by a promoter this month',
        kind: 'process',
        definition: 'Households visited at least once in the month, out of the households on the promoters’ registers',
        unit: '% of households',
        direction: 'higher_is_better',
        target: 0.75,
        chartType: 'p',
        data: { months: 18, level: 0.45, spread: 0.025, seed: 21, denominator: 1200 },
      },
    ],
  },
  {
    organisation: GHANA,
    lead: person('ghana.admin'),
    createdDaysAgo: 170,
    title: 'School meals and nutrition with the education sector',
    aimWhat:
      'Improve the nutrition and attendance of pupils in ten public primary schools in Tamale by serving a hot meal every school day, cooked from local farmers’ produce and planned with the education and health services',
    aimHowMuch: 'A hot meal on every school day (from 72 % of days); anaemia among pupils from 38 % to 25 %',
    aimMonthsAhead: 18,
    determinants: ['social', 'economic'],
    sectors: ['education', 'health', 'agriculture', 'social_protection'],
    partners: [KENYA],
    drivers: [
      {
        label: 'A nutritious meal every school day',
        secondary: [
          { label: 'Local farmers supply the school kitchens', ideas: ['Supply contracts with farmer groups for beans, orange maize and leafy greens', 'Weekly menus agreed with the district nutrition officer'] },
          { label: 'Caterers able to buy ahead', ideas: ['Term-start advance paid to caterers'] },
        ],
      },
      {
        label: 'Pupils come to school and stay',
        secondary: [
          { label: 'Parents know a meal is served', ideas: ['Menus announced through the parent–teacher associations'] },
          { label: 'Worms and anaemia treated at school', ideas: ['Deworming and iron at term start with the district health team'] },
        ],
      },
    ],
    cycles: [
      {
        title: 'Farmer-group supply in ten schools',
        stages: [['plan', 140], ['act', 95]],
        changeIdeas: ['Supply contracts with farmer groups for beans, orange maize and leafy greens', 'Term-start advance paid to caterers'],
        plan: {
          objective: 'Supply the kitchens of ten schools through three farmer groups for one term, with a term-start advance to caterers',
          prediction: 'Meals are served on at least 90 % of school days, against about 72 % now',
          measurement: 'School days with a hot meal served (kitchen logs); daily attendance',
          who: 'District education office, district nutrition officer, farmer groups, caterers',
          when: 'One school term',
          where: 'Ten public primary schools, Tamale Metropolitan',
        },
        milestones: [
          { title: 'Contracts signed with three farmer groups', owner: person('ghana.admin'), due: -100, status: 'done', done: 99 },
          { title: 'Term-start advance paid to caterers', owner: person('ghana.admin'), due: -90, status: 'done', done: 94 },
          { title: 'Kitchen audit in the ten schools', owner: person('ghana.admin'), due: 12, status: 'doing' },
          { title: 'Menu review with the district nutrition officer', owner: person('ghana.admin'), due: 33, status: 'todo' },
        ],
        observations: [
          { daysAgo: 58, note: 'Two schools ran out of beans in the third week: the farmer group’s truck could not cross the flooded road.', link: evidence('ghana/kitchen-logs', 'Kitchen logs, weeks 1–4') },
          { daysAgo: 19, note: 'Head teachers report pupils staying for the afternoon lessons on meal days; the attendance registers will tell.' },
        ],
      },
    ],
    measures: [
      {
        name: 'School days with a hot meal served',
        kind: 'process',
        definition: 'School days on which the kitchen served a hot meal, out of the school days in the month, ten schools together',
        unit: '% of school days',
        direction: 'higher_is_better',
        target: 0.9,
        chartType: 'p',
        // Limits from the months before the farmer groups, so the new months are judged against the old process.
        baselineLength: 18,
        data: { months: 20, level: 0.72, spread: 0.05, seed: 31, denominator: 190, steps: [{ monthsAgo: 2, by: 0.17 }] },
      },
      {
        name: 'Average daily attendance',
        kind: 'outcome',
        definition: 'Pupils present, out of pupils enrolled, averaged over the school days of the month (school registers)',
        unit: '%',
        direction: 'higher_is_better',
        target: 90,
        chartType: 'xmr',
        data: { months: 20, level: 84, spread: 2.2, seed: 38, decimals: 1, steps: [{ monthsAgo: 2, by: 1.5 }] },
      },
    ],
  },
  {
    organisation: GHANA,
    lead: person('ghana.admin'),
    createdDaysAgo: 24,
    title: 'Market traders’ income and children’s health insurance',
    aimWhat:
      'Protect women market traders in Tamale from losing income when their children fall ill, through savings groups that pay the children’s National Health Insurance premiums',
    aimHowMuch: 'Traders’ children enrolled in the National Health Insurance Scheme from 55 % to 80 %',
    aimMonthsAhead: 24,
    determinants: ['economic', 'social'],
    sectors: ['social_protection', 'health', 'finance', 'local_government'],
    partners: [BRAZIL],
    drivers: [
      {
        label: 'Premiums paid without a large lump sum',
        secondary: [
          { label: 'Savings groups at the market', ideas: ['Weekly contributions collected at the market stall'] },
          { label: 'Renewal reminders before cover lapses', ideas: ['Text message reminder a month before renewal'] },
        ],
      },
      {
        label: 'Care sought early when a child is ill',
        secondary: [{ label: 'Health services close to the market', ideas: ['Market-day outreach by the municipal health team', 'A health desk at the traders’ association'] }],
      },
    ],
    // Not started yet: the aim and the driver diagram are still being discussed with the traders’ association.
    cycles: [],
    measures: [
      {
        name: 'Traders’ children enrolled in health insurance',
        kind: 'outcome',
        definition: 'Children of the association’s member traders with valid National Health Insurance cover (association register)',
        unit: '%',
        direction: 'higher_is_better',
        target: 80,
        chartType: 'run',
        data: { months: 18, level: 55, spread: 2.5, seed: 41, decimals: 1 },
      },
    ],
  },
  {
    organisation: BRAZIL,
    lead: person('brazil.admin'),
    createdDaysAgo: 330,
    title: 'Renda e saúde: cash transfers and primary care',
    aimWhat:
      'Bring families receiving Bolsa Família in Recife into regular primary care by sharing the list of families due a check-up with family health teams, who then visit them',
    aimHowMuch: 'Pregnant women with six or more prenatal visits from 62 % to 80 %',
    aimMonthsAhead: 12,
    determinants: ['economic', 'social'],
    sectors: ['social_protection', 'health', 'local_government'],
    partners: [SRI_LANKA, PARTNER],
    drivers: [
      {
        label: 'Families know and meet the health conditions of the transfer',
        secondary: [
          { label: 'Family health teams know who is due a check-up', ideas: ['Monthly list from the social registry to each family health team', 'Home visits by community health agents to families missing a check-up'] },
          { label: 'Clinic hours that fit working families', ideas: ['Saturday prenatal sessions'] },
        ],
      },
      {
        label: 'Social assistance and health work as one',
        secondary: [
          { label: 'Data shared under clear privacy rules', ideas: ['Data-sharing agreement between the social assistance and health secretariats'] },
          { label: 'Families at risk of losing the transfer reviewed together', ideas: ['Monthly joint case review'] },
        ],
      },
    ],
    cycles: [
      {
        title: 'Active outreach from the social registry list',
        stages: [['plan', 315], ['act', 282], ['observe', 125], ['reflect', 6]],
        changeIdeas: [
          'Monthly list from the social registry to each family health team',
          'Home visits by community health agents to families missing a check-up',
          'Data-sharing agreement between the social assistance and health secretariats',
        ],
        plan: {
          objective: 'Send each family health team in two health districts a monthly list of the Bolsa Família families due a check-up, and visit those who miss it',
          prediction: 'Six or more prenatal visits rise from 62 % to over 70 % of pregnant women within six months',
          measurement: 'Pregnant women with six or more prenatal visits (primary care records); families with their health conditions up to date',
          who: 'Municipal secretariats of social assistance and of health; community health agents',
          when: 'Nine months',
          where: 'Health districts IV and VI, Recife',
        },
        // Drafted in the reflect stage; the cycle closes once the council has heard the results.
        reflection: {
          whatChanged: 'Six or more prenatal visits rose from 62 % to about 74 % of pregnant women, and more families have their health conditions up to date.',
          learned: 'The monthly list only worked once the data-sharing agreement said who may see what; home visits by the agents, not letters, brought families back.',
          decision: 'adopt',
        },
        milestones: [
          { title: 'Data-sharing agreement signed by both secretariats', owner: person('brazil.admin'), due: -300, status: 'done', done: 296 },
          { title: 'First monthly list sent to the family health teams', owner: person('brazil.admin'), due: -280, status: 'done', done: 281 },
          { title: 'Community health agents trained to use the list', owner: person('brazil.admin'), due: -260, status: 'done', done: 250 },
          { title: 'Saturday prenatal sessions agreed with two units', owner: person('brazil.admin'), due: -50, status: 'done', done: 48 },
          { title: 'Present the results to the municipal health council', owner: person('brazil.admin'), due: 9, status: 'doing' },
        ],
        observations: [
          { daysAgo: 200, note: 'Letters alone brought few families back; home visits by community health agents did.' },
          { daysAgo: 62, note: 'District VI reached 70 % of the families on the list; district IV is short of two agents.', link: evidence('brazil/district-report', 'District follow-up report') },
          { daysAgo: 10, note: 'Six or more prenatal visits have stayed above the old limits for six months.', link: evidence('brazil/prenatal-extract', 'Primary care records extract') },
        ],
      },
    ],
    measures: [
      {
        name: 'Pregnant women with six or more prenatal visits',
        kind: 'outcome',
        definition: 'Women giving birth in the month who had six or more prenatal visits, out of all women giving birth in the month, Bolsa Família families of the two districts',
        unit: '% of pregnant women',
        direction: 'higher_is_better',
        target: 0.8,
        chartType: 'p',
        baselineLength: 12,
        data: { months: 24, level: 0.62, spread: 0.045, seed: 51, denominator: 420, steps: [{ monthsAgo: 8, by: 0.06 }, { monthsAgo: 5, by: 0.06 }] },
      },
      {
        name: 'Families with their health conditions up to date',
        kind: 'process',
        definition: 'Bolsa Família families whose health conditions (check-ups, vaccination, prenatal care) are recorded as met for the period (social registry)',
        unit: '%',
        direction: 'higher_is_better',
        target: 85,
        chartType: 'run',
        baselineLength: 12,
        data: { months: 20, level: 64, spread: 2.5, seed: 57, decimals: 1, steps: [{ monthsAgo: 8, by: 6 }, { monthsAgo: 4, by: 4 }] },
      },
      {
        name: 'Waiting time for a routine appointment',
        kind: 'balancing',
        definition: 'Median days from booking to a routine appointment at the family health units of the two districts: outreach must not crowd out other patients',
        unit: 'days',
        direction: 'lower_is_better',
        target: null,
        chartType: 'xmr',
        data: { months: 20, level: 9, spread: 1.6, seed: 63, decimals: 1 },
      },
    ],
  },
  {
    organisation: SRI_LANKA,
    lead: person('srilanka.admin'),
    createdDaysAgo: 75,
    title: 'Plantation workers’ wages and health',
    aimWhat:
      'Reduce anaemia among women tea-plantation workers in Nuwara Eliya by making sure the agreed daily wage is paid in full and by holding estate clinic nutrition sessions on payday',
    aimHowMuch: 'Women workers found anaemic from 41 % to 30 %; every worker paid the agreed daily wage',
    aimMonthsAhead: 24,
    determinants: ['economic', 'social'],
    sectors: ['labour', 'health', 'agriculture'],
    partners: [BRAZIL],
    drivers: [
      {
        label: 'Wages enough for a healthy diet',
        secondary: [
          { label: 'The agreed daily wage paid in full', ideas: ['Monthly wage-slip check with trade union representatives'] },
          { label: 'No income lost to illness', ideas: ['Paid sick days recorded on the estate register'] },
        ],
      },
      {
        label: 'Estate health services reach women workers',
        secondary: [
          { label: 'Clinic sessions when women can attend', ideas: ['Nutrition and iron sessions on payday'] },
          { label: 'Anaemia found early', ideas: ['Estate medical assistants trained in haemoglobin screening'] },
        ],
      },
    ],
    cycles: [
      {
        title: 'Payday nutrition sessions and wage-slip checks on two estates',
        stages: [['plan', 38]],
        changeIdeas: ['Monthly wage-slip check with trade union representatives', 'Nutrition and iron sessions on payday'],
        plan: {
          objective: 'On two estates, check every worker’s wage slip with the unions each month and hold a nutrition and iron session at the estate clinic on payday',
          prediction: 'Within four months more than 80 % of workers are paid the agreed wage, and the rise in anaemia stops',
          measurement: 'Workers paid the agreed daily wage (wage slips); women found anaemic at the monthly clinic screening',
          who: 'Estate management, plantation trade unions, estate medical assistants, the regional director of health services',
          when: 'Four months',
          where: 'Two tea estates near Nuwara Eliya',
        },
        milestones: [
          { title: 'Baseline haemoglobin screening on the two estates', owner: person('srilanka.admin'), due: -22, status: 'done', done: 20 },
          { title: 'Agree the wage-slip check with the trade unions', owner: person('srilanka.admin'), due: 12, status: 'doing' },
          { title: 'Payday session schedule agreed with estate management', owner: person('srilanka.admin'), due: 30, status: 'todo' },
        ],
        observations: [
          { daysAgo: 19, note: 'Baseline screening: 46 of 104 women workers anaemic; many skip the midday meal in the last week before payday.', link: evidence('sri-lanka/screening', 'Screening summary') },
        ],
      },
    ],
    measures: [
      {
        name: 'Women workers found anaemic at estate screening',
        kind: 'outcome',
        definition: 'Women workers with haemoglobin below 12 g/dL, out of those screened at the monthly estate clinic, two estates',
        unit: '%',
        direction: 'lower_is_better',
        target: 30,
        chartType: 'xmr',
        baselineLength: 12,
        // Food prices kept rising while wages did not: the worsening that prompted the initiative.
        data: { months: 20, level: 40.5, spread: 1.6, seed: 71, decimals: 1, drift: { monthsAgo: 8, by: 0.55 } },
      },
      {
        name: 'Workers paid the agreed daily wage',
        kind: 'process',
        definition: 'Workers whose wage slip shows the daily wage agreed by the wage board for every day worked',
        unit: '%',
        direction: 'higher_is_better',
        target: 100,
        chartType: 'run',
        data: { months: 18, level: 58, spread: 3, seed: 77, decimals: 0 },
      },
    ],
  },
  {
    organisation: SLOVENIA,
    lead: person('slovenia.admin'),
    createdDaysAgo: 400,
    title: 'Clean air around schools',
    aimWhat:
      'Lower children’s exposure to traffic pollution at primary schools in Ljubljana by closing the streets at school gates at drop-off and pick-up times and helping families walk and cycle',
    aimHowMuch: 'NO₂ at school gates below 25 µg/m³ and 60 % of pupils walking or cycling, at every participating school',
    aimMonthsAhead: 16,
    determinants: ['environmental', 'social'],
    sectors: ['education', 'environment', 'transport', 'local_government'],
    partners: [PARTNER],
    drivers: [
      {
        label: 'Less traffic at the school gate',
        secondary: [
          { label: 'School streets closed at drop-off and pick-up', ideas: ['Timed closures with removable barriers', 'Parent volunteers at the barriers'] },
          { label: 'Safe routes for walking and cycling', ideas: ['Walking bus from three meeting points'] },
        ],
      },
      {
        label: 'Neighbours and transport services on board',
        secondary: [
          { label: 'Traffic diverted without burdening neighbouring streets', ideas: ['Diversion plan agreed with the city transport department'] },
          { label: 'Residents heard before each closure', ideas: ['Residents’ meeting before each new school street'] },
        ],
      },
    ],
    cycles: [
      {
        title: 'School streets at two pilot schools',
        stages: [['plan', 385], ['act', 340], ['observe', 215], ['reflect', 165], ['closed', 142]],
        changeIdeas: ['Timed closures with removable barriers', 'Parent volunteers at the barriers'],
        plan: {
          objective: 'Close the streets at the gates of two primary schools for 30 minutes at drop-off and pick-up, with parent volunteers at the barriers',
          prediction: 'NO₂ at the gates falls by a fifth and more pupils walk or cycle',
          measurement: 'Monthly mean NO₂ from diffusion tubes at the gates; hands-up travel survey; traffic counts on neighbouring streets',
          who: 'The two schools, the city transport department, parents’ councils',
          when: 'One school year',
          where: 'Two primary schools in Ljubljana (Center and Šiška)',
        },
        reflection: {
          whatChanged: 'NO₂ at the two gates fell from about 38 to about 30 µg/m³, and the share of pupils walking or cycling rose from under 40 % to nearly half.',
          learned: 'Traffic moved to two neighbouring streets. Residents should have been heard, and a diversion plan agreed, before the first closure.',
          decision: 'adopt',
        },
        milestones: [
          { title: 'Closure orders issued by the city', owner: person('slovenia.admin'), due: -350, status: 'done', done: 352 },
          { title: 'Diffusion tubes installed at both gates', owner: person('slovenia.admin'), due: -345, status: 'done', done: 344 },
          { title: 'Parent volunteer rota for the barriers', owner: person('slovenia.admin'), due: -342, status: 'done', done: 341 },
        ],
        observations: [
          { daysAgo: 300, note: 'Parents’ councils report that most families adapted within two weeks; a few drivers park just outside the closed section.' },
          { daysAgo: 230, note: 'Residents of two neighbouring streets complain of more cars at school times; the traffic counts confirm it.', link: evidence('slovenia/traffic-counts', 'Traffic counts, neighbouring streets') },
        ],
      },
      {
        title: 'Five more schools, with a diversion plan',
        stages: [['plan', 120], ['act', 45]],
        changeIdeas: ['Timed closures with removable barriers', 'Diversion plan agreed with the city transport department', 'Residents’ meeting before each new school street'],
        plan: {
          objective: 'Extend school streets to five more schools, each preceded by a residents’ meeting and a diversion plan agreed with the city transport department',
          prediction: 'NO₂ falls at the new gates as it did at the pilots, without more cars on neighbouring streets',
          measurement: 'NO₂ at the gates; traffic counts on neighbouring streets; hands-up survey',
          who: 'City transport department, five schools, residents’ associations',
          when: 'One school term',
          where: 'Five primary schools in Ljubljana',
        },
        milestones: [
          { title: 'Residents’ meetings at the five schools', owner: person('slovenia.admin'), due: -70, status: 'done', done: 66 },
          { title: 'Barriers and signs at the five schools', owner: person('slovenia.admin'), due: -50, status: 'done', done: 47 },
          { title: 'Diversion plan agreed with the city transport department', owner: person('slovenia.admin'), due: -8, status: 'blocked' },
          { title: 'Traffic counts after the first month', owner: person('slovenia.admin'), due: 6, status: 'doing' },
        ],
        observations: [
          { daysAgo: 33, note: 'Two of the five schools opened their school streets; the other three wait for the transport department’s diversion plan.', link: evidence('slovenia/rollout', 'Roll-out tracker') },
          { daysAgo: 4, note: 'Neighbouring streets still carry more cars at school times than before the pilots.' },
        ],
      },
    ],
    measures: [
      {
        name: 'NO₂ at school gates',
        kind: 'outcome',
        definition: 'Monthly mean nitrogen dioxide from diffusion tubes at the gates of the two pilot schools',
        unit: 'µg/m³',
        direction: 'lower_is_better',
        target: 25,
        chartType: 'xmr',
        // The school streets changed the process: limits are recalculated from the first month after the closures.
        changeMonthsAgo: [10],
        data: { months: 24, level: 38, spread: 3, seed: 81, decimals: 1, steps: [{ monthsAgo: 10, by: -8 }] },
      },
      {
        name: 'Cars an hour on neighbouring streets at school times',
        kind: 'balancing',
        definition: 'Mean cars an hour counted on the two streets next to the pilot schools, 07:30–08:30 and 13:30–14:30',
        unit: 'cars an hour',
        direction: 'lower_is_better',
        target: null,
        chartType: 'run',
        baselineLength: 10,
        data: { months: 20, level: 210, spread: 12, seed: 87, decimals: 0, steps: [{ monthsAgo: 10, by: 38 }] },
      },
      {
        name: 'Pupils walking, cycling or scooting to school',
        kind: 'process',
        definition: 'Pupils answering the monthly hands-up survey who came on foot, by bicycle or by scooter, two pilot schools',
        unit: '% of pupils',
        direction: 'higher_is_better',
        target: 0.6,
        chartType: 'p',
        baselineLength: 8,
        data: { months: 18, level: 0.38, spread: 0.03, seed: 91, denominator: 820, steps: [{ monthsAgo: 10, by: 0.09 }] },
      },
    ],
  },
];

// ---------- turning the table into rows ----------

const DAY = 86_400_000;
const HOUR = 3_600_000;

type Row = Record<string, unknown>;

/** Column types for jsonb_to_recordset, in insertion order (parents before children). */
const TABLES = {
  initiatives: { id: 'uuid', organisation_id: 'uuid', title: 'text', aim_what: 'text', aim_how_much: 'text', aim_by_when: 'date', determinants: 'text[]', sectors: 'text[]', created_by: 'uuid', created_at: 'timestamptz', updated_at: 'timestamptz' },
  initiative_partners: { initiative_id: 'uuid', organisation_id: 'uuid' },
  driver_nodes: { id: 'uuid', initiative_id: 'uuid', parent_id: 'uuid', label: 'text', position: 'int' },
  cycles: { id: 'uuid', initiative_id: 'uuid', number: 'int', title: 'text', stage: 'text', plan: 'jsonb', reflection: 'jsonb', change_idea_ids: 'uuid[]', started_at: 'timestamptz', stage_changed_at: 'timestamptz', closed_at: 'timestamptz' },
  cycle_stage_events: { cycle_id: 'uuid', from_stage: 'text', to_stage: 'text', actor_id: 'uuid', at: 'timestamptz' },
  cycle_milestones: { cycle_id: 'uuid', title: 'text', owner_id: 'uuid', due_on: 'date', status: 'text', position: 'float8', created_at: 'timestamptz', completed_at: 'timestamptz' },
  cycle_observations: { id: 'uuid', cycle_id: 'uuid', observed_on: 'date', note: 'text', evidence: 'jsonb', author_id: 'uuid', created_at: 'timestamptz' },
  cycle_evidence_files: { id: 'uuid', initiative_id: 'uuid', observation_id: 'uuid', name: 'text', content_type: 'text', size: 'int', data: 'bytea', uploaded_by: 'uuid', created_at: 'timestamptz' },
  measures: { id: 'uuid', initiative_id: 'uuid', name: 'text', kind: 'text', definition: 'text', unit: 'text', direction: 'text', target: 'float8', frequency: 'text', chart_type: 'text', baseline_length: 'int', change_points: 'date[]', latest_signal: 'text', created_at: 'timestamptz' },
  measure_points: { measure_id: 'uuid', date: 'date', value: 'float8', numerator: 'bigint', denominator: 'bigint' },
  cycle_activity: { initiative_id: 'uuid', kind: 'text', detail: 'text', actor_id: 'uuid', at: 'timestamptz', from_stage: 'text', to_stage: 'text' },
} as const;
type Table = keyof typeof TABLES;
type DemoRows = Record<Table, Row[]>;

/** A fixed-seed linear congruential generator: the same demo data on every start, yet not visibly regular. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function monthStart(now: Date, monthsAgo: number): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1)).toISOString().slice(0, 10);
}

function demoSeries(spec: SeriesSpec, now: Date): PointRow[] {
  const random = lcg(spec.seed);
  const scale = 10 ** (spec.decimals ?? 1);
  return Array.from({ length: spec.months }, (_, index) => {
    const monthsAgo = spec.months - index;
    let level = spec.level;
    for (const step of spec.steps ?? []) if (monthsAgo <= step.monthsAgo) level += step.by;
    if (spec.drift && monthsAgo <= spec.drift.monthsAgo) level += spec.drift.by * (spec.drift.monthsAgo - monthsAgo + 1);
    level += spec.outliers?.find((outlier) => outlier.monthsAgo === monthsAgo)?.by ?? 0;
    // Two uniforms: small wobbles common, large ones rare, none beyond the spread.
    const value = level + (random() + random() - 1) * spec.spread;
    const date = monthStart(now, monthsAgo);
    if (!spec.denominator) return { date, value: Math.round(value * scale) / scale, numerator: null, denominator: null };
    const denominator = Math.round(spec.denominator * (0.9 + 0.2 * random()));
    const numerator = Math.min(denominator, Math.max(0, Math.round(value * denominator)));
    return { date, value: numerator / denominator, numerator: String(numerator), denominator: String(denominator) };
  });
}

/**
 * Every row of the demo, with ids made here so one batched insert per table does. `organisations` maps names and
 * `people` maps emails to ids.
 */
function demoRows(now: Date, organisations: Map<string, string>, people: Map<string, string>): DemoRows {
  const rows = Object.fromEntries(Object.keys(TABLES).map((table) => [table, []])) as unknown as DemoRows;
  const latest = now.getTime() - HOUR;
  // Office hours that differ from one event to the next, never in the future.
  const ago = (days: number, hour = 8 + (days % 9)) => new Date(Math.min(latest, Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - days) + hour * HOUR));
  const day = (offset: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offset)).toISOString().slice(0, 10);
  const id = (map: Map<string, string>, key: string) => map.get(key) as string;

  for (const [d, demo] of DEMO_INITIATIVES.entries()) {
    const initiativeId = randomUUID();
    const lead = id(people, demo.lead);
    const created = ago(demo.createdDaysAgo);
    const activity = (kind: string, at: Date, detail: string, actor = lead, stages: { from: string; to: string } | null = null) =>
      rows.cycle_activity.push({ initiative_id: initiativeId, kind, detail, actor_id: actor, at: at.toISOString(), from_stage: stages?.from ?? null, to_stage: stages?.to ?? null });
    activity('initiative_created', created, demo.title);
    for (const partner of demo.partners) rows.initiative_partners.push({ initiative_id: initiativeId, organisation_id: id(organisations, partner) });

    const ideaIds = new Map<string, string>();
    demo.drivers.forEach((primary, p) => {
      const primaryId = randomUUID();
      rows.driver_nodes.push({ id: primaryId, initiative_id: initiativeId, parent_id: null, label: primary.label, position: p });
      primary.secondary.forEach((secondary, s) => {
        const secondaryId = randomUUID();
        rows.driver_nodes.push({ id: secondaryId, initiative_id: initiativeId, parent_id: primaryId, label: secondary.label, position: s });
        secondary.ideas.forEach((label, i) => {
          ideaIds.set(label, randomUUID());
          rows.driver_nodes.push({ id: ideaIds.get(label), initiative_id: initiativeId, parent_id: secondaryId, label, position: i });
        });
      });
    });

    demo.cycles.forEach((cycle, c) => {
      const cycleId = randomUUID();
      const number = c + 1;
      const [start] = cycle.stages;
      const [stage, since] = cycle.stages[cycle.stages.length - 1];
      rows.cycles.push({
        id: cycleId,
        initiative_id: initiativeId,
        number,
        title: cycle.title,
        stage,
        plan: cycle.plan,
        reflection: cycle.reflection ?? null,
        change_idea_ids: cycle.changeIdeas.map((label) => {
          if (!ideaIds.has(label)) throw new Error(`Demo cycle "${cycle.title}" tests an unknown change idea: ${label}`);
          return ideaIds.get(label);
        }),
        started_at: ago(start[1]).toISOString(),
        stage_changed_at: ago(since).toISOString(),
        closed_at: stage === 'closed' ? ago(since).toISOString() : null,
      });
      cycle.stages.forEach(([to, daysAgo], k) => {
        const from = k === 0 ? null : cycle.stages[k - 1][0];
        rows.cycle_stage_events.push({ cycle_id: cycleId, from_stage: from, to_stage: to, actor_id: lead, at: ago(daysAgo).toISOString() });
        if (from) activity('stage_changed', ago(daysAgo), `${number}. ${cycle.title}`, lead, { from, to });
        else activity('cycle_started', ago(daysAgo), `${number}. ${cycle.title}`);
      });
      cycle.milestones.forEach((milestone, m) => {
        const completed = milestone.status === 'done' ? ago(milestone.done ?? 0, 16) : null;
        const owner = id(people, milestone.owner);
        rows.cycle_milestones.push({
          cycle_id: cycleId,
          title: milestone.title,
          owner_id: owner,
          due_on: day(milestone.due),
          status: milestone.status,
          position: m,
          // Planned within the cycle's first days (and never after it was done).
          created_at: new Date(Math.min(ago(start[1] - Math.min(m, 3)).getTime(), completed?.getTime() ?? Infinity)).toISOString(),
          completed_at: completed?.toISOString() ?? null,
        });
        if (completed) activity('milestone_done', completed, milestone.title, owner);
      });
      for (const observation of cycle.observations) {
        const observationId = randomUUID();
        const evidence: object[] = observation.link ? [{ kind: 'link', ...observation.link }] : [];
        if (observation.file) {
          const fileId = randomUUID();
          const data = Buffer.from(observation.file.csv, 'utf8');
          evidence.push({ kind: 'file', id: fileId, label: observation.file.name });
          rows.cycle_evidence_files.push({
            id: fileId,
            initiative_id: initiativeId,
            observation_id: observationId,
            name: observation.file.name,
            content_type: 'text/csv',
            size: data.length,
            data: `\\x${data.toString('hex')}`,
            uploaded_by: lead,
            created_at: ago(observation.daysAgo, 15).toISOString(),
          });
        }
        rows.cycle_observations.push({
          id: observationId,
          cycle_id: cycleId,
          observed_on: day(-observation.daysAgo),
          note: observation.note,
          evidence,
          author_id: lead,
          created_at: ago(observation.daysAgo, 15).toISOString(),
        });
        activity('observation_added', ago(observation.daysAgo, 15), observation.note.slice(0, 200));
      }
    });

    demo.measures.forEach((measure, m) => {
      const measureId = randomUUID();
      const points = demoSeries(measure.data, now);
      const shape: Pick<MeasureRow, 'chart_type' | 'direction' | 'baseline_length' | 'change_points'> = {
        chart_type: measure.chartType,
        direction: measure.direction,
        baseline_length: measure.baselineLength ?? null,
        change_points: (measure.changeMonthsAgo ?? []).map((monthsAgo) => monthStart(now, monthsAgo)),
      };
      const measureCreated = new Date(created.getTime() + (2 + m) * DAY);
      rows.measures.push({
        id: measureId,
        initiative_id: initiativeId,
        name: measure.name,
        kind: measure.kind,
        definition: measure.definition,
        unit: measure.unit,
        direction: measure.direction,
        target: measure.target,
        frequency: 'monthly',
        chart_type: measure.chartType,
        baseline_length: shape.baseline_length,
        change_points: shape.change_points,
        // What MeasuresService keeps current on every write, from the same points.
        latest_signal: latestSignal(chartOf(shape, points), points.length),
        created_at: measureCreated.toISOString(),
      });
      for (const point of points) rows.measure_points.push({ measure_id: measureId, ...point });
      // The history was imported with the measure; later months were entered a week or so after each month ended.
      const history = points.filter((point) => Date.parse(point.date) < measureCreated.getTime() - 31 * DAY);
      if (history.length) activity('data_added', measureCreated, `${measure.name}: ${history.length}`);
      for (const point of points.slice(history.length)) {
        const monthEnd = Date.UTC(Number(point.date.slice(0, 4)), Number(point.date.slice(5, 7)), 1);
        const usual = monthEnd + (4 + ((m + monthEnd / DAY) % 6)) * DAY + 10 * HOUR;
        // Early in a month last month's figures would be entered in the future: spread them over the last two days.
        const entered = new Date(Math.max(measureCreated.getTime() + HOUR, usual < latest ? usual : latest - ((m * 7 + d * 5) % 40) * HOUR));
        activity('data_added', entered, `${measure.name}: 1`);
      }
    });

    const lastTouched = Math.max(...rows.cycle_activity.filter((a) => a.initiative_id === initiativeId).map((a) => Date.parse(a.at as string)));
    rows.initiatives.push({
      id: initiativeId,
      organisation_id: id(organisations, demo.organisation),
      title: demo.title,
      aim_what: demo.aimWhat,
      aim_how_much: demo.aimHowMuch,
      aim_by_when: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + demo.aimMonthsAhead + 1, 0)).toISOString().slice(0, 10),
      determinants: demo.determinants,
      sectors: demo.sectors,
      created_by: lead,
      created_at: created.toISOString(),
      updated_at: new Date(lastTouched).toISOString(),
    });
  }
  return rows;
}

/**
 * Loads DEMO_INITIATIVES into a demo workspace. Written as SQL rather than through CyclesService because the history
 * must be back-dated (stage changes, milestones, activity); these are this domain's own tables, in one transaction.
 */
@Injectable()
export class CyclesDemo {
  private readonly logger = new Logger('CyclesDemo');

  constructor(
    private readonly db: DataSource,
    private readonly organisationsService: OrganisationsService,
    private readonly users: UsersService,
  ) {}

  async seed(now = new Date()): Promise<void> {
    await this.db.transaction(async (manager) => {
      if ((await manager.query('SELECT 1 FROM initiatives LIMIT 1')).length > 0) return;
      const names = [...new Set(DEMO_INITIATIVES.flatMap((demo) => [demo.organisation, ...demo.partners]))];
      const emails = [...new Set(DEMO_INITIATIVES.flatMap((demo) => [demo.lead, ...demo.cycles.flatMap((cycle) => cycle.milestones.map((m) => m.owner))]))];
      // The demo's organisations by name and people by email, from their owners, within this transaction.
      const organisations = await this.organisationsService.idsNamed(names, manager);
      const people = await this.users.idsByEmail(emails, manager);
      const missing = [...names.filter((name) => !organisations.has(name)), ...emails.filter((email) => !people.has(email))];
      if (missing.length) {
        this.logger.warn(`Demo initiatives skipped: not a demo workspace (missing ${missing.join(', ')})`);
        return;
      }
      const rows = demoRows(now, organisations, people);
      for (const table of Object.keys(TABLES) as Table[]) await insertRows(manager, table, rows[table]);
      this.logger.log(`Demo initiatives loaded: ${rows.initiatives.length} initiatives, ${rows.cycles.length} cycles, ${rows.measures.length} measures`);
    });
  }
}

async function insertRows(manager: EntityManager, table: Table, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.entries(TABLES[table]);
  const names = columns.map(([name]) => name).join(', ');
  await manager.query(
    `INSERT INTO ${table} (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS r(${columns.map(([name, type]) => `${name} ${type}`).join(', ')})`,
    [JSON.stringify(rows)],
  );
}
