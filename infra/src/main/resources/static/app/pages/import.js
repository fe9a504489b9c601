// For those who record values (communes, district agencies, coordination offices): the Excel template of a unit
// under a set, then the filled file sent back — a dry run first that says row by row what would be recorded and
// what is refused (line, column, reason), then the import itself, with its progress.
import {html, nothing} from 'lit';
import {Page, failure} from '../ui.js';
import * as api from '../api.js';
import * as fmt from '../format.js';

const RUN = `id kind status dryRun fileName fileSha256 done total recorded alreadyRecorded refused summary messages
  warnings failure`;
const ROWS = `rows(outcome: $outcome, first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor }
  edges { node { line sheet kind outcome unitCode recordId indicatorCode value periodStart periodEnd column code reason
  events } } }`;
const RECORDERS = ['COMMUNE_OFFICER', 'DISTRICT_AGENCY', 'DISTRICT_COORDINATION_OFFICE'];
/** What a records import takes, each the mutation that records it, in Vietnamese. */
const KINDS = {registerAgency: 'Phòng, ban (cơ quan)', trackUnit: 'Đưa đơn vị vào theo dõi theo bộ tiêu chí',
  markIndicatorNotAssessed: 'Chỉ tiêu chưa đánh giá', recordIndicatorDecision: 'Quyết định đạt/chưa đạt của chỉ tiêu',
  attachEvidence: 'Hồ sơ minh chứng (tệp đã tải lên)', certifyStandard: 'Chứng nhận tiêu chuẩn có thời hạn',
  issuePlan: 'Kế hoạch (ban hành)', addPlanItem: 'Dòng phụ lục kế hoạch', recordPlanFunds: 'Kinh phí đã ghi nhận',
  notePlanTaskProgress: 'Tiến độ nhiệm vụ', establishReportingDuty: 'Yêu cầu báo cáo', submitReport: 'Báo cáo đã nhận',
  setTarget: 'Mục tiêu, chỉ tiêu phấn đấu', recordPriorRecognition: 'Danh hiệu công nhận trước khi có hồ sơ',
  openRecognitionCase: 'Mở hồ sơ đề nghị công nhận'};
const OUTCOME = {RECORDED: 'Đã ghi', WOULD_RECORD: 'Sẽ ghi', ALREADY_RECORDED: 'Đã có từ trước', REFUSED: 'Bị từ chối'};
const STATUS = {QUEUED: 'Đang chờ', RUNNING: 'Đang xử lý', DONE: 'Đã xong', FAILED: 'Dừng vì lỗi'};
const ENCODINGS = [['', 'Tự nhận biết (UTF-8 hoặc Windows-1258)'], ['UTF-8', 'UTF-8'],
  ['windows-1258', 'Windows-1258 (tiếng Việt, Windows)']];

/** A value as the record shows it (`86.5%`, `15.2/21 (72.38%)`), with decimal commas. */
const shown = text => text ? text.replace(/(\d)\.(\d)/g, '$1,$2').replace(/(\d)%/g, '$1 %') : '';

class Import extends Page {
  static properties = {me: {attribute: false}, what: {state: true}, sets: {state: true}, run: {state: true},
    rows: {state: true},
    page: {state: true}, outcome: {state: true}, error: {state: true}, templateError: {state: true},
    busy: {state: true}};

  constructor() {
    super();
    this.rows = [];
    this.outcome = '';
  }

  willUpdate() {
    if (!this.what && this.me) this.what = this.values ? 'values' : 'records';
  }

  // not in connectedCallback: properties given before this module was loaded are applied at the first update
  async firstUpdated() {
    try {
      this.sets = await this.setsOf(this.me.unitCode);
    } catch (e) {
      this.templateError = e;
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  /**
   * The sets a template can be had for: a commune's, those it is tracked under; a district's (level 2), those its
   * units are tracked under, for one template of them all.
   */
  async setsOf(code) {
    this.district = false;
    if (!code) return [];
    const unit = (await api.gql(`query($code: ID!) { unit(code: $code) { code level
      standings { criteriaSet { id title } } children { standings { criteriaSet { id title } } } } }`, {code})).unit;
    if (!unit) return [];
    this.district = unit.level === 2;
    const standings = this.district ? unit.children.flatMap(c => c.standings) : unit.standings;
    return [...new Map(standings.map(s => [s.criteriaSet.id, s.criteriaSet])).values()];
  }

  get values() { return RECORDERS.includes(this.me.role); }

  render() {
    const r = this.run;
    const running = r && (r.status === 'QUEUED' || r.status === 'RUNNING');
    return html`<h1>Nhập từ tệp Excel</h1>
      <p class="note">Tải mẫu, điền, rồi gửi lại tệp (.xlsx hoặc CSV). Hãy chạy thử trước: hệ thống
        đọc từng dòng và cho biết dòng nào sẽ được ghi, dòng nào bị từ chối và vì sao, mà không ghi gì. Gửi lại cùng một
        tệp không ghi hai lần. Cách đọc số, ngày, tháng: <code>docs/import-formats.md</code>.</p>
      ${this.values ? html`<form class="filters" aria-label="Loại tệp">
        <fieldset><legend>Tệp chứa</legend>
          <label><input type="radio" name="what" value="values" ?checked=${this.what === 'values'}
            @change=${() => { this.what = 'values'; }}> Số liệu chỉ tiêu</label>
          <label><input type="radio" name="what" value="records" ?checked=${this.what === 'records'}
            @change=${() => { this.what = 'records'; }}> Hồ sơ khác: kế hoạch, kinh phí, tiến độ, báo cáo, mục tiêu,
            danh hiệu</label></fieldset>
      </form>` : html`<p>Nhập hồ sơ: kế hoạch, kinh phí, tiến độ, báo cáo, mục tiêu, danh hiệu.</p>`}
      ${this.what === 'values' ? this.valuesTemplate() : this.recordsTemplate()}
      <section aria-labelledby="gui"><h2 id="gui">2. Gửi tệp đã điền</h2>
        <form @submit=${e => this.send(e, true)}><div class="row">
          <div class="field"><label for="import-file">Tệp (.xlsx hoặc .csv)</label>
            <input id="import-file" name="file" type="file" required
              accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              aria-describedby="import-error"></div>
          ${this.what === 'records' ? html`<div class="field"><label for="import-kind">Loại hồ sơ</label>
            <select id="import-kind" name="kind">
              <option value="">Theo tên các trang tính của sổ</option>
              ${Object.entries(KINDS).map(([k, label]) => html`<option value=${k}>${label} (${k})</option>`)}
            </select></div>` : nothing}
          <div class="field"><label for="import-sheet">Trang tính <small>(để trống: trang đầu)</small></label>
            <input id="import-sheet" name="sheet" autocomplete="off"></div>
          <div class="field"><label for="import-encoding">Bảng mã của tệp CSV</label>
            <select id="import-encoding" name="encoding">
              ${ENCODINGS.map(([v, label]) => html`<option value=${v}>${label}</option>`)}</select></div></div>
          <div class="actions">
            <button type="submit" ?disabled=${this.busy || running}>Chạy thử (không ghi)</button>
            <button type="button" ?disabled=${this.busy || running} @click=${e => this.send(e, false)}>Nhập vào hồ sơ</button>
          </div>
        </form>
        <div id="import-error">${failure(this.error)}</div>
      </section>
      ${r ? this.report(r, running) : nothing}`;
  }

  recordsTemplate() {
    return html`<section aria-labelledby="mau"><h2 id="mau">1. Tải mẫu nhập hồ sơ</h2>
      <p class="note">Mỗi trang tính mang tên một loại hồ sơ; dòng đầu là tên các cột (xem chú thích ở mỗi ô tiêu đề).
        Một sổ có thể chứa nhiều loại, nhập theo thứ tự các trang tính (ví dụ kế hoạch trước, các dòng phụ lục sau).</p>
      <form class="filters" @submit=${this.recordsTemplateDownload}>
        <fieldset><legend>Các loại hồ sơ trong mẫu</legend>
          ${Object.entries(KINDS).map(([k, label]) => html`<label><input type="checkbox" name="kinds" value=${k}>
            ${label}</label>`)}</fieldset>
        <button type="submit">Tải mẫu (.xlsx)</button>
      </form>
      <div>${failure(this.templateError)}</div></section>`;
  }

  async recordsTemplateDownload(e) {
    e.preventDefault();
    const kinds = new FormData(e.target).getAll('kinds');
    this.templateError = null;
    try {
      await api.download(`/templates/records.xlsx?${new URLSearchParams({kinds: kinds.join(',')})}`,
        kinds.length === 1 ? `mau-${kinds[0]}.xlsx` : 'mau-nhap-ho-so.xlsx');
    } catch (err) {
      this.templateError = err;
    }
  }

  valuesTemplate() {
    return html`<section aria-labelledby="mau"><h2 id="mau">1. Tải mẫu nhập liệu</h2>
        <form class="filters" @submit=${this.template}>
          <div class="field"><label for="template-unit">Mã đơn vị <small>(xã, hoặc huyện: mẫu cho mọi xã)</small></label>
            <input id="template-unit" name="unit" inputmode="numeric" required .value=${this.me.unitCode ?? ''}
              @change=${this.unitChanged} aria-describedby="template-error"></div>
          <div class="field"><label for="template-set">Bộ tiêu chí</label>
            <select id="template-set" name="set" required aria-describedby="template-error">
              ${(this.sets ?? []).map(s => html`<option value=${s.id}>${s.title}</option>`)}
            </select></div>
          <button type="submit">Tải mẫu (.xlsx)</button>
        </form>
        <div id="template-error">${failure(this.templateError)}</div>
      </section>`;
  }

  report(r, running) {
    const percent = r.total ? Math.floor(100 * r.done / r.total) : 0;
    return html`<section aria-labelledby="ket-qua" data-testid="import-run"><h2 id="ket-qua">
        ${r.dryRun ? 'Kết quả chạy thử' : 'Kết quả nhập'}: ${r.fileName}</h2>
      <div aria-live="polite">
        <p>${STATUS[r.status]}: ${fmt.number(r.done)}/${fmt.number(r.total)} dòng</p>
        <progress max=${r.total || 1} value=${r.done} aria-label="Tiến độ">${percent} %</progress>
        ${r.summary ? html`<p class=${r.refused ? 'note' : 'ok'} data-testid="import-summary">${r.summary}</p>` : nothing}
        ${r.failure ? html`<p class="error" role="alert">${r.failure}</p>` : nothing}
      </div>
      ${r.messages.length ? html`<ul class="note">${r.messages.map(m => html`<li>${m}</li>`)}</ul>` : nothing}
      ${r.warnings.map(w => html`<p class="error">${w}</p>`)}
      ${r.fileSha256 ? html`<p class="note">Tệp được lưu làm minh chứng (SHA-256 <code>${r.fileSha256}</code>) và
        đính kèm vào từng đơn vị có số liệu được ghi; mọi sự kiện của lần nhập mang mã <code>${r.id}</code>.</p>` : nothing}
      ${r.status === 'DONE' && r.dryRun && r.recorded ? html`<p><button type="button" @click=${this.importChecked}
        ?disabled=${this.busy}>Nhập tệp này vào hồ sơ (${fmt.number(r.recorded)} dòng sẽ được ghi)</button></p>` : nothing}
      ${r.status === 'DONE' ? this.table(r) : nothing}
    </section>`;
  }

  table(r) {
    return html`<form class="filters" @change=${this.filter}>
        <label for="row-outcome">Xem các dòng</label>
        <select id="row-outcome" name="outcome">
          <option value="" ?selected=${!this.outcome}>Tất cả</option>
          ${Object.entries(OUTCOME).filter(([k]) => r.dryRun ? k !== 'RECORDED' : k !== 'WOULD_RECORD')
            .map(([k, label]) => html`<option value=${k} ?selected=${this.outcome === k}>${label}</option>`)}
        </select>
        <span class="hint">${fmt.number(this.page?.totalCount ?? 0)} dòng</span>
      </form>
      ${r.kind === 'values' ? this.valueRows() : this.recordRows()}
      ${this.page?.pageInfo.hasNextPage ? html`<p><button type="button" @click=${this.more}>Xem thêm</button></p>` : nothing}`;
  }

  valueRows() {
    return html`<div class="scroll"><table class="import-rows" data-testid="import-rows"><caption class="visually-hidden">Từng dòng của tệp và kết quả</caption>
        <thead><tr><th scope="col">Dòng</th><th scope="col">Kết quả</th><th scope="col">Đơn vị</th>
          <th scope="col">Chỉ tiêu</th><th scope="col">Giá trị</th><th scope="col">Kỳ</th>
          <th scope="col">Cột</th><th scope="col">Lý do</th></tr></thead>
        <tbody>${this.rows.map(row => html`<tr class=${row.outcome === 'REFUSED' ? 'refused' : ''}>
          <td class="short">${row.line}</td><td class="short">${OUTCOME[row.outcome]}</td>
          <td class="short">${row.unitCode ?? ''}</td><td class="short">${row.indicatorCode ?? ''}</td>
          <td class="short">${shown(row.value)}</td>
          <td class="short">${row.periodStart ? (row.periodStart === row.periodEnd ? fmt.date(row.periodStart)
            : `${fmt.date(row.periodStart)} – ${fmt.date(row.periodEnd)}`) : ''}</td>
          <td>${row.column ?? ''}</td><td>${row.reason ?? ''}</td></tr>`)}</tbody></table></div>`;
  }

  recordRows() {
    return html`<div class="scroll"><table class="import-rows" data-testid="import-rows"><caption class="visually-hidden">Từng dòng của tệp và kết quả</caption>
        <thead><tr><th scope="col">Trang tính</th><th scope="col">Dòng</th><th scope="col">Loại</th>
          <th scope="col">Kết quả</th><th scope="col">Đơn vị</th><th scope="col">Hồ sơ</th>
          <th scope="col">Cột</th><th scope="col">Lý do, hoặc sẽ ghi</th></tr></thead>
        <tbody>${this.rows.map(row => html`<tr class=${row.outcome === 'REFUSED' ? 'refused' : ''}>
          <td>${row.sheet ?? ''}</td><td class="short">${row.line}</td><td>${KINDS[row.kind] ?? row.kind}</td>
          <td class="short">${OUTCOME[row.outcome]}</td><td class="short">${row.unitCode ?? ''}</td>
          <td>${row.recordId ?? ''}</td>
          <td>${row.column ?? ''}</td><td>${row.reason ?? row.events.join(', ')}</td></tr>`)}</tbody></table></div>`;
  }

  async unitChanged(e) {
    this.templateError = null;
    try {
      this.sets = await this.setsOf(e.target.value.trim());
      if (!this.sets.length) this.templateError = {message: 'Đơn vị này không có hoặc chưa được theo dõi theo bộ tiêu chí nào.'};
    } catch (err) {
      this.templateError = err;
    }
  }

  async template(e) {
    e.preventDefault();
    const form = new FormData(e.target);
    const unit = String(form.get('unit') ?? '').trim(), set = String(form.get('set') ?? '');
    this.templateError = null;
    if (!unit || !set) {
      this.templateError = {message: !unit ? 'Hãy nhập mã đơn vị.' : 'Hãy chọn bộ tiêu chí.'};
      return;
    }
    try {
      await api.download(`/templates/values.xlsx?${new URLSearchParams({[this.district ? 'districtCode' : 'unitCode']: unit,
        setId: set})}`, `mau-nhap-lieu-${unit}-${set}.xlsx`);
    } catch (err) {
      this.templateError = err;
    }
  }

  async send(e, dryRun) {
    e.preventDefault();
    const form = e.target.form ?? e.target;
    const file = form.file.files[0];
    this.error = null;
    if (!file) {
      this.error = {message: 'Hãy chọn tệp cần gửi.'};
      form.file.focus();
      return;
    }
    this.file = file;
    this.options = {sheet: form.sheet.value.trim(), encoding: form.encoding.value,
      ...(this.what === 'records' ? {kind: form.kind.value} : {})};
    this.path = this.what === 'records' ? '/imports/records' : '/imports/values';
    await this.start(dryRun);
  }

  importChecked() {
    return this.start(false);
  }

  async start(dryRun) {
    this.busy = true;
    this.error = null;
    this.rows = [];
    this.page = null;
    this.outcome = '';
    try {
      const started = await api.uploadImport(this.path, this.file, {dryRun: String(dryRun), fileName: this.file.name,
        ...this.options});
      this.poll(started.id);
    } catch (err) {
      this.error = err;
    } finally {
      this.busy = false;
    }
  }

  async poll(id) {
    clearTimeout(this.timer);
    const run = (await api.gql(`query($id: ID!) { importRun(id: $id) { ${RUN} } }`, {id})).importRun;
    this.run = run;
    if (run.status === 'QUEUED' || run.status === 'RUNNING') {
      this.timer = setTimeout(() => this.poll(id), 500);
    } else {
      await this.load(null);
      this.querySelector('[data-testid="import-summary"]')?.focus?.();
    }
  }

  async load(after) {
    const data = (await api.gql(`query($id: ID!, $outcome: ImportRowOutcome, $after: String) {
      importRun(id: $id) { ${ROWS} } }`, {id: this.run.id, outcome: this.outcome || null, after})).importRun;
    this.page = data.rows;
    this.rows = [...(after ? this.rows : []), ...data.rows.edges.map(edge => edge.node)];
  }

  filter(e) {
    this.outcome = e.target.value;
    this.load(null).catch(err => { this.error = err; });
  }

  more() {
    this.load(this.page.pageInfo.endCursor).catch(err => { this.error = err; });
  }
}
customElements.define('ntm-import', Import);
