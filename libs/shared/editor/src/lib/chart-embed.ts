import { mergeAttributes, Node } from '@tiptap/core';

/**
 * Kinds of live chart a document can embed. Each names the API resource the chart is computed from; measures of
 * action-learning cycles, and inequality-monitoring charts and measure tables.
 */
export const CHART_EMBED_SOURCES = ['measure', 'monitoring'] as const;
export type ChartEmbedSource = (typeof CHART_EMBED_SOURCES)[number];

export interface ChartEmbedAttributes {
  source: ChartEmbedSource;
  id: string;
  /** The chart's name when it was inserted: shown while loading, and when the reader cannot see the chart. */
  title: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Attributes as stored by a client: anything malformed makes the embed unusable (null). */
export function readChartEmbedAttributes(attrs: Record<string, unknown> | undefined): ChartEmbedAttributes | null {
  const source = attrs?.['source'];
  const id = attrs?.['id'];
  if (!(CHART_EMBED_SOURCES as readonly unknown[]).includes(source) || typeof id !== 'string' || !UUID.test(id)) return null;
  const title = typeof attrs?.['title'] === 'string' ? attrs['title'].slice(0, 200) : '';
  return { source: source as ChartEmbedSource, id, title };
}

interface ElementAttributes {
  getAttribute(name: string): string | null;
}

/**
 * A live chart inside a report: the document stores only which chart (source + id), never its data, so every
 * reader and every export draws it from current data the reader may see.
 */
export const ChartEmbed = Node.create({
  name: 'chartEmbed',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    const attribute = (name: string) => ({
      default: null,
      parseHTML: (element: ElementAttributes) => element.getAttribute(`data-${name}`),
      renderHTML: (attributes: Record<string, unknown>) => (attributes[name] ? { [`data-${name}`]: String(attributes[name]) } : {}),
    });
    return { source: attribute('source'), id: attribute('id'), title: attribute('title') };
  },
  parseHTML() {
    return [{ tag: 'figure[data-chart-embed]' }];
  },
  renderHTML({ HTMLAttributes, node }) {
    return ['figure', mergeAttributes({ 'data-chart-embed': '' }, HTMLAttributes), ['figcaption', {}, String(node.attrs['title'] ?? '')]];
  },
});
