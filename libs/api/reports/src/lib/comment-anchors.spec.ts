import { REPORT_DOCUMENT_FIELD } from '@simashe/contracts';
import * as Y from 'yjs';
import { anchoredText, reanchor } from './report-comments.service';

function paragraph(text: string): { doc: Y.Doc; body: Y.XmlText } {
  const doc = new Y.Doc();
  const element = new Y.XmlElement('paragraph');
  const body = new Y.XmlText(text);
  element.insert(0, [body]);
  doc.getXmlFragment(REPORT_DOCUMENT_FIELD).insert(0, [element]);
  return { doc, body };
}
const at = (type: Y.XmlText, index: number) => Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(type, index));

describe('comment anchors brought back by the same words', () => {
  it('leaves anchors alone while their text is there', () => {
    const { doc, body } = paragraph('water and sanitation');
    expect(reanchor(doc, at(body, 10), at(body, 20), 'sanitation')).toBeNull();
  });

  it('finds the words again in the same paragraph, nearest to where they were', () => {
    const { doc, body } = paragraph('clinics first. clinics second. clinics third.');
    // The comment covers "clinics" and ends on the space after it; both are deleted, so both anchors collapse.
    const [start, end] = [at(body, 15), at(body, 22)];
    body.delete(15, 8);
    expect(anchoredText(doc, start, end)).toBe('');
    body.insert(15, 'clinics ');
    expect(anchoredText(doc, start, end)).toBe('');
    const moved = reanchor(doc, start, end, 'clinics');
    expect(moved).not.toBeNull();
    expect(anchoredText(doc, moved!.start, moved!.end)).toBe('clinics');
    // The middle occurrence, where the words were: 15, not 0 or 31.
    expect(Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(moved!.start), doc)?.index).toBe(15);
  });

  it('gives up when the words are really gone, or there is no quote', () => {
    const { doc, body } = paragraph('keep this sentence');
    const [start, end] = [at(body, 0), at(body, 4)];
    body.delete(0, 5);
    expect(reanchor(doc, start, end, 'keep')).toBeNull();
    expect(reanchor(doc, start, end, '')).toBeNull();
  });
});
