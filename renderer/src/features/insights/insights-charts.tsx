import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * The insights charts: plain SVG drawn with visx, coloured by CSS classes (tokens, so light and dark come
 * free), each an image with a name for assistive technology; every value is also in the table view beside it,
 * which is what a screen reader user reads. Bars on a small sample are drawn hatched and say so in their title.
 */

export type ChartDatum = {
  key: string;
  label: string;
  value: number;
  /** The value as the UI says it, with its sample ("42 % · 120"). */
  valueText: string;
  small: boolean;
  /** What the value is a part of (proposals submitted in an hour, of which `value` drew a reply), drawn behind it. */
  total?: number;
};

/** The element's width in CSS pixels, followed as the window resizes (charts draw at their real size, text stays legible). */
const useElementWidth = (): [RefObject<HTMLDivElement | null>, number] => {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.getBoundingClientRect().width);
    const observer = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width ?? 0));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
};

const shorten = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`);

type BarsProps = {
  data: readonly ChartDatum[];
  /** The value a full bar stands for (1 for rates). */
  max: number;
  /** The chart's accessible name. */
  title: string;
  smallLabel: string;
  testId?: string;
};

const rowHeight = 30;

/** One labelled horizontal bar per row: stages, groups, who replies. */
export const HorizontalBarChart = ({ data, max, title, smallLabel, testId }: BarsProps) => {
  const [ref, width] = useElementWidth();
  const labelWidth = Math.min(220, Math.round(width * 0.34));
  const valueWidth = 120;
  const plotWidth = Math.max(24, width - labelWidth - valueWidth);
  const x = scaleLinear<number>({ domain: [0, max > 0 ? max : 1], range: [0, plotWidth] });
  const height = data.length * rowHeight;
  return (
    <div ref={ref} className="insights-chart" data-testid={testId}>
      {width > 0 && (
        <svg width={width} height={height} role="img" aria-label={title}>
          {data.map((datum, index) => (
            <Group key={datum.key} top={index * rowHeight}>
              <text x={labelWidth - 8} y={rowHeight / 2} textAnchor="end" dominantBaseline="central" className="chart-label">
                {shorten(datum.label, Math.floor(labelWidth / 7))}
              </text>
              <rect x={labelWidth} y={7} width={plotWidth} height={rowHeight - 14} rx={3} className="chart-track" />
              <Bar
                x={labelWidth}
                y={7}
                width={Math.max(datum.value > 0 ? 2 : 0, x(datum.value))}
                height={rowHeight - 14}
                rx={3}
                className={datum.small ? 'chart-bar chart-bar--small' : 'chart-bar'}
              >
                <title>{`${datum.label}: ${datum.valueText}${datum.small ? ` (${smallLabel})` : ''}`}</title>
              </Bar>
              <text x={labelWidth + plotWidth + 8} y={rowHeight / 2} dominantBaseline="central" className="chart-value">
                {datum.valueText}
                {datum.small ? ' *' : ''}
              </text>
            </Group>
          ))}
        </svg>
      )}
    </div>
  );
};

type ColumnsProps = BarsProps & {
  /** An axis value (the same unit as the data) as the UI says it. */
  formatValue: (value: number) => string;
  /** Label every n-th column at least (more apart when the chart is narrow: 24 hours do not fit at 800 px). */
  labelEvery?: number;
  height?: number;
  /** Ticks on the value axis (fewer for counts that stay small: no 0.5 proposals). */
  valueTicks?: number;
};

/** Vertical columns over an ordered axis: hours of the day, months. */
export const ColumnChart = ({ data, max, title, smallLabel, formatValue, labelEvery = 1, height = 200, valueTicks = 4, testId }: ColumnsProps) => {
  const [ref, width] = useElementWidth();
  const margin = { top: 10, right: 8, bottom: 28, left: 64 };
  const plotWidth = Math.max(24, width - margin.left - margin.right);
  const plotHeight = height - margin.top - margin.bottom;
  const x = scaleBand<string>({ domain: data.map((datum) => datum.key), range: [0, plotWidth], padding: 0.2 });
  const y = scaleLinear<number>({ domain: [0, max > 0 ? max : 1], range: [plotHeight, 0], nice: true });
  const labelOf = new Map(data.map((datum) => [datum.key, datum.label]));
  // Labels at least ~72 px apart (a German month, an English "12:00 AM"), on a multiple of the step asked for.
  const fitting = Math.max(1, Math.floor(plotWidth / 72));
  const step = labelEvery * Math.max(1, Math.ceil(Math.ceil(data.length / fitting) / labelEvery));
  return (
    <div ref={ref} className="insights-chart" data-testid={testId}>
      {width > 0 && (
        <svg width={width} height={height} role="img" aria-label={title}>
          <Group left={margin.left} top={margin.top}>
            <AxisLeft
              scale={y}
              numTicks={valueTicks}
              tickFormat={(value) => formatValue(Number(value))}
              axisClassName="chart-axis"
              tickClassName="chart-tick"
              tickLabelProps={{ className: 'chart-tick-label', textAnchor: 'end', dx: -4, dy: 4 }}
            />
            {data.map((datum) => {
              // A lone month must not become one wall-wide column.
              const width = Math.min(x.bandwidth(), 56);
              const left = (x(datum.key) ?? 0) + (x.bandwidth() - width) / 2;
              return (
                <g key={datum.key}>
                  {datum.total !== undefined && (
                    <Bar x={left} y={y(datum.total)} width={width} height={Math.max(0, plotHeight - y(datum.total))} rx={2} className="chart-total" />
                  )}
                  <Bar
                    x={left}
                    y={y(datum.value)}
                    width={width}
                    height={Math.max(0, plotHeight - y(datum.value))}
                    rx={2}
                    className={datum.small ? 'chart-bar chart-bar--small' : 'chart-bar'}
                  >
                    <title>{`${datum.label}: ${datum.valueText}${datum.small ? ` (${smallLabel})` : ''}`}</title>
                  </Bar>
                </g>
              );
            })}
            <AxisBottom
              scale={x}
              top={plotHeight}
              tickValues={data.map((datum) => datum.key).filter((_, index) => index % step === 0)}
              tickFormat={(key) => labelOf.get(key) ?? key}
              axisClassName="chart-axis"
              tickClassName="chart-tick"
              tickLabelProps={{ className: 'chart-tick-label', textAnchor: 'middle' }}
            />
          </Group>
        </svg>
      )}
    </div>
  );
};
