// For auditors and inspection teams: verify the whole store against its seals, hash chain and signed checkpoints,
// with progress and result; the latest checkpoint; a unit's full history exported as a file.
import {html, nothing} from 'lit';
import {Page, failure} from '../ui.js';
import * as api from '../api.js';
import * as fmt from '../format.js';

const VERIFICATION = `id startedBy startedAt status checked total intact firstBrokenPosition linksChecked eventsChecked
  checkpointsChecked pending problems { kind position detail } witnesses { witness checkpoints latestSeq consistent note }
  warnings failure`;

const PROBLEM = {MISSING_EVENT: 'Thiếu sự kiện', CONTENT_CHANGED: 'Nội dung bị thay đổi', SEAL_INVALID: 'Dấu niêm phong sai',
  CHAIN_BROKEN: 'Chuỗi băm bị đứt', CHECKPOINT_INVALID: 'Điểm kiểm tra có chữ ký sai', FORGED_EVENT: 'Sự kiện giả',
  NOT_LINKED: 'Chưa được nối vào chuỗi', WITNESS_MISMATCH: 'Không khớp với bản chứng', BOUNDARY_CHANGED: 'Ranh giới bị thay đổi'};
const STATUS = {QUEUED: 'Đang chờ', RUNNING: 'Đang kiểm tra', DONE: 'Đã xong', FAILED: 'Không thực hiện được'};

class Audit extends Page {
  static properties = {me: {attribute: false}, checkpoint: {state: true}, verification: {state: true},
    error: {state: true}, exportError: {state: true}};

  async connectedCallback() {
    super.connectedCallback();
    try {
      this.checkpoint = (await api.gql(`{ latestCheckpoint { seq globalIndex chainHash signedAt keyId } }`)).latestCheckpoint;
    } catch (e) {
      this.error = e;
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  render() {
    const v = this.verification;
    const percent = v && v.total ? Math.floor(100 * v.checked / v.total) : 0;
    return html`<h1>Kiểm tra tính toàn vẹn của hồ sơ</h1>
      ${failure(this.error)}
      <section aria-labelledby="diem"><h2 id="diem">Điểm kiểm tra có chữ ký gần nhất</h2>
        ${this.checkpoint ? html`<dl class="facts"><dt>Số thứ tự</dt><dd>${this.checkpoint.seq}</dd>
          <dt>Đến sự kiện</dt><dd>#${fmt.number(this.checkpoint.globalIndex)}</dd>
          <dt>Ký lúc</dt><dd>${fmt.dateTime(this.checkpoint.signedAt)} (khóa ${this.checkpoint.keyId})</dd>
          <dt>Mã băm chuỗi</dt><dd><code>${this.checkpoint.chainHash}</code></dd></dl>` : html`<p>Chưa có.</p>`}
      </section>
      <section aria-labelledby="kiem-tra"><h2 id="kiem-tra">Kiểm tra toàn bộ kho sự kiện</h2>
        <p>Đọc lại mọi sự kiện, kiểm tra dấu niêm phong, chuỗi băm và các điểm kiểm tra có chữ ký (cả các bản chứng).</p>
        <button type="button" @click=${this.start} ?disabled=${v && (v.status === 'QUEUED' || v.status === 'RUNNING')}>
          Bắt đầu kiểm tra</button>
        ${v ? html`<div data-testid="verification" aria-live="polite">
          <p>${STATUS[v.status]}: ${fmt.number(v.checked)}/${fmt.number(v.total)} bước kiểm tra
            <small>(mỗi sự kiện: dấu niêm phong và liên kết trong chuỗi)</small></p>
          <progress max=${v.total || 1} value=${v.checked} aria-label="Tiến độ kiểm tra">${percent} %</progress>
          ${v.status === 'DONE' ? html`<p class=${v.intact ? 'ok' : 'error'} data-testid="verification-result">
            ${v.intact ? 'Hồ sơ nguyên vẹn: không phát hiện sự kiện nào bị thêm, bớt hay sửa.'
              : `Phát hiện ${v.problems.length} vấn đề${v.firstBrokenPosition !== null ? `, đầu tiên ở sự kiện #${v.firstBrokenPosition}` : ''}.`}
            (${fmt.number(v.eventsChecked ?? v.checked)} sự kiện, ${fmt.number(v.linksChecked ?? 0)} liên kết,
            ${fmt.number(v.checkpointsChecked ?? 0)} điểm kiểm tra)</p>` : nothing}
          ${v.failure ? html`<p class="error">${v.failure}</p>` : nothing}
          ${v.problems.length ? html`<table><thead><tr><th scope="col">Vị trí</th><th scope="col">Vấn đề</th><th scope="col">Chi tiết</th></tr></thead>
            <tbody>${v.problems.map(p => html`<tr><td>#${p.position}</td><td>${PROBLEM[p.kind] ?? p.kind}</td><td>${p.detail}</td></tr>`)}</tbody></table>` : nothing}
          ${v.witnesses.length ? html`<ul>${v.witnesses.map(w => html`<li>Bản chứng ${w.witness}: ${w.checkpoints} điểm kiểm tra,
            ${w.consistent ? 'khớp' : 'KHÔNG khớp'}${w.note ? ` — ${w.note}` : ''}</li>`)}</ul>` : nothing}
          ${v.warnings.map(w => html`<p class="note">${w}</p>`)}
        </div>` : nothing}
      </section>
      <section aria-labelledby="xuat"><h2 id="xuat">Xuất lịch sử của một đơn vị</h2>
        <form @submit=${this.export} class="filters">
          <label for="export-unit">Mã đơn vị</label>
          <input id="export-unit" name="unit" inputmode="numeric" required aria-describedby="export-error">
          <button type="submit">Tải về (JSON)</button>
        </form>
        <div id="export-error">${failure(this.exportError)}</div>
      </section>`;
  }

  async start() {
    try {
      const p = (await api.gql(`mutation { startStoreVerification(input: {}) { id errors { code message }
        verification { ${VERIFICATION} } } }`)).startStoreVerification;
      if (p.errors.length) throw {errors: p.errors};
      this.verification = p.verification;
      this.poll(p.id);
    } catch (e) {
      this.error = e;
    }
  }

  async poll(id) {
    const v = (await api.gql(`query($id: ID!) { storeVerification(id: $id) { ${VERIFICATION} } }`, {id})).storeVerification;
    this.verification = v;
    if (v.status === 'QUEUED' || v.status === 'RUNNING') this.timer = setTimeout(() => this.poll(id), 500);
  }

  async export(e) {
    e.preventDefault();
    const code = e.target.unit.value.trim();
    this.exportError = null;
    try {
      const text = (await api.gql(`query($code: ID!) { unitHistoryExport(unitCode: $code) }`, {code})).unitHistoryExport;
      const url = URL.createObjectURL(new Blob([text], {type: 'application/json'}));
      const a = Object.assign(document.createElement('a'), {href: url, download: `lich-su-${code}.json`});
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (err) {
      this.exportError = err;
    }
  }
}
customElements.define('ntm-audit', Audit);
