import { renderSvg } from './chart-embeds';
import { textWidth } from './pdf-fonts';

describe('chart text measured in the PDF fonts', () => {
  it('gives Arabic words their width in Amiri (ECharts without a canvas counted each Arabic letter as a whole em)', () => {
    const arabic = textWidth('المعالم الرئيسية المفتوحة', 'normal normal 12px sans-serif');
    expect(arabic).toBeGreaterThan(60);
    expect(arabic).toBeLessThan(0.6 * 12 * 'المعالم الرئيسية المفتوحة'.length);
    expect(textWidth('Open milestones', 'bold 12px sans-serif')).toBeGreaterThan(textWidth('Open milestones', '12px sans-serif'));
    expect(textWidth('Open milestones', '24px sans-serif')).toBeCloseTo(2 * textWidth('Open milestones', '12px sans-serif'), 5);
  });

  it('lays a chart’s Arabic legend out with those widths: two entries on one line of a 360-pixel chart', () => {
    const legend = ['المعالم الرئيسية المفتوحة', 'المخطط أن تبقى مفتوحة'];
    const svg = renderSvg(
      { animation: false, legend: { top: 0 }, xAxis: { type: 'category', data: ['a'] }, yAxis: { type: 'value' }, series: legend.map((name) => ({ name, type: 'line', data: [1] })) },
      360,
      220,
    );
    // Each entry's place: `transform="translate(x y)"` on its text.
    const place = (name: string) => new RegExp(`<text[^>]*transform="translate\\(([\\d.]+) ([\\d.]+)\\)"[^>]*>${name}</text>`).exec(svg)?.slice(1).map(Number);
    const [first, second] = legend.map(place);
    expect(first?.[1]).toBeDefined();
    expect(second?.[1]).toBe(first?.[1]);
    expect(second![0]).toBeGreaterThan(first![0]);
  });
});
