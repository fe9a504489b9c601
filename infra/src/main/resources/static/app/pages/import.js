// For those who record values (communes, district agencies, coordination offices): the Excel template of a unit
// under a set, then the filled file sent back — a dry run first that says row by row what would be recorded and
// what is refused (line, column, reason), then the import itself, with its progress.
import {html, nothing} from 'lit';
import {Page, failure} from '../ui.js';
import * as api from '../api.js';
import * as fmt from '../format.js';

const RUN = `id status dryRun fileName fileSha256 done total recorded alreadyRecorded refused summary messages
  warnings failure`;
const ROWS = `rows(outcome: $outcome, first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor }
  edges { node { line outcome unitCode indicatorCode value periodStart periodEnd column code reason } } }`;
const OUTCOME = {RECORDED: 'Đã ghi', WOULD_RECORD: 'Sẽ ghi', ALREADY_RECORDED: 'Đã có từ trước', REFUSED: 'Bị từ chối'};
const STATUS = {QUEUED: 'Đang chờ', RUNNING: 'Đang xử lý', DONE: 'Đã xong', FAILED: 'Dừng vì lỗi'};
const ENCODINGS = [['', 'Tự nhận biết (UTF-8 hoặc Windows-1258)'], ['UTF-8', 'UTF-8'],
  ['windows-1258', 'Windows-1258 (tiếng Việt, Windows)']];

/** A value as the record shows it (`86.5%`, `15.2/21 (72.38%)`), with decimal commas. */
const shown = text => text ? text.replace(/(\d)\.(\d)/g, '$1,$2').replace(/(\d)%/g, '$1 %') : '';

class Import extends Page {
  static properties = {me: {attribute: false}, sets: {state: true}, run: {state: true}, rows: {state: true},
    page: {state: true}, outcome: {state: true}, error: {state: true}, templateError: {state: true},
    busy: {state: true}};

  constructor() {
    super();
    this.rows = [];
    this.outcome = '';
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

  render() {
    const r = this.run;
    const running = r && (r.status === 'QUEUED' || r.status === 'RUNNING');
    return html`<h1>Nhập số liệu từ tệp Excel</h1>
      <p class="note">Tải mẫu của đơn vị, điền số liệu, rồi gửi lại tệp (.xlsx hoặc CSV). Hãy chạy thử trước: hệ thống
        đọc từng dòng và cho biết dòng nào sẽ được ghi, dòng nào bị từ chối và vì sao, mà không ghi gì. Gửi lại cùng một
        tệp không ghi số liệu hai lần. Cách đọc số, ngày, tháng: <code>docs/import-formats.md</code>.</p>
      <section aria-labelledby="mau"><h2 id="mau">1. Tải mẫu nhập liệu</h2>
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
      </section>
      <section aria-labelledby="gui"><h2 id="gui">2. Gửi tệp đã điền</h2>
        <form @submit=${e => this.send(e, true)}><div class="row">
          <div class="field"><label for="import-file">Tệp (.xlsx hoặc .csv)</label>
            <input id="import-file" name="file" type="file" required
              accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              aria-describedby="import-error"></div>
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
      <table class="import-rows" data-testid="import-rows"><caption class="visually-hidden">Từng dòng của tệp và kết quả</caption>
        <thead><tr><th scope="col">Dòng</th><th scope="col">Kết quả</th><th scope="col">Đơn vị</th>
          <th scope="col">Chỉ tiêu</th><th scope="col">Giá trị</th><th scope="col">Kỳ</th>
          <th scope="col">Cột</th><th scope="col">Lý do</th></tr></thead>
        <tbody>${this.rows.map(row => html`<tr class=${row.outcome === 'REFUSED' ? 'refused' : ''}>
          <td>${row.line}</td><td>${OUTCOME[row.outcome]}</td><td>${row.unitCode ?? ''}</td>
          <td>${row.indicatorCode ?? ''}</td><td>${shown(row.value)}</td>
          <td>${row.periodStart ? (row.periodStart === row.periodEnd ? fmt.date(row.periodStart)
            : `${fmt.date(row.periodStart)} – ${fmt.date(row.periodEnd)}`) : ''}</td>
          <td>${row.column ?? ''}</td><td>${row.reason ?? ''}</td></tr>`)}</tbody></table>
      ${this.page?.pageInfo.hasNextPage ? html`<p><button type="button" @click=${this.more}>Xem thêm</button></p>` : nothing}`;
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
    this.options = {sheet: form.sheet.value.trim(), encoding: form.encoding.value};
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
      const started = await api.uploadImport(this.file, {dryRun: String(dryRun), fileName: this.file.name,
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
