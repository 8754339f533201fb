import { reportSchema } from '@simashe/editor';
import { dueDateDecorations } from './action-item-dates';

describe('action items’ due dates', () => {
  it('are written as the reader’s language writes days, on the items that have one', () => {
    const schema = reportSchema();
    const doc = schema.nodeFromJSON({
      type: 'doc',
      content: [
        { type: 'actionItem', attrs: { dueDate: '2026-03-15' }, content: [{ type: 'text', text: 'Call the ministry' }] },
        { type: 'actionItem', attrs: { dueDate: null }, content: [{ type: 'text', text: 'No date' }] },
        { type: 'actionItem', attrs: { dueDate: 'soon' }, content: [{ type: 'text', text: 'Not a day' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Text' }] },
      ],
    });
    const french = (day: string) => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
    const found = dueDateDecorations(doc, french).find();
    expect(found).toHaveLength(1);
    expect(found[0].from).toBe(0);
    expect((found[0] as unknown as { type: { attrs: Record<string, string> } }).type.attrs).toEqual({ 'data-due-text': '15 mars 2026' });
  });
});
