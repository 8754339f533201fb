import { Injectable } from '@nestjs/common';
import type { AuthContext } from '@simashe/api-core';
import { MembershipCallsService } from '@simashe/api-organisations';

/** Made-up institutions applying to the demo's open call (none of them is a real application). */
const APPLICANTS = [
  {
    institutionName: 'Centre for Health Equity Analytics, New Delhi',
    countryIso3: 'IND',
    website: 'https://equity-analytics.example.org',
    expertise: ['inequality_monitoring', 'statistics', 'data_visualisation'],
    contactName: 'Priya Raman',
    contactEmail: 'priya.raman@example.org',
    motivation: 'We publish district-level inequality dashboards for three states and would like to share our disaggregation methods, and learn from pathfinders how the findings feed policy.',
  },
  {
    institutionName: 'Laboratorio de Equidad en Salud, Bogotá',
    countryIso3: 'COL',
    website: null,
    expertise: ['survey_methods', 'social_determinants', 'training'],
    contactName: 'Andrés Gómez',
    contactEmail: 'andres.gomez@example.org',
    motivation: 'Trabajamos con encuestas de hogares para medir desigualdades por etnia y territorio, y ofrecemos formación a equipos ministeriales de la región.',
  },
];

/** The demo's open call: run by the secretariat, with two applications, one already scored by the steering committee. */
@Injectable()
export class CallsDemo {
  constructor(private readonly calls: MembershipCallsService) {}

  async seed(people: Map<string, AuthContext>): Promise<void> {
    const secretariat = people.get('secretariat.admin');
    const reviewer = people.get('partner.admin');
    if (!secretariat || !reviewer) return;
    const next = new Date().getUTCFullYear() + 1;
    const call = await this.calls.createCall(secretariat, {
      title: `${next} open call for member institutions`,
      description: 'Institutions that monitor health inequalities, or train others to, are invited to join the Health Inequality Monitoring Network.',
      criteria: [{ label: 'Experience in health inequality monitoring' }, { label: 'Data, methods or training the institution can share' }, { label: 'Commitment to the network’s activities' }],
      deadlineLocal: `${next}-03-31T17:00`,
      timeZone: 'Europe/Zurich',
    });
    for (const applicant of APPLICANTS) await this.calls.apply(call.id, JSON.stringify(applicant), [], 'en');
    const [first] = (await this.calls.applications(secretariat, call.id)).items;
    await this.calls.review(reviewer, first.id, { scores: { c1: 5, c2: 4, c3: 4 }, comment: 'Strong dashboards; ask how they would host a webinar for the network.' });
  }
}
