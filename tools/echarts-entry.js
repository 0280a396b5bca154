// The site's /echarts.min.js: ECharts with only what the server's chart options use
// (src/server/charts/option.rs builds every option: the coach's charts and /progress), bundled
// by scripts/build.sh with esbuild as a minified IIFE that sets the global `echarts`, as the
// full dist/echarts.min.js did (public/charts.js calls echarts.init / getInstanceByDom).
//
// What option.rs emits, and what draws it:
//   series line, bar, scatter, pie, heatmap        -> the five charts below
//   title, dataset (no transform), tooltip          -> Title, Dataset, Tooltip (axis pointer
//     (trigger axis/item, renderMode richText)          included by Tooltip)
//   legend (type "scroll" for line/bar/scatter,     -> Legend (plain + scroll)
//     plain for pie)
//   grid + xAxis/yAxis (category/value)             -> Grid
//   grid.containLabel                               -> LegacyGridContainLabel (ECharts 6 moved
//                                                      containLabel out of core; the full bundle
//                                                      has it, so the layout stays the same)
//   dataZoom inside + slider (over 30 points)       -> DataZoomInside, DataZoomSlider
//   visualMap (heatmap: min/max/calculable, no      -> VisualMapContinuous
//     pieces or splitNumber: continuous)
// Already in echarts/core: the "dark" theme (charts.js inits with "dark" when the page is dark),
// label layout, the EN locale. Not used by any option, so left out: aria (off unless the option
// sets `aria`; the figure's box carries role="img" and its own aria-label), markLine/markPoint,
// toolbox, dataset transforms, universal transition, the SVG renderer.
// A new series type or component in option.rs must be added here: the Playwright spec
// end2end/tests/chart_types.hydrated.spec.ts checks that ECharts has a model for every component
// and series of the options the server sends.
import { use } from 'echarts/core';
import { LineChart, BarChart, ScatterChart, PieChart, HeatmapChart } from 'echarts/charts';
import {
  TitleComponent,
  DatasetComponent,
  TooltipComponent,
  LegendComponent,
  GridComponent,
  DataZoomInsideComponent,
  DataZoomSliderComponent,
  VisualMapContinuousComponent,
} from 'echarts/components';
import { LegacyGridContainLabel } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';

use([
  LineChart,
  BarChart,
  ScatterChart,
  PieChart,
  HeatmapChart,
  TitleComponent,
  DatasetComponent,
  TooltipComponent,
  LegendComponent,
  GridComponent,
  DataZoomInsideComponent,
  DataZoomSliderComponent,
  VisualMapContinuousComponent,
  LegacyGridContainLabel,
  CanvasRenderer,
]);

export {
  init,
  getInstanceByDom,
  getInstanceById,
  dispose,
  use,
  registerTheme,
  version,
} from 'echarts/core';
