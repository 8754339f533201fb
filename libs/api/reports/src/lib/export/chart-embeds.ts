import { Injectable } from '@nestjs/common';
import type { AuthContext } from '@simashe/api-core';
import type { Language } from '@simashe/contracts';
import { readChartEmbedAttributes, type ChartEmbedSource, type ProseMirrorJson } from '@simashe/editor';
import type * as ResvgModule from '@resvg/resvg-js';
import { releaseMeasuring, textWidth } from './pdf-fonts';

/** The SVG-to-PNG renderer (native, 4 MB) is loaded on the first export that needs a picture of a chart. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const resvg = (): typeof ResvgModule => require('@resvg/resvg-js');

/**
 * ECharts is loaded on the first chart drawn, not when the API starts: it holds about 16 MB that a process
 * serving only editors and searches never needs.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const echarts = (): typeof import('echarts') => require('echarts');

let measuresText = false;

/** An ECharts option drawn on the server as SVG, the way the browser draws it (for every domain's charts). */
export function renderSvg(option: Record<string, unknown>, width: number, height: number): string {
  // Words measured in the fonts the PDFs draw them in (see textWidth), once for the process.
  if (!measuresText) {
    echarts().setPlatformAPI({ measureText: (text?: string, font?: string) => ({ width: textWidth(text ?? '', font ?? '') }) });
    measuresText = true;
  }
  const instance = echarts().init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    instance.setOption(option);
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
    releaseMeasuring();
  }
}

/** A chart drawn for an export: SVG (PDF, HTML), PNG (Word's fallback), and its size in points. */
export interface RenderedChart {
  title: string;
  svg: string;
  png: Buffer;
  width: number;
  height: number;
}

/**
 * Draws one chart as SVG for a reader, in `language` (its labels, numbers and dates), or null when the reader may not
 * see it (or it no longer exists).
 */
export type ChartEmbedResolver = (auth: AuthContext, id: string, language: Language) => Promise<{ title: string; svg: string; width: number; height: number } | null>;

/**
 * Where the domains that own chartable data (cycles' measures, monitoring next) say how to draw a chart that a
 * report embeds. Reports do not depend on those domains: they register here when they start.
 */
@Injectable()
export class ChartEmbedRegistry {
  private readonly resolvers = new Map<ChartEmbedSource, ChartEmbedResolver>();

  register(source: ChartEmbedSource, resolver: ChartEmbedResolver): void {
    this.resolvers.set(source, resolver);
  }

  /** The sources with a resolver (the app checks at start that every source has one). */
  registeredSources(): ChartEmbedSource[] {
    return [...this.resolvers.keys()];
  }

  /** Every chart embedded in the document, drawn once each in `language`, keyed by `${source}:${id}`. */
  async render(auth: AuthContext, doc: ProseMirrorJson, language: Language): Promise<Map<string, RenderedChart | null>> {
    const wanted = new Map<string, { source: ChartEmbedSource; id: string }>();
    const visit = (node: ProseMirrorJson) => {
      if (node.type === 'chartEmbed') {
        const attrs = readChartEmbedAttributes(node.attrs);
        if (attrs) wanted.set(`${attrs.source}:${attrs.id}`, attrs);
      }
      node.content?.forEach(visit);
    };
    visit(doc);
    const rendered = new Map<string, RenderedChart | null>();
    for (const [key, { source, id }] of wanted) {
      const resolver = this.resolvers.get(source);
      const chart = resolver ? await resolver(auth, id, language).catch(() => null) : null;
      rendered.set(key, chart ? { ...chart, png: Buffer.from(new (resvg().Resvg)(chart.svg, { fitTo: { mode: 'width', value: chart.width * 2 } }).render().asPng()) } : null);
    }
    return rendered;
  }
}

export function chartKey(attrs: Record<string, unknown> | undefined): string | null {
  const parsed = readChartEmbedAttributes(attrs);
  return parsed ? `${parsed.source}:${parsed.id}` : null;
}

