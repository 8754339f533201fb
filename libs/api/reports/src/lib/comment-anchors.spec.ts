import { REPORT_DOCUMENT_FIELD } from '@simashe/contracts';
import * as Y from 'yjs';
import { anchoredText, reanchor } from './report-comments.service';

/** A block (`name`) holding `text`, put in the report at `index`; its text node. */
function addBlock(doc: Y.Doc, index: number, name: string, text: string): Y.XmlText {
  const element = new Y.XmlElement(name);
  const body = new Y.XmlText(text);
  element.insert(0, [body]);
  doc.getXmlFragment(REPORT_DOCUMENT_FIELD).insert(index, [element]);
  return body;
}

function paragraph(text: string): { doc: Y.Doc; body: Y.XmlText } {
  const doc = new Y.Doc();
  return { doc, body: addBlock(doc, 0, 'paragraph', text) };
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

  it('follows words that Enter moved into the next paragraph (the editor writes them anew there)', () => {
    const { doc, body } = paragraph('Clinics opened. Water points followed.');
    const [start, end] = [at(body, 16), at(body, 28)];
    // What the editor does for Enter before "Water": the rest of the paragraph deleted, a new paragraph after it.
    let moved: Y.XmlText | undefined;
    doc.transact(() => {
      body.delete(16, body.length - 16);
      moved = addBlock(doc, 1, 'paragraph', 'Water points followed.');
    });
    expect(anchoredText(doc, start, end)).toBe('');
    const placed = reanchor(doc, start, end, 'Water points');
    expect(placed).not.toBeNull();
    expect(anchoredText(doc, placed!.start, placed!.end)).toBe('Water points');
    expect(Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(placed!.start), doc)?.type).toBe(moved);
    // Held by the words' own first and last characters: text typed right before or after them stays out.
    moved!.insert('Water points'.length, ' and wells');
    moved!.insert(0, 'New ');
    expect(moved!.toString()).toBe('New Water points and wells followed.');
    expect(anchoredText(doc, placed!.start, placed!.end)).toBe('Water points');
  });

  it('follows words whose paragraph became a heading (the block replaced), when they are in the report once', () => {
    const { doc, body } = paragraph('Equity findings by district');
    const [start, end] = [at(body, 0), at(body, 6)];
    doc.transact(() => {
      doc.getXmlFragment(REPORT_DOCUMENT_FIELD).delete(0, 1);
      addBlock(doc, 0, 'heading', 'Equity findings by district');
    });
    const placed = reanchor(doc, start, end, 'Equity');
    expect(placed && anchoredText(doc, placed.start, placed.end)).toBe('Equity');
    // The same words twice in the report: no telling which, so the comment says its text is gone.
    addBlock(doc, 1, 'paragraph', 'Equity again');
    expect(reanchor(doc, start, end, 'Equity')).toBeNull();
  });

  it('does not follow deleted words to the same words further on (only to the next paragraph)', () => {
    const { doc, body } = paragraph('Keep water safe.');
    addBlock(doc, 1, 'paragraph', 'Unrelated text.');
    addBlock(doc, 2, 'paragraph', 'Later: water again.');
    const [start, end] = [at(body, 5), at(body, 10)];
    body.delete(5, 6);
    expect(reanchor(doc, start, end, 'water')).toBeNull();
  });

  it('gives up when the words are really gone, or there is no quote', () => {
    const { doc, body } = paragraph('keep this sentence');
    const [start, end] = [at(body, 0), at(body, 4)];
    body.delete(0, 5);
    expect(reanchor(doc, start, end, 'keep')).toBeNull();
    expect(reanchor(doc, start, end, '')).toBeNull();
  });
});
