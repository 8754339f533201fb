import { BarChart, LineChart, MapChart, TreeChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';

echarts.use([LineChart, BarChart, TreeChart, MapChart, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export { echarts };

export interface EChartHandle {
  /** The chart as a PNG data URL (twice the screen resolution). */
  png(): string | null;
}

/**
 * One ECharts instance per chart, drawn from an option computed elsewhere (pure functions, tested), resized
 * with its container. The accessible name says what the chart shows; the data are also in a table nearby.
 */
export const EChart = forwardRef<EChartHandle, { option: Record<string, unknown>; label: string; height?: number; onClick?: (name: string) => void }>(
  function EChart({ option, label, height = 280, onClick }, ref) {
    const container = useRef<HTMLDivElement>(null);
    const chart = useRef<echarts.ECharts | null>(null);
    const clickRef = useRef(onClick);
    clickRef.current = onClick;

    useEffect(() => {
      if (!container.current) return;
      const instance = echarts.init(container.current, undefined, { renderer: 'canvas' });
      chart.current = instance;
      instance.on('click', (params) => clickRef.current?.(String((params as { name?: string }).name ?? '')));
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

    useImperativeHandle(ref, () => ({ png: () => chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }) ?? null }), []);

    return <div ref={container} className="echart" role="img" aria-label={label} style={{ height, width: '100%' }} />;
  },
);
