import * as Y from 'yjs';
import { FanOutBatch, type FanOutTarget } from './fan-out-batch';

const report = { kind: 'report', documentId: '00000000-0000-4000-8000-000000000001' } as const;
const minutes = { kind: 'meeting_minutes', documentId: '00000000-0000-4000-8000-000000000002' } as const;

/** One editor's keystrokes, each as the update it makes. */
function typist(clientId: number) {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  return (text: string): Uint8Array => {
    let captured: Uint8Array | undefined;
    doc.once('update', (update: Uint8Array) => (captured = update));
    doc.getText('t').insert(doc.getText('t').length, text);
    return captured as Uint8Array;
  };
}

/** What a recipient ends up with after applying what it was sent. */
const textOf = (...updates: Uint8Array[]) => {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
};

describe('FanOutBatch', () => {
  let sent: Array<{ target: FanOutTarget; update: Uint8Array }>;
  let pending: Array<() => void>;
  let batch: FanOutBatch;

  beforeEach(() => {
    sent = [];
    pending = [];
    batch = new FanOutBatch(
      (target, update) => sent.push({ target, update }),
      (flush) => pending.push(flush),
    );
  });
  const runTurn = () => pending.splice(0).forEach((flush) => flush());

  it('sends a lone change as it came, to everyone but its sender, after the current turn', () => {
    const update = typist(1)('a');
    batch.add(report, update, 'socket-a');
    expect(sent).toHaveLength(0);
    runTurn();
    expect(sent).toEqual([{ target: { document: report, except: ['socket-a'] }, update }]);
  });

  it('merges the changes of one turn into one message per recipient; each sender gets only the others’ changes', () => {
    const a = typist(1);
    const b = typist(2);
    batch.add(report, a('a'), 'socket-a');
    batch.add(report, b('b'), 'socket-b');
    batch.add(report, a('c'), 'socket-a');
    runTurn();
    expect(pending).toHaveLength(0);
    const [everyone, toA, toB] = sent;
    expect(sent).toHaveLength(3);
    expect(everyone.target).toEqual({ document: report, except: ['socket-a', 'socket-b'] });
    expect([...textOf(everyone.update)].sort().join('')).toBe('abc');
    expect(toA.target).toEqual({ document: report, except: [], only: 'socket-a' });
    expect(textOf(toA.update)).toBe('b');
    expect(toB.target.only).toBe('socket-b');
    expect(textOf(toB.update)).toBe('ac');
  });

  it('keeps rooms apart; a server change (no sender) reaches everyone', () => {
    batch.add(report, typist(1)('a'), null);
    batch.add(minutes, typist(2)('m'), 'socket-m');
    batch.add(report, typist(3)('r'), null);
    runTurn();
    expect(sent.map(({ target }) => target)).toEqual([
      { document: report, except: [] },
      { document: minutes, except: ['socket-m'] },
    ]);
    expect([...textOf(sent[0].update)].sort().join('')).toBe('ar');
    expect(textOf(sent[1].update)).toBe('m');
    batch.add(report, typist(4)('x'), null);
    expect(pending).toHaveLength(1);
    runTurn();
    expect(sent).toHaveLength(3);
  });
});
