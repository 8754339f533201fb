import { CourseInputSchema, type Course, type CourseCompletion, type CourseModule, type CourseSummary } from '@simashe/contracts';
import {
  addOption,
  completionShare,
  completionTables,
  courseInput,
  draftFromCourse,
  emptyCourse,
  emptyModule,
  moveItem,
  normaliseCertificateCode,
  orderedModules,
  parsePassMark,
  progressPercent,
  quizAnswers,
  reflectionLength,
  removeOption,
  splitCourses,
  type QuestionDraft,
} from './training-logic';

const ORG = '6f0c6a2e-1d7b-4b8e-9a53-0f2b7c1d2e3f';
const RESOURCE = '0b6b1c3e-5d2a-4f1e-8c9d-7a6b5c4d3e2f';
const ids = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];

const summary = (over: Partial<CourseSummary> = {}): CourseSummary => ({
  id: ids[0],
  organisationId: ORG,
  organisationName: 'SIMASHE Secretariat',
  title: 'Course',
  summary: '',
  language: 'en',
  published: true,
  moduleCount: 4,
  updatedAt: '2026-12-01T10:00:00.000Z',
  enrolment: null,
  canEdit: false,
  canEnrol: true,
  canTrack: false,
  ...over,
});

const courseModule = (over: Partial<CourseModule>): CourseModule => ({
  id: ids[0],
  position: 0,
  kind: 'reflection',
  title: 'Module',
  body: '',
  resourceId: null,
  resourceTitle: null,
  url: null,
  passMark: null,
  questions: [],
  progress: null,
  ...over,
});

describe('progressPercent', () => {
  it('is a whole percentage, 0 for a course with no module, never above 100', () => {
    expect(progressPercent(0, 4)).toBe(0);
    expect(progressPercent(1, 3)).toBe(33);
    expect(progressPercent(2, 3)).toBe(67);
    expect(progressPercent(4, 4)).toBe(100);
    expect(progressPercent(0, 0)).toBe(0);
    expect(progressPercent(5, 4)).toBe(100);
  });
});

describe('splitCourses', () => {
  it('puts enrolled courses under "My courses" and the others, drafts included, in the catalogue', () => {
    const enrolled = summary({ id: ids[0], enrolment: { enrolledAt: '2026-12-01T10:00:00.000Z', completedAt: null, completedModules: 1, certificateCode: null } });
    const open = summary({ id: ids[1] });
    const draft = summary({ id: ids[2], published: false, canEdit: true, canEnrol: false });
    const { mine, catalogue } = splitCourses([enrolled, open, draft]);
    expect(mine.map((c) => c.id)).toEqual([ids[0]]);
    expect(catalogue.map((c) => c.id)).toEqual([ids[1], ids[2]]);
  });
});

describe('moveItem', () => {
  it('swaps with the neighbour and leaves the list unchanged at either end', () => {
    expect(moveItem(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a'], 5, 1)).toEqual(['a']);
  });
  it('does not change the list it was given', () => {
    const list = ['a', 'b'];
    moveItem(list, 0, 1);
    expect(list).toEqual(['a', 'b']);
  });
});

describe('quiz answers options', () => {
  const question: QuestionDraft = { key: 'q', prompt: 'Which?', options: ['a', 'b', 'c'], correct: 2 };
  it('keeps the right-answer mark on the same answer when an earlier one goes, and clears it when that answer goes', () => {
    expect(removeOption(question, 0)).toMatchObject({ options: ['b', 'c'], correct: 1 });
    expect(removeOption(question, 2)).toMatchObject({ options: ['a', 'b'], correct: null });
    expect(removeOption({ ...question, correct: 0 }, 1)).toMatchObject({ options: ['a', 'c'], correct: 0 });
  });
  it('keeps at least 2 and at most 6 answers', () => {
    const two = { ...question, options: ['a', 'b'] };
    expect(removeOption(two, 0)).toBe(two);
    const six = { ...question, options: ['1', '2', '3', '4', '5', '6'] };
    expect(addOption(six)).toBe(six);
    expect(addOption(question).options).toEqual(['a', 'b', 'c', '']);
  });
});

describe('courseInput', () => {
  it('turns the editor draft into a CourseInput the API accepts, modules in the editor order with their ids', () => {
    const draft = emptyCourse(ORG, 'fr');
    const resource = { ...emptyModule('resource'), id: ids[0], title: ' Read the guide ', resourceId: RESOURCE };
    const webinar = { ...emptyModule('webinar'), title: 'Watch', url: ' https://example.org/recording ' };
    const reflection = { ...emptyModule('reflection'), title: 'Reflect', body: ' What did you learn? ' };
    const quiz = { ...emptyModule('quiz'), title: 'Check', passMark: ' 80 ' };
    quiz.questions = [{ ...quiz.questions[0], prompt: ' 1 + 1? ', options: [' 2 ', '3'], correct: 0 }];
    const input = courseInput({ ...draft, title: '  First steps  ', published: true, modules: moveItem([resource, webinar, reflection, quiz], 0, 1) });
    expect(input).toEqual({
      organisationId: ORG,
      title: 'First steps',
      summary: '',
      language: 'fr',
      published: true,
      modules: [
        { title: 'Watch', body: '', kind: 'webinar', url: 'https://example.org/recording' },
        { id: ids[0], title: 'Read the guide', body: '', kind: 'resource', resourceId: RESOURCE },
        { title: 'Reflect', body: 'What did you learn?', kind: 'reflection' },
        { title: 'Check', body: '', kind: 'quiz', passMark: 80, questions: [{ prompt: '1 + 1?', options: ['2', '3'], correct: 0 }] },
      ],
    });
    expect(CourseInputSchema.safeParse(input).success).toBe(true);
  });
  it('sends an unmarked question and a bad pass mark so the API words the refusal at those fields', () => {
    const quiz = { ...emptyModule('quiz'), title: 'Check', passMark: 'eighty' };
    quiz.questions = [{ ...quiz.questions[0], prompt: 'Which?', options: ['a', 'b'] }];
    const input = courseInput({ ...emptyCourse(ORG, 'en'), title: 'Course', modules: [quiz] });
    const result = CourseInputSchema.safeParse(JSON.parse(JSON.stringify(input)));
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['modules.0.passMark', 'modules.0.questions.0.correct']));
  });
  it('a new quiz starts with one question of two answers and the pass mark 70', () => {
    const quiz = emptyModule('quiz');
    expect(quiz.passMark).toBe('70');
    expect(quiz.questions).toHaveLength(1);
    expect(quiz.questions[0].options).toEqual(['', '']);
    expect(emptyModule('resource').key).not.toBe(emptyModule('resource').key);
  });
});

describe('parsePassMark', () => {
  it('reads whole numbers only', () => {
    expect(parsePassMark(' 70 ')).toBe(70);
    expect(parsePassMark('7.5')).toBeNaN();
    expect(parsePassMark('')).toBeNaN();
  });
});

describe('draftFromCourse', () => {
  it('orders the modules by position and keeps their ids, answers and right marks', () => {
    const course: Course = {
      ...summary({ canEdit: true }),
      modules: [
        courseModule({ id: ids[1], position: 1, kind: 'quiz', passMark: 60, questions: [{ prompt: 'Q', options: ['x', 'y'], correct: 1 }] }),
        courseModule({ id: ids[0], position: 0, kind: 'resource', resourceId: RESOURCE, resourceTitle: 'Guide' }),
      ],
    };
    const draft = draftFromCourse(course);
    expect(draft.modules.map((m) => [m.id, m.kind])).toEqual([
      [ids[0], 'resource'],
      [ids[1], 'quiz'],
    ]);
    expect(draft.modules[0]).toMatchObject({ resourceId: RESOURCE, resourceTitle: 'Guide', url: '' });
    expect(draft.modules[1]).toMatchObject({ passMark: '60', questions: [{ prompt: 'Q', options: ['x', 'y'], correct: 1 }] });
    expect(CourseInputSchema.safeParse(courseInput({ ...draft, modules: draft.modules.map((m) => ({ ...m, title: 'Long enough' })) })).success).toBe(true);
  });
});

describe('quizAnswers', () => {
  it('gives the answers in question order once every question is answered', () => {
    expect(quizAnswers(3, { 0: 1, 1: 0, 2: 3 })).toEqual({ answers: [1, 0, 3] });
  });
  it('names the unanswered questions otherwise', () => {
    expect(quizAnswers(3, { 1: 0 })).toEqual({ unanswered: [0, 2] });
    expect(quizAnswers(0, {})).toEqual({ answers: [] });
  });
});

describe('orderedModules', () => {
  it('sorts by position and says which are done', () => {
    const modules = orderedModules({
      modules: [courseModule({ id: ids[1], position: 1 }), courseModule({ id: ids[0], position: 0, progress: { completedAt: '2026-12-01T10:00:00.000Z', score: null, reflection: 'x' } })],
    });
    expect(modules.map((m) => [m.id, m.done])).toEqual([
      [ids[0], true],
      [ids[1], false],
    ]);
  });
});

describe('reflectionLength', () => {
  it('counts as the API does (trimmed), at least 20 characters', () => {
    expect(reflectionLength('   too short   ')).toEqual({ length: 9, ok: false });
    expect(reflectionLength('x'.repeat(20)).ok).toBe(true);
  });
});

describe('completion', () => {
  it('a share is completed over enrolled, or null when nobody enrolled', () => {
    expect(completionShare(1, 4)).toBe(0.25);
    expect(completionShare(0, 0)).toBeNull();
  });
  it('orders organisations by enrolment then name, and regions by code with the unknown last', () => {
    const completion: CourseCompletion = {
      courseId: ids[0],
      enrolled: 6,
      completed: 2,
      byOrganisation: [
        { organisationId: ids[0], organisationName: 'Zambia MoH', regionCode: 'AFRO', enrolled: 1, completed: 0 },
        { organisationId: null, organisationName: null, regionCode: null, enrolled: 1, completed: 1 },
        { organisationId: ids[1], organisationName: 'Kenya MoH', regionCode: 'AFRO', enrolled: 3, completed: 1 },
        { organisationId: ids[2], organisationName: 'Brazil MoH', regionCode: 'AMRO', enrolled: 1, completed: 0 },
      ],
      byRegion: [
        { regionCode: null, enrolled: 1, completed: 1 },
        { regionCode: 'AMRO', enrolled: 1, completed: 0 },
        { regionCode: 'AFRO', enrolled: 4, completed: 1 },
      ],
    };
    const { byOrganisation, byRegion } = completionTables(completion, new Intl.Collator('en'));
    expect(byOrganisation.map((row) => row.organisationName)).toEqual(['Kenya MoH', 'Brazil MoH', 'Zambia MoH', null]);
    expect(byOrganisation[0].share).toBeCloseTo(1 / 3);
    expect(byRegion.map((row) => [row.regionCode, row.share])).toEqual([
      ['AFRO', 0.25],
      ['AMRO', 0],
      [null, 1],
    ]);
  });
});

describe('normaliseCertificateCode', () => {
  it('accepts a code in any case, with or without dashes or spaces, and writes it in groups of four', () => {
    expect(normaliseCertificateCode('7k2m-q9xd-4hza')).toBe('7K2M-Q9XD-4HZA');
    expect(normaliseCertificateCode(' 7K2MQ9XD4HZA ')).toBe('7K2M-Q9XD-4HZA');
    expect(normaliseCertificateCode('7K2M Q9XD 4HZA')).toBe('7K2M-Q9XD-4HZA');
  });
  it('refuses what cannot be a code: wrong length, or the letters I, L, O and U', () => {
    expect(normaliseCertificateCode('7K2M-Q9XD')).toBeNull();
    expect(normaliseCertificateCode('7K2M-Q9XD-4HZO')).toBeNull();
    expect(normaliseCertificateCode('')).toBeNull();
  });
});
