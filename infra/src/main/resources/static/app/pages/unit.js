// A unit's page: its standing under each set (as of a date, as recorded at an instant), the unmet criteria with
// their indicators, latest values and evidence, data entry where the API allows it, the history as a filtered
// timeline (predecessors included), recognition titles and cases, evidence documents. Kept live by subscriptions.
import {html, nothing} from 'lit';
import {Page, badge, failure, loading, link, hrefWith, sortRows} from '../ui.js';
import * as api from '../api.js';
import * as fmt from '../format.js';
import './entry.js';
import './history.js';

const UNIT = `query Unit($code: ID!) {
  unit(code: $code) { code name fullName kind level ceasedOn
    parent { code name fullName kind parent { code name fullName } }
    children { code fullName kind level ceasedOn standings { setId result criteriaMet criteriaTotal } }
    predecessors { predecessor { code name fullName } share effectiveFrom basis { number date issuer } }
    successors { successor { code name fullName } share effectiveFrom basis { number date issuer } }
    standings { setId result criteriaMet criteriaTotal criteriaSet { title grade provinceCode } } }
}`;

const REQUIREMENT = `requirement { kind text threshold unit levels requiredLevel subIndicatorTotal decidedByHuman
  items { code name namedInSource } }`;
const ENTRY = `id type value { kind percentage numerator denominator count amount achieved level met of }
  period { start end } sourceAgency evidence { number date issuer title } note recordedAt recordedBy`;
const DECISION = `decision { id result decidedBy basis { number date issuer } note recordedAt }`;

const standingQuery = records => `query Standing($code: ID!, $setId: ID!) {
  standing(unitCode: $code, setId: $setId) { setId setVersion region result criteriaMet criteriaTotal lastChangedAt
    criteriaSet { id version title effectiveFrom legalBasis { decision date issuer } }
    criteria { code name result indicatorsMet indicatorsTotal
      indicators { code text result basis threshold requiredLevel judgedByDecision ${REQUIREMENT}
        ${records ? `measured mayRecord mayDecide latestValue { ${ENTRY} } ${DECISION}` : ''} } } }
}`;

const AS_OF = `query AsOf($code: ID!, $setId: ID!, $date: Date, $recordedAt: DateTime) {
  standingAsOf(unitCode: $code, setId: $setId, date: $date, recordedAt: $recordedAt) { date recordedAt region result
    criteriaMet criteriaTotal criteriaSet { id version title effectiveFrom legalBasis { decision date issuer } }
    criteria { code name result indicatorsMet indicatorsTotal
      indicators { code text result basis threshold requiredLevel measured ${REQUIREMENT} value { ${ENTRY} } ${DECISION} } } }
}`;

// a dashboard reads a case's title, status and validity, not its steps or decision (read-policy.yml)
const casesQuery = records => `query Cases($code: ID!) {
  recognitionCases(unitCode: $code, first: 50) { totalCount edges { node { caseId kind status setId grade year
    renewal validUntil lapsed updatedAt recordedAfterwards yearStated
    ${records ? `round pendingStep pendingRoles granted decisionNumber decisionDate overridden
      conditions { code text judgment explanation } decidedConditions { code text judgment explanation }` : ''} } } }
}`;

const EVIDENCE = `query Evidence($code: ID!) {
  evidenceDocuments(unitCode: $code, first: 100) { totalCount edges { node { documentId targetKind setId code caseId
    number date issuer title kind fileName fileSize downloadPath attachedAt attachedBy } } }
}`;

const LIVE = `subscription Live($code: ID) { standingChanged(unitCode: $code) { unit { code } standing { setId criteriaMet } } }`;
const LIVE_CASES = `subscription Cases($code: ID) { recognitionCaseChanged(unitCode: $code) { caseId status } }`;

const ATTACH = `mutation Attach($input: AttachEvidenceInput!) { attachEvidence(input: $input) {
  documentId errors { code field message } } }`;

class UnitPage extends Page {
  static properties = {me: {attribute: false}, code: {attribute: false}, params: {attribute: false},
    unit: {state: true}, standing: {state: true}, cases: {state: true}, evidence: {state: true},
    error: {state: true}, open: {state: true}, live: {state: true}, notice: {state: true}};

  get records() { return this.me.role !== 'DASHBOARD_VIEWER'; }
  get date() { return this.params.get('ngay'); }
  get recordedAt() { return this.params.get('ghi'); }
  get asOf() { return !!(this.date || this.recordedAt); }

  willUpdate() {
    const key = `${this.code}|${this.params?.toString()}`;
    if (key !== this.key) {
      this.key = key;
      this.load();
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.stopLive?.();
  }

  async load() {
    const key = this.key;
    this.error = null;
    this.stopLive?.();
    try {
      const unit = (await api.gql(UNIT, {code: this.code})).unit;
      if (!unit) throw {message: `Không có đơn vị hành chính mã ${this.code}.`};
      const sets = sortRows(unit.standings, s => (s.criteriaSet.grade === 'NTM' ? '0' : '1') + s.criteriaSet.title);
      this.setId = this.params.get('bo') && unit.standings.some(s => s.setId === this.params.get('bo'))
        ? this.params.get('bo') : sets[0]?.setId;
      const [standing, cases, evidence] = await Promise.all([
        this.setId ? this.loadStanding() : null,
        api.gql(casesQuery(this.records), {code: this.code}),
        this.records ? api.gql(EVIDENCE, {code: this.code}) : null]);
      if (key !== this.key) return;
      Object.assign(this, {unit: {...unit, standings: sets}, standing, cases: cases.recognitionCases,
        evidence: evidence?.evidenceDocuments});
      // a page left while it loaded listens to nothing (nothing would end the subscriptions)
      if (!this.asOf && this.isConnected) this.listen();
    } catch (e) {
      if (key === this.key) this.error = e;
    }
  }

  async loadStanding() {
    if (this.asOf) {
      const a = (await api.gql(AS_OF, {code: this.code, setId: this.setId, date: this.date,
        recordedAt: this.recordedAt})).standingAsOf;
      if (a) a.criteria.forEach(c => c.indicators.forEach(i => { i.latestValue = i.value; }));
      return a;
    }
    return (await api.gql(standingQuery(this.records), {code: this.code, setId: this.setId})).standing;
  }

  listen() {
    const stops = [
      api.subscribe(LIVE, {code: this.code}, async data => {
        if (data.standingChanged.standing?.setId !== this.setId) return;
        this.standing = await this.loadStanding();
        this.querySelector('ntm-history')?.load(false);
        this.live = new Date().toISOString();
      }),
      api.subscribe(LIVE_CASES, {code: this.code}, async () => {
        this.cases = (await api.gql(casesQuery(this.records), {code: this.code})).recognitionCases;
        this.live = new Date().toISOString();
      })];
    this.stopLive = () => stops.forEach(s => s());
  }

  render() {
    if (this.error) return html`<h1>Đơn vị ${this.code}</h1>${this.asOf ? html`<ntm-asof .date=${this.date}
      .recordedAt=${this.recordedAt}></ntm-asof>` : nothing}${failure(this.error)}`;
    if (!this.unit) return loading();
    const u = this.unit;
    const district = u.parent && !['PROVINCE', 'CITY_PROVINCE'].includes(u.parent.kind) ? u.parent : null;
    return html`
      <nav class="crumbs" aria-label="Vị trí">
        ${district?.parent ? html`<a href=${link(`/khu-vuc/${district.parent.code}`)}>${district.parent.name}</a> ›` : nothing}
        ${u.parent ? html`<a href=${u.level === 4 ? link(`/don-vi/${u.parent.code}`)
          : link(`/khu-vuc/${u.parent.code}`, {bo: this.setId})}>${u.parent.name}</a> ›` : nothing}
        <span>${u.name}</span>
      </nav>
      <h1>${u.fullName} <small>mã ${u.code}</small></h1>
      ${u.ceasedOn ? html`<p class="note">Đã thôi tồn tại từ ngày ${fmt.date(u.ceasedOn)}.
        ${u.successors.map(s => html`Kế thừa: <a href=${link(`/don-vi/${s.successor.code}`)}>${s.successor.fullName}</a>. `)}</p>` : nothing}
      ${u.predecessors.length ? html`<p class="note">Hình thành từ ngày ${fmt.date(u.predecessors[0].effectiveFrom)} trên cơ sở
        ${u.predecessors.map((p, n) => html`${n ? ', ' : ''}<a href=${link(`/don-vi/${p.predecessor.code}`)}>${p.predecessor.fullName}</a>
          (${p.share === 'WHOLE' ? 'toàn bộ' : 'một phần'})`)}
        ${u.predecessors[0].basis ? html` — ${fmt.documentRef(u.predecessors[0].basis)}` : nothing}.
        Lịch sử bên dưới gồm cả hồ sơ của các đơn vị này.</p>` : nothing}
      ${this.villagesView()}
      ${u.standings.length ? html`<div class="toolbar">
        <label>Bộ tiêu chí <select @change=${e => { location.hash = hrefWith({bo: e.target.value}); }}>
          ${u.standings.map(s => html`<option value=${s.setId} ?selected=${s.setId === this.setId}>${s.criteriaSet.title}
            (${s.criteriaMet}/${s.criteriaTotal})</option>`)}</select></label>
        ${this.records ? html`<ntm-asof .date=${this.date} .recordedAt=${this.recordedAt}></ntm-asof>` : nothing}
      </div>` : html`<p>Đơn vị chưa được theo dõi theo bộ tiêu chí nào.</p>`}
      ${this.notice ? html`<p class="ok" role="status" tabindex="-1" data-testid="notice">${this.notice}</p>` : nothing}
      ${this.standing ? this.standingView() : this.setId ? html`<p>Không có kết quả đánh giá vào thời điểm này.</p>` : nothing}
      ${this.casesView()}
      ${this.records ? this.evidenceView() : nothing}
      ${this.records ? html`<section aria-labelledby="lich-su"><h2 id="lich-su">Lịch sử hồ sơ</h2>
        <p><a href="/exports/unit-history.xlsx?${new URLSearchParams({unitCode: u.code})}" download
          data-testid="export-history">Tải toàn bộ lịch sử (.xlsx)</a></p>
        <ntm-history .unitCode=${u.code} .setId=${this.setId} .me=${this.me}></ntm-history></section>` : nothing}`;
  }

  /** A commune's villages (thôn, ấp, khu dân cư, bản, làng), each with its standings. */
  villagesView() {
    const villages = (this.unit.children ?? []).filter(c => c.level === 4);
    if (!villages.length) return nothing;
    return html`<section aria-labelledby="thon" data-testid="villages">
      <h2 id="thon">Thôn, khu dân cư (${villages.length})</h2>
      <table><thead><tr><th scope="col">Đơn vị</th><th scope="col">Mã</th><th scope="col">Kết quả</th></tr></thead>
        <tbody>${villages.map(v => html`<tr>
          <td><a href=${link(`/don-vi/${v.code}`)}>${v.fullName}</a>${v.ceasedOn ? html` <small>(đã thôi tồn tại)</small>` : nothing}</td>
          <td>${v.code}</td>
          <td>${v.standings.length ? v.standings.map(s => html`${badge(s.result)} ${s.criteriaMet}/${s.criteriaTotal} `)
            : 'chưa theo dõi'}</td></tr>`)}</tbody></table>
    </section>`;
  }

  standingView() {
    const s = this.standing;
    const unmet = s.criteria.filter(c => c.result !== 'MET');
    const dated = {ngay: this.date, ghi: this.recordedAt};
    return html`
      <section aria-labelledby="ket-qua" class="standing">
        <h2 id="ket-qua">Kết quả: <span data-testid="standing">${s.criteriaMet}/${s.criteriaTotal}</span> tiêu chí đạt
          ${badge(s.result)}</h2>
        <p class="note" aria-live="polite">${s.criteriaSet.title}, phiên bản ${s.criteriaSet.version}
          (${s.criteriaSet.legalBasis.decision}${s.criteriaSet.legalBasis.date ? ` ngày ${fmt.date(s.criteriaSet.legalBasis.date)}` : ''}).
          ${this.asOf ? html`Tình hình ngày <strong>${fmt.date(s.date)}</strong>, theo hồ sơ ghi đến
            <strong>${fmt.dateTime(s.recordedAt)}</strong>.`
            : html`Thay đổi gần nhất ${fmt.dateTime(s.lastChangedAt)}${this.live ? html`; cập nhật trực tiếp lúc ${fmt.dateTime(this.live)}` : ''}.`}</p>
        <p><a href="/exports/unit-indicators.xlsx?${new URLSearchParams(Object.entries({unitCode: this.code,
          setId: this.setId, date: this.date, recordedAt: this.recordedAt}).filter(([, v]) => v))}" download
          data-testid="export-indicators">Tải bảng chỉ tiêu (.xlsx)</a></p>
      </section>
      ${unmet.length ? html`<section aria-labelledby="chua-dat">
        <h2 id="chua-dat">Tiêu chí chưa đạt, chưa đánh giá (${unmet.length})</h2>
        ${unmet.map(c => html`<article class="criterion" data-criterion=${c.code}>
          <h3>Tiêu chí ${c.code}. ${c.name} ${badge(c.result)}
            ${this.records ? html`<a class="why" href=${link(`/giai-trinh/${this.code}/${encodeURIComponent(this.setId)}/${encodeURIComponent(c.code)}`, dated)}>Vì sao?</a>` : nothing}</h3>
          ${this.indicatorTable(c.indicators.filter(i => i.result !== 'MET'), 'unmet')}
        </article>`)}
      </section>` : nothing}
      <section aria-labelledby="tat-ca">
        <h2 id="tat-ca">Tất cả tiêu chí</h2>
        ${!this.asOf && s.criteria.some(c => c.indicators.some(i => i.mayRecord)) ? html`<p><a
          href=${`/templates/values.xlsx?unitCode=${encodeURIComponent(this.code)}&setId=${encodeURIComponent(this.setId)}`}
          download data-testid="template-xlsx">Tải mẫu nhập liệu Excel</a></p>` : nothing}
        ${s.criteria.map(c => html`<details class="criterion" data-criterion=${c.code}>
          <summary>${badge(c.result)} <strong>${c.code}</strong>. ${c.name}
            <span class="num">${c.indicatorsMet}/${c.indicatorsTotal} chỉ tiêu</span></summary>
          ${this.records ? html`<p><a class="why" href=${link(`/giai-trinh/${this.code}/${encodeURIComponent(this.setId)}/${encodeURIComponent(c.code)}`, dated)}>
            Giải trình tiêu chí ${c.code}</a></p>` : nothing}
          ${this.indicatorTable(c.indicators, 'all')}
        </details>`)}
      </section>`;
  }

  indicatorTable(indicators, section) {
    const records = this.records;
    return html`<table class="indicators">
      <thead><tr><th scope="col">Chỉ tiêu</th><th scope="col">Yêu cầu</th>${records ? html`<th scope="col">Số liệu mới nhất</th>` : nothing}
        <th scope="col">Kết quả</th></tr></thead>
      <tbody>${indicators.map(i => html`<tr data-indicator=${i.code}>
        <th scope="row"><strong>${i.code}</strong> ${i.text}</th>
        <td>${fmt.requirement(i.requirement, i.threshold)}${i.requirement.decidedByHuman ? html`<br><small>do cơ quan có thẩm quyền đánh giá</small>` : nothing}</td>
        ${records ? html`<td data-testid="latest-value">${i.latestValue ? html`${i.latestValue.type === 'NOT_ASSESSED'
          ? 'Chưa đánh giá' : html`<strong>${fmt.value(i.latestValue.value)}</strong>`}
          <br><small>kỳ ${fmt.date(i.latestValue.period.start)}${i.latestValue.period.end !== i.latestValue.period.start
            ? `–${fmt.date(i.latestValue.period.end)}` : ''}${i.latestValue.sourceAgency ? ` · ${i.latestValue.sourceAgency}` : ''}</small>
          ${i.latestValue.evidence.map(d => html`<br><small>Minh chứng: ${fmt.documentRef(d)}</small>`)}`
          : i.decision ? html`Quyết định: ${fmt.JUDGMENT[i.decision.result]} (${i.decision.decidedBy})` : html`<em>chưa có</em>`}</td>` : nothing}
        <td>${badge(i.result)}<br><small>${fmt.BASIS[i.basis] ?? ''}</small>
          ${!this.asOf && (i.mayRecord || i.mayDecide) ? html`<br><button type="button" class="small"
            aria-expanded=${this.open === `${section}:${i.code}` ? 'true' : 'false'} data-testid="open-entry"
            @click=${() => { this.open = this.open === `${section}:${i.code}` ? null : `${section}:${i.code}`; }}>Ghi số liệu</button>` : nothing}</td>
      </tr>
      ${this.open === `${section}:${i.code}` && !this.asOf ? html`<tr class="entry-row"><td colspan=${records ? 4 : 3}>
        <ntm-entry .unitCode=${this.code} .setId=${this.setId} .indicator=${i}
          @close=${() => { this.open = null; }} @recorded=${this.recorded}></ntm-entry></td></tr>` : nothing}`)}
      </tbody></table>`;
  }

  async recorded(e) {
    this.standing = await this.loadStanding();
    this.querySelector('ntm-history')?.load(false);
    const s = e.detail.scorecard;
    this.notice = `Đã ghi. Kết quả mới: ${s.criteriaMet}/${s.criteriaTotal} tiêu chí đạt.`;
    await this.updateComplete;
    // the form may have left the page (its criterion now met): the notice takes the reader's place
    const notice = this.querySelector('[data-testid=notice]');
    notice?.scrollIntoView({block: 'center'});
    notice?.focus();
  }

  casesView() {
    const cases = this.cases?.edges.map(e => e.node) ?? [];
    return html`<section aria-labelledby="danh-hieu"><h2 id="danh-hieu">Danh hiệu và hồ sơ công nhận</h2>
      ${cases.length ? html`<table class="cases" data-testid="cases">
        <thead><tr><th scope="col">Hồ sơ</th><th scope="col">Danh hiệu</th><th scope="col">Năm</th>
          <th scope="col">Trạng thái</th><th scope="col">Bước tiếp theo</th><th scope="col">Quyết định</th></tr></thead>
        <tbody>${cases.map(c => html`<tr>
          <th scope="row">${c.kind === 'REVOCATION' ? 'Thu hồi' : 'Công nhận'}${c.renewal ? ' (lại)' : ''}<br><small>${c.caseId}</small></th>
          <td>${fmt.GRADE[c.grade] ?? c.grade}</td>
          <td>${c.yearStated ? c.year : html`${c.year}<br><small>năm không nêu trong nguồn (muộn nhất)</small>`}
            ${c.recordedAfterwards ? html`<br><small>ghi nhận sau, theo văn bản nêu danh hiệu</small>` : nothing}</td>
          <td>${fmt.CASE_STATUS[c.status] ?? c.status}${c.round > 1 ? ` (lần ${c.round})` : ''}${c.lapsed ? ' · hết hiệu lực' : ''}
            ${c.overridden ? html`<br><small>quyết định khác kết quả đánh giá</small>` : nothing}</td>
          <td>${c.pendingStep ? fmt.CASE_STEP[c.pendingStep] ?? c.pendingStep : ''}${c.pendingRoles?.length ? html`<br><small>${c.pendingRoles.map(r => fmt.ROLE[r] ?? r).join(', ')}</small>` : nothing}</td>
          <td>${c.decisionNumber ?? ''}${c.decisionDate ? ` ngày ${fmt.date(c.decisionDate)}` : ''}
            ${c.validUntil ? html`<br><small>hiệu lực đến ${fmt.date(c.validUntil)}</small>` : nothing}</td></tr>
          ${this.conditionRows(c)}`)}</tbody>
      </table>` : html`<p>Chưa có hồ sơ công nhận.</p>`}</section>`;
  }

  /** A title's conditions beyond its criteria: as judged at the decision once decided, as they stand now before. */
  conditionRows(c) {
    const decided = c.decidedConditions?.length > 0;
    const conditions = decided ? c.decidedConditions : c.conditions ?? [];
    if (!conditions.length) return nothing;
    return html`<tr><td colspan="6"><details data-testid="conditions"><summary>Điều kiện công nhận
        ${decided ? 'khi quyết định' : 'theo hồ sơ hiện tại'}: ${conditions.filter(k => k.judgment === 'MET').length}/${conditions.length} đạt</summary>
      <ul>${conditions.map(k => html`<li>${badge(k.judgment)} <strong>${k.code}.</strong> ${k.text}: ${fmt.withoutVerdict(k.explanation)}</li>`)}</ul>
    </details></td></tr>`;
  }

  evidenceView() {
    const docs = this.evidence?.edges.map(e => e.node) ?? [];
    const s = this.standing;
    const mayAttach = ['COMMUNE_OFFICER', 'DISTRICT_AGENCY', 'DISTRICT_COORDINATION_OFFICE', 'VERIFIER', 'APPRAISER',
      'DECISION_AUTHORITY'].includes(this.me.role) && s?.criteria?.some(c => c.indicators.some(i => i.mayRecord));
    return html`<section aria-labelledby="minh-chung"><h2 id="minh-chung">Hồ sơ minh chứng (${this.evidence?.totalCount ?? 0})</h2>
      ${docs.length ? html`<table data-testid="evidence"><thead><tr><th scope="col">Văn bản</th><th scope="col">Gắn với</th>
        <th scope="col">Tệp</th><th scope="col">Ghi lúc</th></tr></thead><tbody>${docs.map(d => html`<tr>
        <th scope="row">${d.number}${d.date ? ` ngày ${fmt.date(d.date)}` : ''}${d.title ? html`<br><small>${d.title}</small>` : nothing}</th>
        <td>${d.code ? `chỉ tiêu/tiêu chí ${d.code}` : d.caseId ? `hồ sơ ${d.caseId}` : 'đơn vị'}</td>
        <td>${d.downloadPath ? html`<a href=${d.downloadPath} download=${d.fileName ?? d.number}>${d.fileName ?? 'tải về'}</a>
          ${d.fileSize ? html`<small>(${fmt.number(Math.round(d.fileSize / 1024))} KB)</small>` : nothing}` : ''}</td>
        <td>${fmt.dateTime(d.attachedAt)}<br><small>${d.attachedBy ?? ''}</small></td></tr>`)}</tbody></table>` : nothing}
      ${mayAttach && !this.asOf ? this.attachForm() : nothing}
    </section>`;
  }

  attachForm() {
    const indicators = this.standing.criteria.flatMap(c => c.indicators.filter(i => i.mayRecord));
    const errors = this.attachErrors ?? {};
    const err = n => errors[n] ? html`<p class="field-error" id="att-${n}-error">${errors[n]}</p>` : nothing;
    return html`<form class="entry" @submit=${this.attach} novalidate data-testid="attach-form">
      <h3>Đính kèm minh chứng</h3>
      ${errors._ ? html`<div class="error" role="alert"><p>${errors._}</p></div>` : nothing}
      <div class="field"><label for="att-target">Gắn với chỉ tiêu</label>
        <select id="att-target" name="target">${indicators.map(i => html`<option value=${i.code}>${i.code} ${i.text}</option>`)}</select></div>
      <div class="field ${errors.file ? 'invalid' : ''}"><label for="att-file">Tệp (PDF, ảnh, văn bản) *</label>
        <input id="att-file" name="file" type="file" aria-invalid=${errors.file ? 'true' : 'false'}
          aria-describedby=${errors.file ? 'att-file-error' : nothing}>${err('file')}</div>
      <div class="row">
        <div class="field ${errors['document.number'] ? 'invalid' : ''}"><label for="att-number">Số văn bản *</label>
          <input id="att-number" name="number" aria-invalid=${errors['document.number'] ? 'true' : 'false'}
            aria-describedby=${errors['document.number'] ? 'att-document.number-error' : nothing}>${err('document.number')}</div>
        <div class="field"><label for="att-date">Ngày</label><input id="att-date" name="date" inputmode="numeric" placeholder="dd/mm/yyyy"
          aria-invalid=${errors['document.date'] ? 'true' : 'false'}>${err('document.date')}</div>
      </div>
      <div class="field"><label for="att-title">Trích yếu</label><input id="att-title" name="title"></div>
      <div class="field ${errors.kind ? 'invalid' : ''}"><label for="att-kind">Loại minh chứng *</label>
        <input id="att-kind" name="kind" value="Văn bản" aria-invalid=${errors.kind ? 'true' : 'false'}>${err('kind')}</div>
      <div class="actions"><button type="submit">Đính kèm</button></div>
    </form>`;
  }

  async attach(e) {
    e.preventDefault();
    const f = e.target;
    const file = f.file.files[0];
    const errors = {};
    if (!file) errors.file = 'Hãy chọn tệp.';
    if (!f.number.value.trim()) errors['document.number'] = 'Hãy nhập số văn bản.';
    const day = f.date.value.trim() ? fmt.parseDate(f.date.value) : {value: null};
    if (day.error) errors['document.date'] = day.error;
    this.attachErrors = errors;
    if (Object.keys(errors).length) { this.requestUpdate(); return; }
    try {
      const stored = await api.uploadFile(file);
      const data = await api.gql(ATTACH, {input: {target: {indicator: {unitCode: this.code, setId: this.setId,
        code: f.target.value}}, document: {number: f.number.value.trim(), date: day.value,
        title: f.title.value.trim() || null}, kind: f.kind.value.trim(), fileSha256: stored.sha256, fileName: file.name}});
      const payload = data.attachEvidence;
      if (payload.errors.length) {
        payload.errors.forEach(x => { errors[x.field === 'document.number' || x.field === 'kind' || x.field === 'file'
          ? x.field : '_'] = x.message; });
      } else {
        this.notice = `Đã đính kèm ${file.name}.`;
        f.reset();
        this.evidence = (await api.gql(EVIDENCE, {code: this.code})).evidenceDocuments;
      }
    } catch (err) {
      errors[err.errors?.[0]?.field === 'file' ? 'file' : '_'] = err.message;
    }
    this.attachErrors = errors;
    this.requestUpdate();
  }
}
customElements.define('ntm-unit', UnitPage);
