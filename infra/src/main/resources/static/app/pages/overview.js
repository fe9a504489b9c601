// The overview: a province's districts or a district's communes counted by criteria met and by result, as charts
// and tables, the criteria × units grid (each cell leads to its explanation), as of a date and as recorded at an
// instant where the API answers that, kept live by the standings subscription.
import {html, nothing} from 'lit';
import {Page, badge, failure, loading, link, hrefWith, sortRows} from '../ui.js';
import {PALETTE, loadCharts} from '../chart.js';
import * as api from '../api.js';
import * as fmt from '../format.js';

const AREA = `query Area($code: ID!) {
  unit(code: $code) { code name fullName kind ceasedOn parent { code name kind }
    children { code name kind standings { setId } } }
  criteriaSets { id version title level grade provinceCode }
}`;

const SUMMARY = `units tracked met notMet notAssessed byCriteriaMet { criteriaMet criteriaTotal units }`;

const DISTRICT = `query District($code: ID!, $setId: ID!) {
  districtOverview(districtCode: $code, setId: $setId) {
    criteriaSet { id version title criteria { code name } }
    units { unit { code name kind } standing { result criteriaMet criteriaTotal lastChangedAt criteria { code name result } } }
    summary { ${SUMMARY} }
  }
}`;

const DISTRICT_AS_OF = `query DistrictAsOf($code: ID!, $setId: ID!, $date: Date, $recordedAt: DateTime) {
  whatIf(input: {districtCode: $code, setId: $setId, date: $date, recordedAt: $recordedAt}) {
    date recordedAt officialSet { id version title criteria { code name } }
    units { unitCode official { result criteriaMet criteriaTotal criteria { code name result } } }
  }
}`;

const PROVINCE = `query Province($code: ID!, $setId: ID!, $from: Date!, $to: Date!, $recordedAt: DateTime) {
  provinceOverview(provinceCode: $code, setId: $setId) {
    date criteriaSet { id version title }
    districts { district { code name kind } summary { ${SUMMARY} } }
    outsideDistricts { ${SUMMARY} }
    summary { ${SUMMARY} }
  }
  provinceOverviewHistory(provinceCode: $code, setId: $setId, from: $from, to: $to, recordedAt: $recordedAt) {
    recordedAt quarters { quarter date summary { tracked met notMet notAssessed } }
  }
}`;

const LIVE = `subscription Live($areaCode: ID, $setId: ID) {
  standingChanged(areaCode: $areaCode, setId: $setId) { unit { code } standing { criteriaMet } }
}`;

const PROVINCES_WITH_SETS = sets => [...new Set(sets.map(s => s.provinceCode).filter(Boolean))];

class Overview extends Page {
  static properties = {me: {attribute: false}, area: {attribute: false}, params: {attribute: false},
    data: {state: true}, error: {state: true}, live: {state: true}};

  willUpdate(changed) {
    const key = `${this.area ?? this.me?.unitCode ?? ''}|${this.params?.toString()}`;
    if (key !== this.key) {
      this.key = key;
      this.load();
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  get date() { return this.params.get('ngay'); }
  get recordedAt() { return this.params.get('ghi'); }

  async load() {
    // the chart library (the largest file) comes while the data is asked for, not after
    loadCharts();
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.error = null;
    const key = this.key;
    try {
      let code = this.area ?? this.me.unitCode;
      if (!code) {
        const sets = (await api.gql(`{ criteriaSets { provinceCode } }`)).criteriaSets;
        code = PROVINCES_WITH_SETS(sets).sort()[0];
        const provinceCodes = PROVINCES_WITH_SETS(sets).filter(c => /^\d+$/.test(c));
        const provinces = provinceCodes.length ? await api.gql(`{ ${provinceCodes.map((c, i) =>
          `p${i}: unit(code: "${c}") { code name }`).join(' ')} }`) : {};
        this.provinces = sortRows(Object.values(provinces).filter(Boolean), p => p.name);
        code = this.provinces[0]?.code ?? code;
      }
      const answer = await api.gql(AREA, {code});
      const area = answer.unit;
      if (!area) throw {message: `Không có đơn vị hành chính mã ${code}.`};
      if (['COMMUNE', 'WARD', 'TOWNSHIP', 'SPECIAL_ZONE'].includes(area.kind)) {
        location.replace(link(`/don-vi/${area.code}`));
        return;
      }
      const province = ['PROVINCE', 'CITY_PROVINCE'].includes(area.kind);
      const sets = answer.criteriaSets.filter(s =>
        (s.level === 'COMMUNE' || s.level === 'WARD_TOWNSHIP' || (province && s.level === 'DISTRICT'))
        && (!s.provinceCode || s.provinceCode === (province ? area.code : area.parent?.code)));
      const counts = new Map();
      area.children.forEach(c => c.standings.forEach(s => counts.set(s.setId, (counts.get(s.setId) ?? 0) + 1)));
      // a district: the set most of its units are tracked against; a province (whose children are districts): the
      // commune set of its own, else the national one; the NTM grade before the higher ones
      const byUse = (a, b) => province ? 0 : (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0);
      const preferred = [...sets].sort((a, b) => byUse(a, b)
        || Number(b.level === 'COMMUNE') - Number(a.level === 'COMMUNE')
        || Number(!!b.provinceCode) - Number(!!a.provinceCode) || Number(b.grade === 'NTM') - Number(a.grade === 'NTM'));
      const setId = this.params.get('bo') ?? preferred[0]?.id;
      let view;
      if (province) {
        // the province's counts are today's (provinceOverview has no date); its quarters run to the date asked
        const to = this.date ?? fmt.today();
        const from = `${Number(to.slice(0, 4)) - 3}-01-01`;
        view = await api.gql(PROVINCE, {code: area.code, setId, from, to, recordedAt: this.recordedAt});
      } else if (this.date || this.recordedAt) {
        view = await api.gql(DISTRICT_AS_OF, {code: area.code, setId, date: this.date, recordedAt: this.recordedAt});
      } else {
        view = await api.gql(DISTRICT, {code: area.code, setId});
      }
      if (key !== this.key) return;
      this.data = {area, province, sets: preferred, setId, view};
      this.interactive();
      if (!province && !this.date && !this.recordedAt && this.isConnected) this.listen(area.code, setId);
    } catch (e) {
      if (key === this.key) this.error = e;
    }
  }

  /**
   * Marks (User Timing) the moment the overview is usable: its tables rendered and every chart drawn. The
   * benchmark suite reads the first mark as the page's time to interactive.
   */
  async interactive() {
    await this.updateComplete;
    await Promise.all([...this.querySelectorAll('ntm-chart')].map(c => c.ready));
    if (!performance.getEntriesByName('ntm-overview-interactive').length) performance.mark('ntm-overview-interactive');
  }

  listen(areaCode, setId) {
    let timer = null;
    this.unsubscribe = api.subscribe(LIVE, {areaCode, setId}, () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const view = await api.gql(DISTRICT, {code: areaCode, setId}).catch(() => null);
        if (view && this.data?.area.code === areaCode) {
          this.data = {...this.data, view};
          this.live = new Date().toISOString();
        }
      }, 200);
    });
  }

  render() {
    // an answer refused for the date asked keeps the pickers, so the reader can change the date or go back
    if (this.error) return html`<h1>Tổng quan</h1>${this.date || this.recordedAt ? html`<ntm-asof .date=${this.date}
      .recordedAt=${this.recordedAt}></ntm-asof>` : nothing}${failure(this.error)}`;
    if (!this.data) return loading();
    const {area, province, sets, setId} = this.data;
    const set = sets.find(s => s.id === setId);
    return html`
      <nav class="crumbs" aria-label="Vị trí">
        ${area.parent ? html`<a href=${link(`/khu-vuc/${area.parent.code}`, {bo: setId})}>${area.parent.name}</a> ›` : nothing}
        <span>${area.fullName}</span>
      </nav>
      <h1>Tổng quan ${area.fullName}</h1>
      ${this.provinces?.length > 1 ? html`<p>Tỉnh khác: ${this.provinces.filter(p => p.code !== area.code).map(p => html`
        <a href=${link(`/khu-vuc/${p.code}`)}>${p.name}</a> `)}</p>` : nothing}
      <div class="toolbar">
        <label>Bộ tiêu chí
          <select @change=${e => { location.hash = hrefWith({bo: e.target.value}); }}>
            ${sets.map(s => html`<option value=${s.id} ?selected=${s.id === setId}>${s.title}</option>`)}
          </select></label>
        ${this.me.role !== 'DASHBOARD_VIEWER' ? html`<ntm-asof .date=${this.date} .recordedAt=${this.recordedAt}></ntm-asof>`
          : nothing}
      </div>
      ${set ? nothing : html`<p>Chưa có bộ tiêu chí nào cho cấp này.</p>`}
      ${province ? this.provinceView() : this.districtView()}`;
  }

  // ——— a district: its communes ———

  districtView() {
    const {area, setId, view} = this.data;
    let units, summary, criteria, asOf = null;
    if (view.whatIf) {
      const names = new Map(area.children.map(c => [c.code, c]));
      asOf = view.whatIf;
      criteria = asOf.officialSet.criteria;
      units = asOf.units.map(u => ({unit: names.get(u.unitCode) ?? {code: u.unitCode, name: u.unitCode},
        standing: u.official}));
      summary = summarise(units);
    } else {
      if (!view.districtOverview) return html`<p>Không có số liệu cho bộ tiêu chí này.</p>`;
      criteria = view.districtOverview.criteriaSet.criteria;
      units = view.districtOverview.units;
      summary = view.districtOverview.summary;
    }
    units = sortRows(units, u => u.unit.name);
    const tracked = units.filter(u => u.standing);
    const byCriterion = criteria.map(c => ({c, notMet: tracked.filter(u => result(u, c.code) === 'NOT_MET').length,
      notAssessed: tracked.filter(u => result(u, c.code) === 'NOT_ASSESSED').length}));
    const dated = {ngay: this.date, ghi: this.recordedAt};
    // explanations are the record's reasoning, closed to dashboards as the API closes them
    const explains = this.me.role !== 'DASHBOARD_VIEWER';
    return html`
      ${asOf ? html`<p class="note">Đánh giá lại từ hồ sơ: tình hình ngày <strong>${fmt.date(asOf.date)}</strong>,
        theo những gì đã ghi đến <strong>${fmt.dateTime(asOf.recordedAt)}</strong>.</p>`
        : html`<p class="note" aria-live="polite">Tình hình hiện tại${this.live ? html`, cập nhật trực tiếp lúc
          ${fmt.dateTime(this.live)}` : ', tự cập nhật khi có số liệu mới'}.</p>
        <p><a href="/exports/district-overview.xlsx?districtCode=${encodeURIComponent(area.code)}&setId=${encodeURIComponent(setId)}"
          download data-testid="export-xlsx">Tải Excel (.xlsx)</a></p>`}
      ${explains ? html`<ntm-documents .district=${area.code}></ntm-documents>` : nothing}
      <section aria-labelledby="tom-tat">
        <h2 id="tom-tat">Số đơn vị theo kết quả</h2>
        ${this.summaryTable(summary)}
        <div class="charts">
          <ntm-chart label="Số đơn vị theo số tiêu chí đạt" .option=${criteriaMetChart(summary)}></ntm-chart>
          <ntm-chart label="Số đơn vị theo kết quả" .option=${resultChart(summary)}></ntm-chart>
          <ntm-chart label="Số đơn vị chưa đạt, chưa đánh giá theo tiêu chí" .option=${criterionChart(byCriterion)}></ntm-chart>
        </div>
      </section>
      <section aria-labelledby="don-vi">
        <h2 id="don-vi">Các đơn vị (${units.length})</h2>
        <table class="units" data-testid="units">
          <thead><tr><th scope="col">Đơn vị</th><th scope="col">Kết quả</th><th scope="col">Tiêu chí đạt</th>
            <th scope="col">Tiêu chí chưa đạt</th><th scope="col">Chưa đánh giá</th></tr></thead>
          <tbody>${units.map(u => html`<tr data-unit=${u.unit.code}>
            <th scope="row"><a href=${link(`/don-vi/${u.unit.code}`, {bo: setId, ...dated})}>${u.unit.name}</a></th>
            <td>${u.standing ? badge(u.standing.result) : 'Chưa theo dõi'}</td>
            <td class="num" data-testid="criteria-met">${u.standing ? `${u.standing.criteriaMet}/${u.standing.criteriaTotal}` : ''}</td>
            <td>${codes(u, 'NOT_MET').map(c => !explains ? html`${c} ` : html`<a href=${link(`/giai-trinh/${u.unit.code}/${encodeURIComponent(setId)}/${encodeURIComponent(c)}`, dated)}>${c}</a> `)}</td>
            <td>${codes(u, 'NOT_ASSESSED').join(', ')}</td></tr>`)}</tbody>
        </table>
      </section>
      <section aria-labelledby="luoi">
        <h2 id="luoi">Tiêu chí × đơn vị</h2>
        ${explains ? html`<p class="hint">Mỗi ô dẫn đến giải trình: quy tắc, phiên bản bộ tiêu chí, số liệu được tính và lý do.</p>`
          : nothing}
        <div class="scroll"><table class="grid" data-testid="grid">
          <thead><tr><th scope="col">Đơn vị</th>${criteria.map(c => html`<th scope="col" title=${c.name}>${c.code}</th>`)}</tr></thead>
          <tbody>${tracked.map(u => html`<tr><th scope="row">${u.unit.name}</th>${criteria.map(c => {
            const r = result(u, c.code);
            if (!explains) return html`<td class=${r ? r.toLowerCase().replace('_', '-') : ''}
              aria-label="${u.unit.name}, tiêu chí ${c.code}: ${r ? fmt.JUDGMENT[r] : ''}">${r ? fmt.JUDGMENT_MARK[r] : ''}</td>`;
            return html`<td class=${r ? r.toLowerCase().replace('_', '-') : ''}>${r ? html`<a
              href=${link(`/giai-trinh/${u.unit.code}/${encodeURIComponent(setId)}/${encodeURIComponent(c.code)}`, dated)}
              aria-label="${u.unit.name}, tiêu chí ${c.code} ${c.name}: ${fmt.JUDGMENT[r]}">${fmt.JUDGMENT_MARK[r]}</a>` : ''}</td>`;
          })}</tr>`)}</tbody>
        </table></div>
      </section>`;
  }

  summaryTable(s) {
    return html`<table class="summary" data-testid="summary">
      <tbody>
        <tr><th scope="row">Đơn vị được đánh giá theo bộ tiêu chí</th><td class="num" data-testid="units-count">${s.units}</td></tr>
        <tr><th scope="row">Đang theo dõi</th><td class="num" data-testid="tracked-count">${s.tracked}</td></tr>
        <tr><th scope="row">Đạt tất cả tiêu chí</th><td class="num" data-testid="met-count">${s.met}</td></tr>
        <tr><th scope="row">Chưa đạt</th><td class="num" data-testid="not-met-count">${s.notMet}</td></tr>
        <tr><th scope="row">Chưa đánh giá đủ</th><td class="num" data-testid="not-assessed-count">${s.notAssessed}</td></tr>
        ${[...s.byCriteriaMet].reverse().map(b => html`<tr><th scope="row">Đạt ${b.criteriaMet}/${b.criteriaTotal} tiêu chí</th>
          <td class="num" data-testid="by-criteria-met" data-criteria-met=${b.criteriaMet}>${b.units}</td></tr>`)}
      </tbody></table>`;
  }

  // ——— a province: its districts ———

  provinceView() {
    const {setId, view} = this.data;
    const o = view.provinceOverview;
    if (!o) return html`<p>Không có số liệu cho bộ tiêu chí này.</p>`;
    const rows = sortRows(o.districts, d => d.district.name);
    const quarters = view.provinceOverviewHistory?.quarters ?? [];
    return html`
      <p class="note">Tình hình ngày ${fmt.date(o.date)}. Diễn biến theo quý: theo hồ sơ ghi đến
        ${fmt.dateTime(view.provinceOverviewHistory?.recordedAt)}.</p>
      <p><a href="/exports/province-overview.xlsx?${new URLSearchParams({provinceCode: this.data.area.code, setId})}"
        download data-testid="export-xlsx">Tải Excel (.xlsx)</a></p>
      <section aria-labelledby="tom-tat">
        <h2 id="tom-tat">Toàn tỉnh</h2>
        ${this.summaryTable(o.summary)}
        <div class="charts">
          <ntm-chart label="Kết quả theo huyện" .option=${districtChart(rows)}></ntm-chart>
          <ntm-chart label="Số đơn vị theo số tiêu chí đạt" .option=${criteriaMetChart(o.summary)}></ntm-chart>
          ${quarters.length ? html`<ntm-chart label="Số đơn vị đạt chuẩn cuối mỗi quý" .option=${quarterChart(quarters)}></ntm-chart>`
            : nothing}
        </div>
      </section>
      <section aria-labelledby="huyen">
        <h2 id="huyen">Các huyện</h2>
        <table class="units" data-testid="districts">
          <thead><tr><th scope="col">Huyện</th><th scope="col">Đơn vị</th><th scope="col">Theo dõi</th>
            <th scope="col">Đạt</th><th scope="col">Chưa đạt</th><th scope="col">Chưa đánh giá</th></tr></thead>
          <tbody>${rows.map(d => html`<tr>
            <th scope="row"><a href=${link(`/khu-vuc/${d.district.code}`, {bo: setId})}>${d.district.name}</a></th>
            <td class="num">${d.summary.units}</td><td class="num">${d.summary.tracked}</td>
            <td class="num">${d.summary.met}</td><td class="num">${d.summary.notMet}</td>
            <td class="num">${d.summary.notAssessed}</td></tr>`)}
            ${o.outsideDistricts.units ? html`<tr><th scope="row">Trực thuộc tỉnh</th>
              <td class="num">${o.outsideDistricts.units}</td><td class="num">${o.outsideDistricts.tracked}</td>
              <td class="num">${o.outsideDistricts.met}</td><td class="num">${o.outsideDistricts.notMet}</td>
              <td class="num">${o.outsideDistricts.notAssessed}</td></tr>` : nothing}</tbody>
        </table>
      </section>`;
  }
}
customElements.define('ntm-overview', Overview);

const result = (u, code) => u.standing?.criteria.find(c => c.code === code)?.result;
const codes = (u, r) => (u.standing?.criteria ?? []).filter(c => c.result === r).map(c => c.code);

function summarise(units) {
  const tracked = units.filter(u => u.standing);
  const buckets = new Map();
  tracked.forEach(u => {
    const k = `${u.standing.criteriaMet}/${u.standing.criteriaTotal}`;
    buckets.set(k, {criteriaMet: u.standing.criteriaMet, criteriaTotal: u.standing.criteriaTotal,
      units: (buckets.get(k)?.units ?? 0) + 1});
  });
  const count = r => tracked.filter(u => u.standing.result === r).length;
  return {units: units.length, tracked: tracked.length, met: count('MET'), notMet: count('NOT_MET'),
    notAssessed: count('NOT_ASSESSED'), byCriteriaMet: [...buckets.values()].sort((a, b) => a.criteriaMet - b.criteriaMet)};
}

const axisInt = {type: 'value', minInterval: 1};

function criteriaMetChart(s) {
  return {tooltip: {}, grid: {left: 40, right: 10, top: 20, bottom: 30},
    xAxis: {type: 'category', data: s.byCriteriaMet.map(b => `${b.criteriaMet}/${b.criteriaTotal}`), name: 'tiêu chí đạt'},
    yAxis: axisInt, series: [{type: 'bar', name: 'Số đơn vị', data: s.byCriteriaMet.map(b => b.units),
      itemStyle: {color: PALETTE.NEUTRAL}, label: {show: true, position: 'top'}}]};
}

function resultChart(s) {
  return {tooltip: {}, legend: {bottom: 0}, series: [{type: 'pie', radius: ['40%', '70%'], name: 'Kết quả',
    label: {formatter: '{c}'}, data: [
      {name: 'Đạt', value: s.met, itemStyle: {color: PALETTE.MET}},
      {name: 'Chưa đạt', value: s.notMet, itemStyle: {color: PALETTE.NOT_MET}},
      {name: 'Chưa đánh giá', value: s.notAssessed, itemStyle: {color: PALETTE.NOT_ASSESSED}}]}]};
}

function criterionChart(rows) {
  const shown = rows.filter(r => r.notMet || r.notAssessed);
  return {tooltip: {trigger: 'axis'}, legend: {bottom: 0}, grid: {left: 40, right: 10, top: 20, bottom: 50},
    xAxis: {type: 'category', data: shown.map(r => r.c.code), name: 'tiêu chí'}, yAxis: axisInt,
    series: [{type: 'bar', stack: 'x', name: 'Chưa đạt', data: shown.map(r => r.notMet), itemStyle: {color: PALETTE.NOT_MET}},
      {type: 'bar', stack: 'x', name: 'Chưa đánh giá', data: shown.map(r => r.notAssessed),
        itemStyle: {color: PALETTE.NOT_ASSESSED}}]};
}

function districtChart(rows) {
  return {tooltip: {trigger: 'axis'}, legend: {bottom: 0}, grid: {left: 100, right: 10, top: 10, bottom: 50},
    yAxis: {type: 'category', data: rows.map(d => d.district.name), inverse: true}, xAxis: axisInt,
    series: [['met', 'Đạt', PALETTE.MET], ['notMet', 'Chưa đạt', PALETTE.NOT_MET],
      ['notAssessed', 'Chưa đánh giá', PALETTE.NOT_ASSESSED]].map(([k, name, color]) => ({type: 'bar', stack: 'x', name,
      data: rows.map(d => d.summary[k]), itemStyle: {color}}))};
}

function quarterChart(quarters) {
  return {tooltip: {trigger: 'axis'}, legend: {bottom: 0}, grid: {left: 40, right: 10, top: 20, bottom: 50},
    xAxis: {type: 'category', data: quarters.map(q => q.quarter.replace(/(\d{4})-Q(\d)/, 'Q$2/$1'))}, yAxis: axisInt,
    series: [{type: 'line', name: 'Đạt', data: quarters.map(q => q.summary.met), itemStyle: {color: PALETTE.MET}},
      {type: 'line', name: 'Đang theo dõi', data: quarters.map(q => q.summary.tracked), itemStyle: {color: PALETTE.NEUTRAL}}]};
}

/**
 * The documents an office files, generated from the record: the coordination office's quarterly report for a quarter
 * (seed 001's structure) and each plan's annex tables (seed 000's Phụ lục 01 and 06), as Word and PDF.
 */
class Documents extends Page {
  static properties = {district: {}, plans: {state: true}, year: {state: true}, quarter: {state: true}};

  constructor() {
    super();
    const today = fmt.today();
    this.year = Number(today.slice(0, 4));
    this.quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  }

  willUpdate(changed) {
    if (changed.has('district') && this.district) {
      api.gql(`query($d: ID!) { plans(districtCode: $d, first: 50) { edges { node { planId number year title } } } }`,
        {d: this.district}).then(data => { this.plans = data.plans.edges.map(e => e.node); })
        .catch(() => { this.plans = []; });
    }
  }

  render() {
    const report = format => `/documents/quarterly-report.${format}?${new URLSearchParams({districtCode: this.district,
      year: this.year, quarter: this.quarter})}`;
    return html`<section aria-labelledby="tai-lieu" class="documents"><h2 id="tai-lieu">Tài liệu</h2>
      <form class="filters" @change=${this.pick} @submit=${e => e.preventDefault()}>
        <label>Báo cáo quý của Văn phòng Điều phối: năm
          <input name="year" inputmode="numeric" size="5" .value=${String(this.year)}></label>
        <label>quý <select name="quarter">${[1, 2, 3, 4].map(q => html`<option value=${q}
          ?selected=${q === this.quarter}>${['I', 'II', 'III', 'IV'][q - 1]}</option>`)}</select></label>
        <a href=${report('docx')} download data-testid="report-docx">Word (.docx)</a>
        <a href=${report('pdf')} download data-testid="report-pdf">PDF</a>
      </form>
      ${this.plans?.length ? html`<ul>${this.plans.map(p => html`<li>Phụ lục kế hoạch ${p.number} (${p.year}):
        <a href="/documents/plan-annex.docx?planId=${encodeURIComponent(p.planId)}" download>Word (.docx)</a> ·
        <a href="/documents/plan-annex.pdf?planId=${encodeURIComponent(p.planId)}" download>PDF</a></li>`)}</ul>`
        : nothing}
    </section>`;
  }

  pick(e) {
    const form = e.currentTarget;
    const year = Number(form.year.value.trim());
    if (Number.isInteger(year) && year >= 2010 && year <= 2100) this.year = year;
    this.quarter = Number(form.quarter.value);
  }
}
customElements.define('ntm-documents', Documents);
