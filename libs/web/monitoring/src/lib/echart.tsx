import { BarChart, CustomChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Copied from web-cycles' echart.tsx rather than shared: that one registers the map and tree charts, and moving it
// to web-ui would put ECharts' registration (a module side effect) in the eagerly loaded design-system bundle.
echarts.use([BarChart, CustomChart, LineChart, ScatterChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

/**
 * One ECharts instance per chart, drawn from an option built by a pure function of `@simashe/charts`, resized with
 * its container. The accessible name says what the chart shows; the same figures are in a table next to it.
 */
export function EChart({ option, label, height = 300 }: { option: Record<string, unknown>; label: string; height?: number }) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!container.current) return;
    const instance = echarts.init(container.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => instance.resize());
    observer?.observe(container.current);
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={container} className="echart" role="img" aria-label={label} style={{ height, width: '100%' }} />;
}
