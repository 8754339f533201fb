import { ACCOUNTS } from './catalogue/accounts';
import { CONTRACTS } from './catalogue/contracts';
import { CORE } from './catalogue/core';
import { CYCLES } from './catalogue/cycles';
import { LESSONS } from './catalogue/lessons';
import { MEETINGS } from './catalogue/meetings';
import { MONITORING } from './catalogue/monitoring';
import { ORGANISATIONS } from './catalogue/organisations';
import { REPORTS } from './catalogue/reports';
import { RESOURCES } from './catalogue/resources';
import { MEMBERSHIP_CALLS } from './catalogue/membership-calls';
import { TRAINING } from './catalogue/training';
import { PUBLICATIONS } from './catalogue/publications';
import type { CatalogueEntry } from './types';

/** Every sentence the API can send to a person, in the four languages. */
export const CATALOGUE: readonly CatalogueEntry[] = [...CORE, ...ACCOUNTS, ...ORGANISATIONS, ...REPORTS, ...MEETINGS, ...LESSONS, ...CYCLES, ...MONITORING, ...RESOURCES, ...MEMBERSHIP_CALLS, ...TRAINING, ...PUBLICATIONS, ...CONTRACTS];
