import { Injectable, Logger } from '@nestjs/common';
import { DocumentRooms } from '@simashe/api-collaboration';
import type { AuthContext } from '@simashe/api-core';
import { LessonsService } from '@simashe/api-lessons';
import { ReportsService } from '@simashe/api-reports';
import { REPORT_DOCUMENT_FIELD, type LinkedItemRef } from '@simashe/contracts';
import * as Y from 'yjs';
import { PublicationsService } from './publications.service';

export const DEMO_PUBLICATION_TITLE = 'Monitoring inequalities in skilled birth attendance: lessons from three pathfinders (made-up demo)';

/**
 * Two made-up outputs: an article Kenya leads with Ghana and the secretariat, in drafting, linked to Kenya's lessons
 * and report, with the start of its draft; and a published brief of the secretariat with a DOI (10.5555 is the
 * prefix Crossref keeps for examples).
 */
@Injectable()
export class PublicationsDemo {
  private readonly logger = new Logger('PublicationsDemo');

  constructor(
    private readonly publications: PublicationsService,
    private readonly lessons: LessonsService,
    private readonly reports: ReportsService,
    private readonly rooms: DocumentRooms,
  ) {}

  async seed(people: ReadonlyMap<string, AuthContext>, organisations: ReadonlyMap<string, string>): Promise<void> {
    const kenyaEditor = people.get('kenya.editor');
    const secretariatAdmin = people.get('secretariat.admin');
    const kenya = organisations.get('kenya');
    const ghana = organisations.get('ghana');
    const secretariat = organisations.get('secretariat');
    if (!kenyaEditor || !secretariatAdmin || !kenya || !ghana || !secretariat) return;

    const [lesson] = await this.lessons.list(kenyaEditor, { organisationId: kenya, status: 'published' }, 1);
    const reports = await this.reports.list(kenyaEditor, { organisationId: kenya, page: 1, pageSize: 1, sort: 'lastEdited', order: 'desc' });
    const links: LinkedItemRef[] = [...(lesson ? [{ kind: 'lesson' as const, id: lesson.id }] : []), ...(reports.items[0] ? [{ kind: 'report' as const, id: reports.items[0].id }] : [])];
    const article = await this.publications.seed(
      kenyaEditor,
      {
        organisationId: kenya,
        kind: 'article',
        title: DEMO_PUBLICATION_TITLE,
        abstract: 'How Kenya, Ghana and Sri Lanka disaggregated skilled birth attendance by wealth, place and education, what the gaps showed, and what the teams changed. Made-up demo content.',
        venue: 'International Journal for Equity in Health',
        year: 2027,
        authors: [
          { givenName: 'Amina', familyName: 'Otieno', affiliation: 'Ministry of Health, Kenya', organisationId: kenya },
          { givenName: 'Kwame', familyName: 'Mensah', affiliation: 'Ghana Health Service', organisationId: ghana },
          { givenName: 'Jean', familyName: 'Dupont', affiliation: 'SIMASHE secretariat, WHO', organisationId: secretariat },
        ],
        links,
      },
      [{ status: 'drafting' }],
    );
    await this.rooms.edit({ kind: 'publication', documentId: article.documentId }, kenyaEditor.userId, (live) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
      const before = Y.encodeStateVector(doc);
      const fragment = doc.getXmlFragment(REPORT_DOCUMENT_FIELD);
      const paragraph = (text: string, heading = false) => {
        const node = new Y.XmlElement(heading ? 'heading' : 'paragraph');
        if (heading) node.setAttribute('level', 2 as never);
        node.insert(0, [new Y.XmlText(text)]);
        return node;
      };
      fragment.insert(0, [
        paragraph('Background', true),
        paragraph('Skilled birth attendance is near universal in the richest fifth of households and far lower in the poorest. (Made-up demo draft.)'),
        paragraph('Methods', true),
        paragraph('Each pathfinder disaggregated its latest survey by wealth quintile, place of residence and education, and computed the difference and ratio.'),
      ]);
      return Y.encodeStateAsUpdate(doc, before);
    });

    await this.publications.seed(
      secretariatAdmin,
      {
        organisationId: secretariat,
        kind: 'brief',
        title: 'Cash transfers and child health equity: a policy brief (made-up demo)',
        abstract: 'What the pathfinders learnt about conditional and unconditional cash transfers and the gaps in child health. Made-up demo content.',
        venue: 'SIMASHE policy briefs',
        year: 2026,
        authors: [{ givenName: '', familyName: 'SIMASHE secretariat', affiliation: 'World Health Organization', organisationId: secretariat }],
        links: [],
      },
      [{ status: 'drafting' }, { status: 'submitted' }, { status: 'under_review' }, { status: 'published', doi: '10.5555/simashe-demo.2026.001' }],
    );
    this.logger.log('Demo publications loaded: 2');
  }
}
