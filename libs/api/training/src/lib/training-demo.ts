import { Injectable, Logger } from '@nestjs/common';
import type { AuthContext } from '@simashe/api-core';
import { ResourcesService } from '@simashe/api-resources';
import type { CourseInput, ModuleProgressInput } from '@simashe/contracts';
import { TrainingService } from './training.service';

export const DEMO_COURSE_TITLE = 'Measuring health inequalities: first steps (made-up demo)';

/** How many of the demo course's modules each demo learner has done, in order ('all': completed, with a certificate). */
const LEARNERS: Array<{ person: string; steps: number | 'all' }> = [
  { person: 'kenya.admin', steps: 'all' },
  { person: 'brazil.admin', steps: 'all' },
  { person: 'kenya.editor', steps: 2 },
  { person: 'ghana.admin', steps: 1 },
];

/** A made-up course of the secretariat, taken by four demo people: two completed (with certificates), two under way. */
@Injectable()
export class TrainingDemo {
  private readonly logger = new Logger('TrainingDemo');

  constructor(
    private readonly training: TrainingService,
    private readonly resources: ResourcesService,
  ) {}

  async seed(people: ReadonlyMap<string, AuthContext>, organisations: ReadonlyMap<string, string>): Promise<void> {
    const trainer = people.get('secretariat.admin');
    const organisationId = organisations.get('secretariat');
    if (!trainer || !organisationId) return;
    const [guide] = await this.resources.list(trainer, { q: 'Getting started with health inequality monitoring' });
    const input: CourseInput = {
      organisationId,
      title: DEMO_COURSE_TITLE,
      summary: 'A first course for country teams: read the monitoring cycle, watch the introductory webinar, reflect on your own data, and check what you learnt. Made-up demo content.',
      language: 'en',
      published: true,
      modules: [
        ...(guide ? [{ kind: 'resource' as const, title: 'Read: the monitoring cycle in five steps', body: 'Read the guide, then mark this module done.', resourceId: guide.id }] : []),
        { kind: 'webinar', title: 'Watch: the network’s introductory webinar', body: 'The recording is 50 minutes long.', url: 'https://example.org/simashe-demo/webinar-recording' },
        { kind: 'reflection', title: 'Reflect: one indicator your team could disaggregate', body: 'Which indicator would your team disaggregate first, by which dimension, and why?' },
        {
          kind: 'quiz',
          title: 'Check your understanding',
          body: 'Three questions; 70 % passes, and you can try again.',
          passMark: 70,
          questions: [
            { prompt: 'Which measure is relative?', options: ['Difference (D)', 'Ratio (R)', 'Slope index of inequality (SII)'], correct: 1 },
            { prompt: 'Which dimension is ordered?', options: ['Sex', 'Wealth quintile', 'Region'], correct: 1 },
            { prompt: 'What comes after disaggregating the data?', options: ['Analysing it with summary measures', 'Choosing indicators', 'Nothing'], correct: 0 },
          ],
        },
      ],
    };
    const courseId = await this.training.seed(input, trainer.userId);
    const course = await this.training.get(trainer, courseId);
    const answers: ModuleProgressInput[] = course.modules.map((module) =>
      module.kind === 'reflection'
        ? { reflection: 'Skilled birth attendance by wealth quintile: our last survey has it, and the gap drives our maternal health plan.' }
        : module.kind === 'quiz'
          ? { answers: [1, 1, 0] }
          : { done: true },
    );
    for (const { person, steps } of LEARNERS) {
      const learner = people.get(person);
      if (!learner) continue;
      await this.training.enrol(learner, courseId);
      const done = steps === 'all' ? course.modules.length : steps;
      for (const [index, module] of course.modules.slice(0, done).entries()) await this.training.progress(learner, courseId, module.id, answers[index]);
    }
    this.logger.log('Demo course loaded');
  }
}
