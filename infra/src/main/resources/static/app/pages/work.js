// Work lists of the signed-in account: recognition steps it may take now (with the step's form), plan tasks overdue
// and due soon, reporting compliance of the current period, recognitions at risk and titles or certificates
// expiring. Every list is a page of the API's connections; the pending actions are kept live by subscription.
import {html, nothing} from 'lit';
import {Page, badge, failure, loading, link} from '../ui.js';
import * as api from '../api.js';
import * as fmt from '../format.js';

const CASE = `caseId kind status setId grade year round pendingStep pendingRoles pendingUnitCode pendingCentral mayAct
  unit { code name fullName } surveyRate decisionNumber conditions { code text kind judgment explanation }`;

const TASK = `taskId planId planNumber unitCode status leadName deadlineLastDay daysLeft
  item { row content deadline { asWritten } cost { vnd asWritten } }`;

/** The lists for an area: plan tasks need a unit or a district (the API asks for one), the others take either. */
const workQuery = withTasks => `query Work($unit: ID, $district: ID${withTasks ? ', $asOf: Date' : ''}) {
  pendingActions(first: 50) { totalCount edges { node { ${CASE} } } }
  ${withTasks ? `overdueTasks(unitCode: $unit, districtCode: $district, asOf: $asOf, first: 50) {
    totalCount edges { node { ${TASK} } } }
  tasksDue(withinDays: 30, unitCode: $unit, districtCode: $district, asOf: $asOf, first: 50) {
    totalCount edges { node { ${TASK} } } }` : ''}
  requalifications(unitCode: $unit, districtCode: $district, first: 50) { totalCount edges { node {
    currentSetId tracked standing criteriaMet criteriaTotal unmetCriteria notAssessedCriteria
    title { caseId setId grade year yearStated unit { code name } } } } }
  recognitionsAtRisk(unitCode: $unit, districtCode: $district, first: 50) { totalCount edges { node {
    judgedBySetId standing criteriaMet criteriaTotal unmetCriteria recognition { caseId grade year unit { code name } decisionNumber }
    revocationTrigger { triggered reason } } } }
  expiringSoon(unitCode: $unit, districtCode: $district, withinDays: 90, first: 50) { totalCount edges { node {
    kind id unitCode subject validUntil daysLeft lapsed } } }
  reportingDuties(unitCode: $unit, first: 20) { edges { node { unitCode dutyId title } } }
}`;

const COMPLIANCE = `query Compliance($unit: ID!, $duty: ID!, $asOf: Date) {
  reportingCompliance(unitCode: $unit, dutyId: $duty, asOf: $asOf) { period dueDate asOf owedCount reportedCount
    onTimeCount lateCount missingCount notYetDueCount duty { title due { asWritten } }
    bodies { body { name unitCode } status submittedOn daysLate } }
}`;

const LIVE = `subscription { recognitionCaseChanged { caseId status } }`;

/** The form of each step: the mutation, its fields, and how the form becomes its input. */
const STEPS = {
  SELF_ASSESSMENT: {label: 'Tự đánh giá', mutation: 'recordSelfAssessment', type: 'SelfAssessmentInput', assessments: 'assessments'},
  SUBMISSION: {label: 'Nộp hồ sơ đề nghị', mutation: 'submitDossier', type: 'DossierInput'},
  SURVEY: {label: 'Kết quả lấy ý kiến sự hài lòng', mutation: 'recordSatisfactionSurvey', type: 'SatisfactionSurveyInput',
    fields: [['organiser', 'Đơn vị tổ chức lấy ý kiến', 'text', true], ['date', 'Ngày', 'date', true],
      ['overallRate', 'Tỷ lệ hài lòng chung (%)', 'decimal', true]]},
  VERIFICATION: {label: 'Thẩm tra', mutation: 'recordVerification', type: 'VerificationInput', assessments: 'findings',
    fields: [['forward', 'Chuyển thẩm định (tỉnh; với danh hiệu cấp huyện: Trung ương)', 'boolean'], ['comments', 'Ý kiến', 'textarea']]},
  APPRAISAL: {label: 'Thẩm định', mutation: 'recordAppraisal', type: 'AppraisalInput',
    fields: [['votesFor', 'Số phiếu đồng ý', 'integer', true], ['votesAgainst', 'Số phiếu không đồng ý', 'integer', true],
      ['abstentions', 'Số phiếu không biểu quyết', 'integer', true], ['propose', 'Đề nghị công nhận', 'boolean'],
      ['comments', 'Ý kiến', 'textarea']]},
  DECISION: {label: 'Quyết định công nhận', mutation: 'decideRecognition', type: 'DecisionInput',
    fields: [['grant', 'Công nhận', 'boolean'], ['authority', 'Cơ quan quyết định', 'text', true],
      ['decisionNumber', 'Số quyết định', 'text'], ['decisionDate', 'Ngày quyết định', 'date'], ['signer', 'Người ký', 'text'],
      ['reason', 'Lý do', 'textarea'], ['overrideJustification', 'Lý do quyết định khác kết quả đánh giá (nếu có)', 'textarea']]},
  ANNOUNCEMENT: {label: 'Công bố', mutation: 'announceRecognition', type: 'AnnouncementInput',
    fields: [['date', 'Ngày công bố', 'date', true], ['place', 'Địa điểm', 'text', true]]}
};

class Work extends Page {
  static properties = {me: {attribute: false}, params: {attribute: false}, data: {state: true}, error: {state: true},
    compliance: {state: true}, acting: {state: true}};

  // not in connectedCallback: properties given before this module was loaded are applied at the first update
  firstUpdated() {
    this.load();
    this.stop = api.subscribe(LIVE, {}, () => this.load());
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.stop?.();
  }

  /** The area the lists are for: the code asked for on the page, else the account's own unit. */
  scope() {
    const code = this.area ?? this.me.unitCode;
    if (!code) return {};
    return code.length === 3 ? {district: code} : {unit: code};
  }

  async load() {
    try {
      const scope = this.scope();
      const withTasks = !!(scope.unit || scope.district);
      // a variable the operation does not use is refused by the API: the date goes only with the plan tasks
      const data = await api.gql(workQuery(withTasks), withTasks ? {...scope, asOf: this.asOf ?? null} : scope);
      const codes = [data.overdueTasks, data.tasksDue].filter(Boolean).flatMap(c => c.edges.map(e => e.node.unitCode))
        .concat(data.expiringSoon?.edges.map(e => e.node.unitCode) ?? []);
      this.names = await api.unitNames(codes).catch(() => new Map());
      this.data = data;
      const duties = data.reportingDuties?.edges.map(e => e.node) ?? [];
      const compliance = await Promise.all(duties.map(d => api.gql(COMPLIANCE, {unit: d.unitCode, duty: d.dutyId,
        asOf: this.asOf ?? null})
        .then(r => r.reportingCompliance).catch(() => null)));
      this.compliance = compliance.filter(Boolean);
    } catch (e) {
      this.error = e;
    }
  }

  render() {
    if (this.error) return html`<h1>Việc cần làm</h1>${failure(this.error)}`;
    if (!this.data) return loading();
    // a list the API refused (shown at the top) counts as empty; the others stand
    const empty = {totalCount: 0, edges: []};
    const d = {...this.data, pendingActions: this.data.pendingActions ?? empty,
      recognitionsAtRisk: this.data.recognitionsAtRisk ?? empty, expiringSoon: this.data.expiringSoon ?? empty,
      requalifications: this.data.requalifications ?? empty};
    const nodes = c => c.edges.map(e => e.node);
    return html`<h1>Việc cần làm</h1>
      ${this.data.__errors ? failure({errors: this.data.__errors}) : nothing}
      <form class="filters" @submit=${this.changeDate} novalidate aria-label="Phạm vi và ngày tính">
        <div class="field ${this.dateError ? 'invalid' : ''}"><label for="work-date">Tính đến ngày (hạn, quá hạn, báo cáo)</label>
          <input id="work-date" name="date" inputmode="numeric" placeholder="dd/mm/yyyy" .value=${this.asOf ? fmt.date(this.asOf) : ''}
            aria-invalid=${this.dateError ? 'true' : 'false'} aria-describedby=${this.dateError ? 'work-date-error' : nothing}>
          ${this.dateError ? html`<p class="field-error" id="work-date-error">${this.dateError}</p>` : nothing}</div>
        <div class="field"><label for="work-area">Mã huyện hoặc xã</label>
          <input id="work-area" name="area" inputmode="numeric" .value=${this.area ?? this.me.unitCode ?? ''}
            placeholder="ví dụ 872"></div>
        <button type="submit">Xem</button>
        <span class="hint">${this.asOf ? `Tính đến ngày ${fmt.date(this.asOf)}` : 'Tính đến hôm nay'}</span>
      </form>
      <section aria-labelledby="buoc"><h2 id="buoc">Hồ sơ công nhận chờ tài khoản này (${d.pendingActions.totalCount})</h2>
        ${d.pendingActions.totalCount ? html`<table data-testid="pending"><thead><tr><th scope="col">Đơn vị</th>
          <th scope="col">Danh hiệu</th><th scope="col">Trạng thái</th><th scope="col">Bước tiếp theo</th><th scope="col"></th></tr></thead>
          <tbody>${nodes(d.pendingActions).map(c => html`<tr>
            <th scope="row"><a href=${link(`/don-vi/${c.unit.code}`, {bo: c.setId})}>${c.unit.name}</a><br><small>${c.caseId}</small></th>
            <td>${fmt.GRADE[c.grade] ?? c.grade} ${c.year}</td><td>${fmt.CASE_STATUS[c.status] ?? c.status}</td>
            <td>${STEPS[c.pendingStep]?.label ?? c.pendingStep}</td>
            <td>${c.mayAct ? html`<button type="button" @click=${() => { this.acting = this.acting === c.caseId ? null : c.caseId; }}
              aria-expanded=${this.acting === c.caseId ? 'true' : 'false'}>${STEPS[c.pendingStep]?.label ?? 'Thực hiện'}</button>` : ''}</td>
          </tr>${this.acting === c.caseId ? html`<tr><td colspan="5"><ntm-step .recognitionCase=${c}
            @done=${() => { this.acting = null; this.load(); }}></ntm-step></td></tr>` : nothing}`)}</tbody></table>`
          : html`<p>Không có hồ sơ nào chờ.</p>`}
      </section>
      ${d.overdueTasks ? html`${this.tasks('qua-han', 'Nhiệm vụ quá hạn', d.overdueTasks)}
        ${this.tasks('sap-den-han', 'Nhiệm vụ đến hạn trong 30 ngày', d.tasksDue)}`
        : html`<section><h2>Nhiệm vụ theo kế hoạch</h2><p>Nhập mã một huyện hoặc một xã ở trên để xem nhiệm vụ quá hạn
          và sắp đến hạn.</p></section>`}
      <section aria-labelledby="bao-cao"><h2 id="bao-cao">Chế độ báo cáo kỳ này</h2>
        ${this.compliance?.length ? this.compliance.map(c => html`<article><h3>${c.duty.title}</h3>
          <p>${[c.period ? `Kỳ ${c.period}` : null, c.dueDate ? `hạn ${fmt.date(c.dueDate)}` : null].filter(Boolean).join(', ')}${c.duty.due ? ` (${c.duty.due.asWritten})` : ''}:
            ${c.reportedCount}/${c.owedCount} đã nộp — ${c.onTimeCount} đúng hạn, ${c.lateCount} trễ, ${c.missingCount} chưa nộp,
            ${c.notYetDueCount} chưa đến hạn (tính đến ${fmt.date(c.asOf)}).</p>
          <table><thead><tr><th scope="col">Đơn vị báo cáo</th><th scope="col">Tình trạng</th><th scope="col">Ngày nộp</th></tr></thead>
            <tbody>${c.bodies.map(b => html`<tr><th scope="row">${b.body.name}</th><td>${fmt.COMPLIANCE[b.status]}${b.daysLate
              ? ` (${b.daysLate} ngày)` : ''}</td><td>${fmt.date(b.submittedOn)}</td></tr>`)}</tbody></table></article>`)
          : html`<p>Không có chế độ báo cáo nào.</p>`}
      </section>
      <section aria-labelledby="rui-ro"><h2 id="rui-ro">Danh hiệu có nguy cơ (${d.recognitionsAtRisk.totalCount})</h2>
        ${d.recognitionsAtRisk.totalCount ? html`<table><thead><tr><th scope="col">Đơn vị</th><th scope="col">Danh hiệu</th>
          <th scope="col">Hiện nay</th><th scope="col">Tiêu chí chưa đạt</th><th scope="col">Thu hồi?</th></tr></thead>
          <tbody>${nodes(d.recognitionsAtRisk).map(r => html`<tr>
            <th scope="row"><a href=${link(`/don-vi/${r.recognition.unit.code}`)}>${r.recognition.unit.name}</a></th>
            <td>${fmt.GRADE[r.recognition.grade] ?? r.recognition.grade} ${r.recognition.year} ${r.recognition.decisionNumber ?? ''}
              ${r.judgedBySetId !== r.recognition.caseId.split('@')[1] ? html`<br><small>xét theo ${r.judgedBySetId}</small>` : nothing}</td>
            <td>${badge(r.standing)} ${r.criteriaMet}/${r.criteriaTotal}</td><td>${r.unmetCriteria.join(', ')}</td>
            <td>${r.revocationTrigger?.triggered ? html`<strong>Có</strong>: ${r.revocationTrigger.reason}` : 'Chưa'}</td></tr>`)}</tbody></table>`
          : html`<p>Không có.</p>`}
      </section>
      <section aria-labelledby="dat-lai"><h2 id="dat-lai">Danh hiệu theo bộ tiêu chí cũ cần đạt lại chuẩn (${d.requalifications.totalCount})</h2>
        ${d.requalifications.totalCount ? html`<table data-testid="requalifications"><thead><tr><th scope="col">Đơn vị</th>
          <th scope="col">Danh hiệu</th><th scope="col">Bộ tiêu chí hiện hành</th><th scope="col">Hiện nay</th>
          <th scope="col">Tiêu chí chưa đạt</th><th scope="col">Chưa đánh giá</th></tr></thead>
          <tbody>${nodes(d.requalifications).map(r => html`<tr>
            <th scope="row"><a href=${link(`/don-vi/${r.title.unit.code}`)}>${r.title.unit.name}</a></th>
            <td>${fmt.GRADE[r.title.grade] ?? r.title.grade} ${r.title.yearStated ? r.title.year : `(không nêu năm, muộn nhất ${r.title.year})`}
              <br><small>${r.title.setId}</small></td>
            <td>${r.currentSetId ?? 'chưa có trong danh mục'}</td>
            <td>${r.tracked ? html`${badge(r.standing)} ${r.criteriaMet}/${r.criteriaTotal}` : 'chưa theo dõi'}</td>
            <td>${r.unmetCriteria.join(', ')}</td><td>${r.notAssessedCriteria.length}</td></tr>`)}</tbody></table>`
          : html`<p>Không có.</p>`}
      </section>
      <section aria-labelledby="het-han"><h2 id="het-han">Sắp hết hiệu lực trong 90 ngày (${d.expiringSoon.totalCount})</h2>
        ${d.expiringSoon.totalCount ? html`<ul>${nodes(d.expiringSoon).map(x => html`<li>
          <a href=${link(`/don-vi/${x.unitCode}`)}>${this.names?.get(x.unitCode) ?? x.unitCode}</a> — ${x.subject}: hiệu lực đến ${fmt.date(x.validUntil)}
          (${x.lapsed ? 'đã hết' : `còn ${x.daysLeft} ngày`})</li>`)}</ul>` : html`<p>Không có.</p>`}
      </section>`;
  }

  changeDate(e) {
    e.preventDefault();
    const text = e.target.date.value.trim();
    const r = text ? fmt.parseDate(text) : {value: null};
    this.dateError = r.error ?? null;
    if (r.error) { this.requestUpdate(); return; }
    this.asOf = r.value;
    this.area = e.target.area.value.trim() || null;
    this.load();
  }

  tasks(id, title, connection) {
    const rows = connection.edges.map(e => e.node);
    return html`<section aria-labelledby=${id}><h2 id=${id}>${title} (${connection.totalCount})</h2>
      ${rows.length < connection.totalCount ? html`<p class="note">${rows.length} đầu tiên trong ${connection.totalCount}
        (cả danh sách qua API: <code>${id === 'qua-han' ? 'overdueTasks' : 'tasksDue'}</code>).</p>` : nothing}
      ${rows.length ? html`<table data-testid=${id}><thead><tr><th scope="col">Nội dung</th><th scope="col">Đơn vị</th>
        <th scope="col">Chủ trì</th><th scope="col">Thời hạn</th><th scope="col">Kinh phí</th><th scope="col">Kế hoạch</th></tr></thead>
        <tbody>${rows.map(t => html`<tr><th scope="row">${t.item?.row ? `${t.item.row}. ` : ''}${t.item?.content ?? t.taskId}</th>
          <td><a href=${link(`/don-vi/${t.unitCode}`)}>${this.names?.get(t.unitCode) ?? t.unitCode}</a></td><td>${t.leadName}</td>
          <td>${fmt.date(t.deadlineLastDay)}${t.item?.deadline?.asWritten ? html`<br><small>${t.item.deadline.asWritten}</small>` : nothing}
            ${t.daysLeft !== null ? html`<br><small>${t.daysLeft < 0 ? `quá hạn ${-t.daysLeft} ngày` : `còn ${t.daysLeft} ngày`}</small>` : nothing}</td>
          <td class="num">${t.item?.cost ? html`${fmt.money(t.item.cost.vnd)}${t.item.cost.asWritten
            ? html`<br><small>“${t.item.cost.asWritten}”</small>` : nothing}` : ''}</td>
          <td>${t.planNumber ?? t.planId}</td></tr>`)}</tbody></table>` : html`<p>Không có.</p>`}</section>`;
  }
}
customElements.define('ntm-work', Work);

/** The form of a recognition case's pending step; its typed errors are shown beside their fields. */
class Step extends Page {
  static properties = {recognitionCase: {attribute: false}, criteria: {state: true}, errors: {state: true}, busy: {state: true}};

  async connectedCallback() {
    super.connectedCallback();
    this.errors = {};
    const c = this.recognitionCase;
    if (STEPS[c.pendingStep]?.assessments) {
      // every criterion of the case's set, suggested as the record judges it now (not assessed when not tracked)
      const s = await api.gql(`query($u: ID!, $s: ID!) { criteriaSet(id: $s) { criteria { code name } }
        standing(unitCode: $u, setId: $s) { criteria { code result } } }`, {u: c.unit.code, s: c.setId}).catch(() => null);
      const judged = new Map((s?.standing?.criteria ?? []).map(k => [k.code, k.result]));
      this.criteria = (s?.criteriaSet?.criteria ?? []).map(k => ({...k, result: judged.get(k.code) ?? 'NOT_ASSESSED'}));
    }
  }

  render() {
    const c = this.recognitionCase, step = STEPS[c.pendingStep];
    if (!step) return html`<p>Bước ${c.pendingStep} chưa có biểu mẫu trên trang; dùng API.</p>`;
    const err = n => this.errors[n] ? html`<p class="field-error" id="step-${n}-error">${this.errors[n].join(' ')}</p>` : nothing;
    const attrs = n => ({invalid: this.errors[n] ? 'true' : 'false', described: this.errors[n] ? `step-${n}-error` : nothing});
    return html`<form class="entry" @submit=${this.submit} novalidate data-testid="step-form">
      <h3>${step.label}: ${c.unit.fullName}, ${fmt.GRADE[c.grade] ?? c.grade} ${c.year}</h3>
      ${this.errors._ ? html`<div class="error" role="alert">${this.errors._.map(m => html`<p>${m}</p>`)}</div>` : nothing}
      ${step.assessments ? html`<fieldset><legend>Đánh giá từng tiêu chí (gợi ý theo kết quả tính từ hồ sơ)</legend>
        ${(this.criteria ?? []).map(k => html`<div class="field inline"><label for="a-${k.code}">${k.code}. ${k.name}</label>
          <select id="a-${k.code}" name="a-${k.code}">${Object.entries(fmt.JUDGMENT).map(([v, l]) =>
            html`<option value=${v} ?selected=${v === k.result}>${l}</option>`)}</select></div>`)}</fieldset>` : nothing}
      ${this.conditionsView()}
      ${(step.fields ?? []).map(([n, label, type, required]) => {
        const a = attrs(n);
        return html`<div class="field ${this.errors[n] ? 'invalid' : ''}">
          ${type === 'boolean' ? html`<label><input type="checkbox" name=${n} checked> ${label}</label>`
            : html`<label for="step-${n}">${label}${required ? ' *' : ''}</label>
              ${type === 'textarea' ? html`<textarea id="step-${n}" name=${n} aria-invalid=${a.invalid} aria-describedby=${a.described}></textarea>`
                : html`<input id="step-${n}" name=${n} placeholder=${type === 'date' ? 'dd/mm/yyyy' : nothing}
                  inputmode=${type === 'integer' || type === 'date' ? 'numeric' : type === 'decimal' ? 'decimal' : nothing}
                  aria-invalid=${a.invalid} aria-describedby=${a.described}>`}`}${err(n)}</div>`;
      })}
      ${c.pendingStep === 'VERIFICATION' && this.hasCondition('NO_CONSTRUCTION_DEBT') ? html`<div class="field">
        <label for="step-debt">Nợ đọng xây dựng cơ bản (kết quả thẩm tra)</label>
        <select id="step-debt" name="noConstructionDebt"><option value="">Chưa nêu</option>
          <option value="true">Không có nợ đọng</option><option value="false">Có nợ đọng</option></select></div>` : nothing}
      ${c.pendingStep === 'APPRAISAL' && c.pendingCentral ? html`<div class="field ${this.errors.bodyComments ? 'invalid' : ''}">
        <label for="step-bodies">Ý kiến của các Bộ, ngành (mỗi dòng: Cơ quan: ý kiến)</label>
        <textarea id="step-bodies" name="bodyComments" aria-invalid=${this.errors.bodyComments ? 'true' : 'false'}
          aria-describedby=${this.errors.bodyComments ? 'step-bodyComments-error' : nothing}></textarea>${err('bodyComments')}</div>` : nothing}
      <fieldset><legend>Văn bản kèm theo (nếu có)</legend>
        <div class="field"><label for="step-doc">Số văn bản</label><input id="step-doc" name="doc.number"></div>
        <div class="field"><label for="step-doc-date">Ngày</label><input id="step-doc-date" name="doc.date" inputmode="numeric" placeholder="dd/mm/yyyy"></div>
      </fieldset>
      <div class="actions"><button type="submit" ?disabled=${this.busy}>${step.label}</button></div>
    </form>`;
  }

  hasCondition(kind) {
    return (this.recognitionCase.conditions ?? []).some(k => k.kind === kind);
  }

  /** A title's conditions beyond its criteria (a district title's), as judged now: shown before the step is taken. */
  conditionsView() {
    const conditions = this.recognitionCase.conditions ?? [];
    if (!conditions.length) return nothing;
    return html`<table data-testid="conditions"><caption>Điều kiện công nhận (đánh giá từ hồ sơ hiện tại)</caption>
      <thead><tr><th scope="col">Điều kiện</th><th scope="col">Kết quả</th></tr></thead>
      <tbody>${conditions.map(k => html`<tr><th scope="row">${k.code}. ${k.text}</th>
        <td>${badge(k.judgment)} ${fmt.withoutVerdict(k.explanation)}</td></tr>`)}</tbody></table>`;
  }

  async submit(e) {
    e.preventDefault();
    const f = e.target, c = this.recognitionCase, step = STEPS[c.pendingStep];
    const errors = {};
    const input = {caseId: c.caseId};
    for (const [n, , type, required] of step.fields ?? []) {
      const el = f.elements.namedItem(n);
      const t = type === 'boolean' ? null : el.value.trim();
      if (type === 'boolean') input[n] = el.checked;
      else if (!t) { if (required) (errors[n] ??= []).push('Chưa nhập.'); }
      else if (type === 'integer') { if (/^\d+$/.test(t)) input[n] = Number(t); else (errors[n] ??= []).push(`“${t}” không phải là số nguyên.`); }
      else if (type === 'decimal') { const r = fmt.parseDecimal(t); if (r.error) (errors[n] ??= []).push(r.error); else input[n] = r.value; }
      else if (type === 'date') { const r = fmt.parseDate(t); if (r.error) (errors[n] ??= []).push(r.error); else input[n] = r.value; }
      else input[n] = t;
    }
    const debt = f.elements.namedItem('noConstructionDebt');
    if (debt && debt.value) input.noConstructionDebt = debt.value === 'true';
    const bodies = f.elements.namedItem('bodyComments');
    if (bodies && bodies.value.trim()) {
      input.bodyComments = bodies.value.split('\n').map(l => l.trim()).filter(Boolean).map(l => {
        const at = l.indexOf(':');
        if (at <= 0) (errors.bodyComments ??= []).push(`“${l}”: viết “Cơ quan: ý kiến”.`);
        return {body: l.slice(0, Math.max(at, 0)).trim(), comment: l.slice(at + 1).trim()};
      });
    }
    if (step.assessments) {
      input[step.assessments] = (this.criteria ?? []).map(k => ({criterionCode: k.code,
        assessed: f.elements.namedItem(`a-${k.code}`).value}));
    }
    const number = f.elements.namedItem('doc.number').value.trim();
    if (number && step.mutation !== 'decideRecognition' && step.mutation !== 'announceRecognition') {
      const docDate = f.elements.namedItem('doc.date').value.trim();
      const r = docDate ? fmt.parseDate(docDate) : {value: null};
      if (r.error) (errors._ ??= []).push(r.error);
      input.documents = [{number, date: r.value}];
    }
    this.errors = errors;
    if (Object.keys(errors).length) return;
    this.busy = true;
    try {
      const data = await api.gql(`mutation($input: ${step.type}!) { ${step.mutation}(input: $input) {
        caseId errors { code field message } recognitionCase { status } } }`, {input});
      const payload = data[step.mutation];
      if (payload.errors.length) {
        const byField = {};
        payload.errors.forEach(x => {
          const k = (step.fields ?? []).some(([n]) => n === x.field) ? x.field : '_';
          (byField[k] ??= []).push(x.message);
        });
        this.errors = byField;
      } else {
        this.dispatchEvent(new CustomEvent('done', {bubbles: true}));
      }
    } catch (err) {
      this.errors = {_: (err.errors ?? [{message: err.message}]).map(x => x.message)};
    } finally {
      this.busy = false;
    }
  }
}
customElements.define('ntm-step', Step);
