import { groupCandidates, submissionRecipients } from './report-workflow';
import { nextSort } from './report-list';

describe('report list sorting', () => {
  it('flips the order on the same column, and starts dates newest first and words from A', () => {
    expect(nextSort({ sort: 'title', order: 'asc' }, 'title')).toEqual({ sort: 'title', order: 'desc' });
    expect(nextSort({ sort: 'title', order: 'desc' }, 'title')).toEqual({ sort: 'title', order: 'asc' });
    expect(nextSort({ sort: 'title', order: 'asc' }, 'lastEdited')).toEqual({ sort: 'lastEdited', order: 'desc' });
    expect(nextSort({ sort: 'lastEdited', order: 'desc' }, 'author')).toEqual({ sort: 'author', order: 'asc' });
    expect(nextSort({ sort: 'status', order: 'asc' }, 'period')).toEqual({ sort: 'period', order: 'desc' });
  });
});

describe('report workflow texts', () => {
  it('groups reviewer candidates by organisation, keeping the order given', () => {
    const groups = groupCandidates([
      { id: '1', name: 'Amina', organisationName: 'Kenya' },
      { id: '2', name: 'Brian', organisationName: 'Kenya' },
      { id: '3', name: 'Chidi', organisationName: 'WHO AFRO' },
    ]);
    expect(groups.map((g) => [g.organisation, g.people.map((p) => p.name)])).toEqual([
      ['Kenya', ['Amina', 'Brian']],
      ['WHO AFRO', ['Chidi']],
    ]);
    expect(groupCandidates([])).toEqual([]);
  });

  it('names who hears of a submission, leaving out offices with nobody in them', () => {
    const people = (organisation: string, count: number) => `${organisation} (${count})`;
    expect(submissionRecipients({ recipients: [{ organisationName: 'WHO AFRO', people: 3 }, { organisationName: 'Empty office', people: 0 }] }, people)).toBe('WHO AFRO (3)');
    expect(submissionRecipients({ recipients: [{ organisationName: 'Empty office', people: 0 }] }, people)).toBeNull();
    expect(submissionRecipients({ recipients: [] }, people)).toBeNull();
  });
});
