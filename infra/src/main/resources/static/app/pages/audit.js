// For auditors and inspection teams: verify the whole store against its seals, hash chain and signed checkpoints,
// with progress and result; the latest checkpoint; a unit's full history exported as a file; the key generations
// (each public key to download) and, for administrators, a key rotation from a stated moment.
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
const GENERATION = `number effectiveFrom effectiveUntil inForce supersededBy keyId publicKeyPem
  rotation { reason basis { number date issuer } recordedAt recordedBy }`;
const STATUS = {QUEUED: 'Đang chờ', RUNNING: 'Đang kiểm tra', DONE: 'Đã xong', FAILED: 'Không thực hiện được'};

class Audit extends Page {
  static properties = {me: {attribute: false}, checkpoint: {state: true}, verification: {state: true},
    error: {state: true}, exportError: {state: true}, generations: {state: true}, rotationError: {state: true},
    rotated: {state: true}};

  async connectedCallback() {
    super.connectedCallback();
    try {
      this.checkpoint = (await api.gql(`{ latestCheckpoint { seq globalIndex chainHash signedAt keyId } }`)).latestCheckpoint;
      await this.loadGenerations();
    } catch (e) {
      this.error = e;
    }
  }

  async loadGenerations() {
    this.generations = (await api.gql(`{ integrityKeyGenerations(first: 200) { totalCount edges { node { ${GENERATION} } } } }`))
      .integrityKeyGenerations.edges.map(e => e.node);
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
      </section>
      ${this.keysSection()}`;
  }

  keysSection() {
    const g = this.generations;
    return html`<section aria-labelledby="khoa"><h2 id="khoa">Khóa niêm phong và khóa ký</h2>
      <p>Mỗi sự kiện được niêm phong bằng khóa có hiệu lực lúc nó được ghi; mỗi điểm kiểm tra được ký bằng khóa có hiệu lực
        lúc ký. Bản xuất và điểm kiểm tra cũ vẫn kiểm tra được bằng khóa công khai của thời kỳ đó.</p>
      ${g ? html`<table data-testid="key-generations"><caption>${g.length} thế hệ khóa, mới nhất trước</caption>
        <thead><tr><th scope="col">Thế hệ</th><th scope="col">Hiệu lực</th><th scope="col">Mã khóa ký</th>
          <th scope="col">Lý do, căn cứ</th><th scope="col">Khóa công khai</th></tr></thead>
        <tbody>${g.map(k => html`<tr>
          <td>${k.number}${k.inForce ? html` <strong>(đang dùng)</strong>` : nothing}</td>
          <td>${k.supersededBy ? html`<s>từ ${fmt.dateTime(k.effectiveFrom)}</s><br>không có hiệu lực: thế hệ ${k.supersededBy} thay trước`
            : html`${k.effectiveFrom ? `từ ${fmt.dateTime(k.effectiveFrom)}` : 'từ đầu'}${k.effectiveUntil ? ` đến ${fmt.dateTime(k.effectiveUntil)}` : ''}`}</td>
          <td><code>${k.keyId}</code></td>
          <td>${k.rotation ? html`${k.rotation.reason}${k.rotation.basis ? html`<br>Căn cứ: ${k.rotation.basis.number}${k.rotation.basis.date ? ` ngày ${fmt.date(k.rotation.basis.date)}` : ''}` : nothing}
            <br><small>Ghi lúc ${fmt.dateTime(k.rotation.recordedAt)} bởi ${k.rotation.recordedBy ?? '—'}</small>` : 'Khóa tạo khi dịch vụ chạy lần đầu'}</td>
          <td><button type="button" @click=${() => this.downloadKey(k)}>Tải khóa ${k.number} (PEM)</button></td>
        </tr>`)}</tbody></table>` : nothing}
      ${this.me?.role === 'ADMINISTRATOR' ? html`<h3>Thay khóa</h3>
        <p>Dịch vụ tạo khóa mới, ghi lần thay khóa thành một sự kiện kèm lý do và căn cứ, và dùng khóa mới từ thời điểm nêu
          (phải sau thời điểm hiện tại ít nhất một khoảng báo trước, mặc định 1 giờ). Sau đó hãy sao lưu thư mục khóa.</p>
        <form @submit=${this.rotate} class="rotation" novalidate>
          <div class="field"><label for="rotate-from">Có hiệu lực từ (dd/mm/yyyy hh:mm, giờ Việt Nam; chỉ ngày: 00:00)</label>
            <input id="rotate-from" name="from" required placeholder="01/01/2027 00:00" aria-describedby="rotate-error"></div>
          <div class="field"><label for="rotate-reason">Lý do</label>
            <textarea id="rotate-reason" name="reason" required rows="2" aria-describedby="rotate-error"></textarea></div>
          <div class="field"><label for="rotate-basis">Số văn bản căn cứ (nếu có)</label>
            <input id="rotate-basis" name="basis" placeholder="15/QĐ-VPĐP"></div>
          <div class="field"><label for="rotate-basis-date">Ngày văn bản (dd/mm/yyyy)</label>
            <input id="rotate-basis-date" name="basisDate"></div>
          <button type="submit">Thay khóa</button>
        </form>
        <div id="rotate-error">${failure(this.rotationError)}</div>
        ${this.rotated ? html`<p class="ok" role="status" data-testid="rotated">Đã ghi thay khóa: thế hệ ${this.rotated.number}
          có hiệu lực từ ${fmt.dateTime(this.rotated.effectiveFrom)} (khóa ${this.rotated.keyId}).</p>` : nothing}` : nothing}
    </section>`;
  }

  downloadKey(k) {
    const url = URL.createObjectURL(new Blob([k.publicKeyPem], {type: 'application/x-pem-file'}));
    const a = Object.assign(document.createElement('a'), {href: url, download: `khoa-cong-khai-the-he-${k.number}-${k.keyId}.pem`});
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  async rotate(e) {
    e.preventDefault();
    const f = e.target;
    this.rotationError = null;
    this.rotated = null;
    const text = f.from.value.trim();
    // a day alone means its start
    const from = fmt.parseDateTime(/\s/.test(text) || !text ? text : `${text} 00:00`);
    const errors = [];
    if (!text) errors.push({message: 'Cần nêu thời điểm khóa mới có hiệu lực.'});
    else if (from.error) errors.push({message: from.error});
    if (!f.reason.value.trim()) errors.push({message: 'Cần nêu lý do thay khóa.'});
    const basisDate = f.basisDate.value.trim() ? fmt.parseDate(f.basisDate.value) : {value: null};
    if (basisDate.error) errors.push({message: basisDate.error});
    if (errors.length) {
      this.rotationError = {errors};
      return;
    }
    const input = {effectiveFrom: from.value, reason: f.reason.value};
    if (f.basis.value.trim()) input.basis = {number: f.basis.value, date: basisDate.value};
    try {
      const p = (await api.gql(`mutation($i: RotateIntegrityKeysInput!) { rotateIntegrityKeys(input: $i) {
        generation { ${GENERATION} } errors { code field message } } }`, {i: input})).rotateIntegrityKeys;
      if (p.errors.length) throw {errors: p.errors};
      this.rotated = p.generation;
      f.reset();
      await this.loadGenerations();
    } catch (err) {
      this.rotationError = err;
    }
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
