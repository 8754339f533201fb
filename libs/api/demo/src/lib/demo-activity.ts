import { Injectable, Logger } from '@nestjs/common';
import { DocumentRooms } from '@simashe/api-collaboration';
import type { AuthContext } from '@simashe/api-core';
import { CallsDemo } from './demo-calls';
import { CyclesService } from '@simashe/api-cycles';
import { MeetingsService, MinutesService } from '@simashe/api-meetings';
import { MonitoringDemo } from '@simashe/api-monitoring';
import { ResourcesDemo } from '@simashe/api-resources';
import { TrainingDemo } from '@simashe/api-training';
import { PublicationsDemo } from '@simashe/api-publications';
import { ReportImagesService, ReportsService } from '@simashe/api-reports';
import { REPORT_DOCUMENT_FIELD, type ReportStatus } from '@simashe/contracts';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { DEMO_WORKSPACE } from './demo-workspace';

/** One progress report per pathfinder, at different points of the workflow. */
const DEMO_REPORTS: Array<{ author: string; organisation: string; title: string; status: ReportStatus }> = [
  { author: 'kenya.admin', organisation: 'kenya', title: 'Progress report, July–December 2026', status: 'submitted' },
  { author: 'ghana.admin', organisation: 'ghana', title: 'Progress report, July–December 2026', status: 'in_review' },
  { author: 'brazil.admin', organisation: 'brazil', title: 'Informe de avance, julio–diciembre de 2026', status: 'submitted' },
  { author: 'srilanka.admin', organisation: 'sri-lanka', title: 'Progress report, July–December 2026', status: 'draft' },
  { author: 'slovenia.admin', organisation: 'slovenia', title: 'Rapport d’avancement, juillet–décembre 2026', status: 'in_review' },
];

/** Who came to each past session: pathfinder key → attended when (session index + offset) % every !== 0. */
const ATTENDANCE: Record<string, { offset: number; every: number }> = {
  kenya: { offset: 0, every: 99 },
  ghana: { offset: 1, every: 3 },
  brazil: { offset: 0, every: 2 },
  'sri-lanka': { offset: 2, every: 4 },
  slovenia: { offset: 1, every: 99 },
};

/**
 * Reports and past action-learning sessions with attendance, written through the reports and meetings services as
 * their demo authors, so the dashboards' "last report", "meetings" and "attendance" columns show real figures.
 */
@Injectable()
export class DemoActivity {
  constructor(
    private readonly db: DataSource,
    private readonly reports: ReportsService,
    private readonly meetings: MeetingsService,
    private readonly minutes: MinutesService,
    private readonly rooms: DocumentRooms,
    private readonly cycles: CyclesService,
    private readonly monitoring: MonitoringDemo,
    private readonly resources: ResourcesDemo,
    private readonly images: ReportImagesService,
    private readonly calls: CallsDemo,
    private readonly training: TrainingDemo,
    private readonly publications: PublicationsDemo,
  ) {}

  async seed(): Promise<void> {
    const people = new Map<string, AuthContext>();
    const rows: Array<{ id: string; email: string }> = await this.db.query(`SELECT id, email FROM users WHERE email LIKE '%@demo.simashe.org'`);
    for (const row of rows) people.set(row.email.split('@')[0], { userId: row.id, sessionId: '', email: row.email });
    const organisations = new Map<string, string>();
    for (const demo of DEMO_WORKSPACE) {
      const [row] = await this.db.query('SELECT id FROM organisations WHERE name = $1', [demo.name]);
      if (row) organisations.set(demo.key, row.id);
    }
    await this.seedReports(people, organisations);
    await this.seedSessions(people, organisations);
    await this.monitoring.seed(people, organisations);
    await this.resources.seed(people, organisations);
    await this.training.seed(people, organisations);
    await this.publications.seed(people, organisations);
    await this.calls.seed(people);
  }

  private async seedReports(people: Map<string, AuthContext>, organisations: Map<string, string>): Promise<void> {
    for (const demo of DEMO_REPORTS) {
      const auth = people.get(demo.author);
      const organisationId = organisations.get(demo.organisation);
      if (!auth || !organisationId) continue;
      const template = (await this.reports.templates(auth, organisationId)).find((t) => t.name === 'SIMASHE progress report');
      if (!template) continue;
      const report = await this.reports.create(auth, { organisationId, title: demo.title, periodStart: '2026-07-01', periodEnd: '2026-12-31', templateId: template.id });
      // A picture in Kenya's results, so images in the editor and in exports have something to show. A nicety: a failure is logged.
      if (demo.organisation === 'kenya') await this.addPicture(auth, report.id).catch((error: Error) => new Logger('DemoActivity').warn(`Demo report picture skipped: ${error.message}`));
      if (demo.status !== 'draft') await this.reports.changeStatus(auth, report.id, demo.status);
    }
  }

  /** A small drawn chart (made here, no file shipped), uploaded as the author and placed under "Results and evidence". */
  private async addPicture(auth: AuthContext, reportId: string): Promise<void> {
    const bars = [38, 52, 61, 74, 86]
      .map((value, index) => `<rect x="${40 + index * 70}" y="${220 - value * 2}" width="44" height="${value * 2}" fill="#0a7d5a"/><text x="${62 + index * 70}" y="${212 - value * 2}" font-size="14" text-anchor="middle">${value}%</text>`)
      .join('');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="250"><rect width="400" height="250" fill="#ffffff"/>${bars}<line x1="30" y1="220" x2="380" y2="220" stroke="#333"/></svg>`;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the native renderer is loaded only when the demo is seeded
    const { Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
    const png = Buffer.from(new Resvg(svg).render().asPng());
    const image = await this.images.upload(auth, reportId, { originalname: 'kibera-drains-connected.png', mimetype: 'image/png', size: png.length, buffer: png });
    await this.rooms.edit({ kind: 'report', documentId: reportId }, auth.userId, (live) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
      const before = Y.encodeStateVector(doc);
      const fragment = doc.getXmlFragment(REPORT_DOCUMENT_FIELD);
      const at = fragment.toArray().findIndex((node) => node instanceof Y.XmlElement && node.nodeName === 'heading' && node.toArray().map(String).join('') === 'Results and evidence');
      if (at < 0) return null;
      const picture = new Y.XmlElement('image');
      picture.setAttribute('src', image.src);
      picture.setAttribute('alt', 'Share of Kibera households connected to cleaned drains, by quarter: 38%, 52%, 61%, 74%, 86%');
      doc.transact(() => fragment.insert(at + 1, [picture]));
      return Y.encodeStateAsUpdate(doc, before);
    });
  }

  /** A monthly network session that began five months ago, and AFRO's monthly exchange, with who attended. */
  private async seedSessions(people: Map<string, AuthContext>, organisations: Map<string, string>): Promise<void> {
    const pathfinders = Object.keys(ATTENDANCE).filter((key) => organisations.has(key));
    const first = DateTime.now().setZone('Europe/Zurich').minus({ months: 5 }).startOf('month').plus({ days: 9 }).set({ hour: 14 });
    await this.session(people.get('secretariat.admin'), {
      organiser: organisations.get('secretariat'),
      title: 'SIMASHE action-learning session',
      first,
      timeZone: 'Europe/Zurich',
      invited: pathfinders.map((key) => organisations.get(key) as string),
      attendees: (index) =>
        pathfinders
          .filter((key) => (index + ATTENDANCE[key].offset) % ATTENDANCE[key].every !== 0)
          .map((key) => `${key === 'sri-lanka' ? 'srilanka' : key}.admin`),
      people,
    });
    const afroFirst = DateTime.now().setZone('Africa/Nairobi').minus({ months: 4 }).startOf('month').plus({ days: 2 }).set({ hour: 11 });
    const exchange = await this.session(people.get('afro.officer'), {
      organiser: organisations.get('afro'),
      title: 'AFRO pathfinders exchange',
      first: afroFirst,
      timeZone: 'Africa/Nairobi',
      invited: ['kenya', 'ghana'].map((key) => organisations.get(key) as string).filter(Boolean),
      attendees: (index) => (index % 2 === 0 ? ['kenya.editor', 'ghana.admin'] : ['kenya.editor']),
      people,
    });
    // The citation is a nicety of the demo: a failure is logged, and the rest of the workspace still loads.
    await this.citeActionItem(people, exchange).catch((error: Error) => new Logger('DemoActivity').warn(`Demo action-item citation skipped: ${error.message}`));
  }

  /**
   * The last AFRO exchange agreed an action for Kenya, written in its minutes; Kenya's housing cycle cites that
   * action item as evidence of an observation, so the evidence picker and the citation have something to show.
   */
  private async citeActionItem(people: Map<string, AuthContext>, exchange: { meetingId: string; last: string } | null): Promise<void> {
    const officer = people.get('afro.officer');
    const editor = people.get('kenya.editor');
    if (!exchange || !officer || !editor) return;
    const minutes = await this.minutes.open(officer, exchange.meetingId, exchange.last);
    let cited = false;
    // Written as a server-side edit, through the same path as typed ones.
    await this.rooms.edit({ kind: 'meeting_minutes', documentId: minutes.documentId }, officer.userId, (live) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
      const before = Y.encodeStateVector(doc);
      const item = doc
        .getXmlFragment(REPORT_DOCUMENT_FIELD)
        .toArray()
        .find((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'actionItem');
      if (!item) return null;
      doc.transact(() => {
        item.setAttribute('ownerId', editor.userId);
        item.setAttribute('ownerName', 'Kenya country team');
        item.setAttribute('dueDate', DateTime.now().plus({ days: 14 }).toISODate() as string);
        item.insert(0, [new Y.XmlText('Share the clinic data on diarrhoea cases with the county health committee')]);
      });
      cited = true;
      return Y.encodeStateAsUpdate(doc, before);
    });
    if (!cited) return;
    const [action] = (await this.minutes.actionItems(editor, exchange.meetingId)).filter((candidate) => candidate.itemId);
    const housing = (await this.cycles.list(editor, {})).find((initiative) => initiative.title === 'Intersectoral action on housing and health');
    if (!action?.itemId || !housing?.activeCycle) return;
    await this.cycles.addObservation(editor, housing.activeCycle.id, {
      observedOn: DateTime.fromISO(exchange.last).toISODate() as string,
      note: 'At the AFRO exchange we agreed to share the clinic data with the county health committee before the next review.',
      evidence: [{ kind: 'action_item', id: exchange.meetingId, itemId: action.itemId, label: action.text.slice(0, 200) }],
    });
  }

  private async session(
    auth: AuthContext | undefined,
    input: {
      organiser: string | undefined;
      title: string;
      first: DateTime;
      timeZone: string;
      invited: string[];
      attendees: (index: number) => string[];
      people: Map<string, AuthContext>;
    },
  ): Promise<{ meetingId: string; last: string } | null> {
    if (!auth || !input.organiser) return null;
    const local = (time: DateTime) => time.toFormat("yyyy-MM-dd'T'HH:mm");
    const meeting = await this.meetings.create(auth, {
      organiserOrganisationId: input.organiser,
      title: input.title,
      description: 'Country teams report progress on their current cycle and reflect together.',
      kind: 'action_learning_session',
      localStart: local(input.first),
      localEnd: local(input.first.plus({ minutes: 90 })),
      timeZone: input.timeZone,
      rrule: 'FREQ=MONTHLY;COUNT=8',
      networkWide: false,
      invitees: { organisationIds: input.invited, regionCodes: [], userIds: [] },
    });
    const past = (await this.meetings.list(auth, input.first.minus({ days: 1 }).toUTC().toISO() as string, new Date().toISOString()))
      .filter((occurrence) => occurrence.meetingId === meeting.id && Date.parse(occurrence.end) < Date.now())
      .sort((a, b) => a.start.localeCompare(b.start));
    for (const [index, occurrence] of past.entries()) {
      const userIds = input.attendees(index).map((key) => input.people.get(key)?.userId).filter((id): id is string => Boolean(id));
      if (userIds.length) await this.meetings.recordAttendance(auth, meeting.id, occurrence.occurrence, userIds);
    }
    return past.length ? { meetingId: meeting.id, last: past[past.length - 1].occurrence } : null;
  }
}
