// A chart drawn by Apache ECharts (from its WebJar), loaded when the first chart is shown. Each chart sits beside a
// table holding the same numbers, so nothing is only in a picture; ECharts' aria option describes it as well.
import {html} from 'lit';
import {Page} from './ui.js';

let library = null;
const echarts = () => library ??= import('echarts');
/** Starts fetching the chart library ahead of the first chart. */
export const loadCharts = () => { echarts(); };

export const PALETTE = {MET: '#15803d', NOT_MET: '#b91c1c', NOT_ASSESSED: '#a16207', NEUTRAL: '#1d4ed8'};

class Chart extends Page {
  static properties = {option: {attribute: false}, label: {}};

  constructor() {
    super();
    /** Settles once the chart is drawn. */
    this.ready = new Promise(resolve => { this.drawn = resolve; });
  }

  render() {
    return html`<figure class="chart"><div class="chart-canvas" role="img" aria-label=${this.label}></div>
      <figcaption>${this.label}</figcaption></figure>`;
  }

  async updated() {
    const lib = await echarts();
    const canvas = this.querySelector('.chart-canvas');
    if (!canvas || !this.option) return;
    this.chart ??= lib.init(canvas, null, {renderer: 'svg', locale: 'EN'});
    this.chart.setOption({aria: {enabled: true}, textStyle: {fontFamily: 'system-ui, sans-serif'}, animation: false,
      ...this.option}, true);
    this.resize ??= () => this.chart?.resize();
    addEventListener('resize', this.resize);
    this.dataset.ready = 'true';
    this.drawn();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    removeEventListener('resize', this.resize);
    this.chart?.dispose();
    this.chart = null;
  }
}
customElements.define('ntm-chart', Chart);
