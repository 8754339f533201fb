import { Injectable, Logger } from '@nestjs/common';
import type { AuthContext } from '@simashe/api-core';
import type { ResourceInput } from '@simashe/contracts';
import { ResourcesService } from './resources.service';

type DemoResource = Omit<ResourceInput, 'organisationId'> & { owner: string; author: string; pdf?: boolean; getStarted?: boolean };

/** Made-up resources for the demo workspace (labelled as such), from the secretariat, a partner and Kenya. */
export const DEMO_RESOURCES: DemoResource[] = [
  {
    owner: 'secretariat',
    author: 'secretariat.admin',
    kind: 'guidance',
    title: 'Getting started with health inequality monitoring (made-up demo)',
    summary: 'The monitoring cycle in five steps: choose indicators, disaggregate, analyse with summary measures, report, and act. Made-up demo content.',
    authors: ['SIMASHE secretariat'],
    language: 'en',
    topic: 'inequality_monitoring',
    determinant: null,
    regionCode: null,
    year: 2026,
    url: null,
    visibility: 'public',
    pdf: true,
    getStarted: true,
  },
  {
    owner: 'secretariat',
    author: 'secretariat.admin',
    kind: 'tool',
    title: 'Summary measures at a glance: D, R, SII, RII, PAF (made-up demo)',
    summary: 'Which summary measure to use for ordered and unordered dimensions, and how to read it. Made-up demo content.',
    authors: ['SIMASHE secretariat', 'HIM Network'],
    language: 'en',
    topic: 'data_and_methods',
    determinant: null,
    regionCode: null,
    year: 2026,
    url: 'https://example.org/simashe-demo/summary-measures',
    visibility: 'public',
    getStarted: true,
  },
  {
    owner: 'secretariat',
    author: 'secretariat.admin',
    kind: 'training',
    title: 'Suivi des inégalités : module d’introduction (démo fictive)',
    summary: 'Un module d’une heure pour les équipes pays : désagréger un indicateur et le lire. Contenu de démonstration fictif.',
    authors: ['Secrétariat SIMASHE'],
    language: 'fr',
    topic: 'inequality_monitoring',
    determinant: 'social',
    regionCode: 'AFRO',
    year: 2025,
    url: 'https://example.org/simashe-demo/module-introduction',
    visibility: 'network',
    getStarted: true,
  },
  {
    owner: 'secretariat',
    author: 'secretariat.admin',
    kind: 'slides',
    title: 'Action-learning cycles: plan, act, observe, reflect (made-up demo)',
    summary: 'Slides from the network webinar on running an action-learning cycle. Made-up demo content.',
    authors: ['SIMASHE secretariat'],
    language: 'en',
    topic: 'action_learning',
    determinant: null,
    regionCode: null,
    year: 2026,
    url: 'https://example.org/simashe-demo/action-learning-slides',
    visibility: 'network',
  },
  {
    owner: 'kenya',
    author: 'kenya.editor',
    kind: 'publication',
    title: 'Kenya: housing and health in informal settlements, first findings (made-up demo)',
    summary: 'What the first cycle of the healthy-housing initiative found. Made-up demo content.',
    authors: ['Kenya country pathfinder team'],
    language: 'en',
    topic: 'determinants',
    determinant: 'environmental',
    regionCode: 'AFRO',
    year: 2026,
    url: 'https://example.org/simashe-demo/kenya-housing',
    visibility: 'organisation',
  },
];

/** Writes the demo resources through `ResourcesService`, as their authors, and the "Getting started" collection. */
@Injectable()
export class ResourcesDemo {
  private readonly logger = new Logger('ResourcesDemo');

  constructor(private readonly resources: ResourcesService) {}

  async seed(people: ReadonlyMap<string, AuthContext>, organisations: ReadonlyMap<string, string>): Promise<void> {
    const gettingStarted: string[] = [];
    for (const { owner, author, pdf, getStarted, ...input } of DEMO_RESOURCES) {
      const auth = people.get(author);
      const organisationId = organisations.get(owner);
      if (!auth || !organisationId) continue;
      const resource = await this.resources.create(auth, { ...input, organisationId });
      if (pdf) {
        const data = demoPdf(input.title);
        await this.resources.putFile(auth, resource.id, { originalname: 'getting-started-demo.pdf', mimetype: 'application/pdf', size: data.length, buffer: data });
      }
      if (getStarted) gettingStarted.push(resource.id);
    }
    await this.resources.seedCollection(
      'getting-started',
      'Getting started with inequality monitoring',
      'Where a new country team starts: the monitoring cycle, the summary measures, and an introductory module.',
      gettingStarted,
    );
    this.logger.log(`Demo resources loaded: ${DEMO_RESOURCES.length}`);
  }
}

/** A one-page PDF with the title on it (a real, minimal PDF document). */
export function demoPdf(title: string): Buffer {
  const text = title.replace(/[^\x20-\x7e]/g, '?').replace(/[()\\]/g, '');
  const stream = `BT /F1 14 Tf 50 750 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
