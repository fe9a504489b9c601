// A unit's history as a timeline, newest first, a page at a time, filtered by kind of event, who, and when it was
// recorded; the unit's predecessors' records included. Each line is the API's summary in Vietnamese.
import {html, nothing} from 'lit';
import {Page, failure} from '../ui.js';
import * as api from '../api.js';
import * as fmt from '../format.js';

// newest first: the last page of the history, then the pages before it
const HISTORY = `query History($subject: HistorySubject!, $filter: HistoryFilter, $before: String) {
  history(subject: $subject, filter: $filter, last: 25, before: $before) { totalCount pageInfo { hasPreviousPage startCursor }
    edges { node { position type recordedAt actor actorRole businessStart businessEnd unitCode setId summary
      correlationId documents { number date issuer } } } }
}`;

const GROUPS = {
  '': ['Mọi sự kiện', null],
  values: ['Số liệu, đính chính, quyết định', ['INDICATOR_VALUE_RECORDED', 'INDICATOR_VALUE_CORRECTED',
    'INDICATOR_MARKED_NOT_ASSESSED', 'INDICATOR_ITEM_ASSESSED', 'INDICATOR_DECISION_RECORDED']],
  judgments: ['Kết quả đánh giá', ['INDICATOR_JUDGED', 'CRITERION_JUDGED', 'STANDING_COMPUTED', 'UNIT_REAPPRAISED',
    'CRITERIA_SET_VERSION_ADOPTED']],
  recognition: ['Công nhận, thu hồi', ['RECOGNITION_CASE_OPENED', 'SELF_ASSESSMENT_RECORDED', 'SATISFACTION_SURVEY_RECORDED',
    'DOSSIER_SUBMITTED', 'VERIFICATION_RECORDED', 'APPRAISAL_RECORDED', 'RECOGNITION_DECIDED', 'RECOGNITION_ANNOUNCED',
    'REVOCATION_CASE_OPENED', 'REVOCATION_DECIDED', 'RECOGNITION_LAPSED']],
  plans: ['Kế hoạch, chỉ tiêu phấn đấu, báo cáo', ['PLAN_ISSUED', 'PLAN_AMENDED', 'PLAN_ITEM_ADDED', 'PLAN_TASK_PROGRESS_NOTED',
    'PLAN_TASK_COMPLETED', 'PLAN_TASK_CLOSED', 'PLAN_TASK_REOPENED', 'PLAN_FUNDS_RECORDED', 'TARGET_SET', 'TARGET_AMENDED',
    'TARGET_WITHDRAWN', 'REPORTING_DUTY_ESTABLISHED', 'REPORT_SUBMITTED', 'REPORT_SUBMISSION_CORRECTED']],
  evidence: ['Minh chứng, chứng nhận', ['EVIDENCE_ATTACHED', 'EVIDENCE_WITHDRAWN', 'STANDARD_CERTIFIED', 'STANDARD_RENEWED',
    'STANDARD_LAPSED']],
  unit: ['Đơn vị hành chính', ['UNIT_REGISTERED', 'UNIT_RENAMED', 'UNIT_PARENT_CHANGED', 'UNIT_REORGANIZED', 'UNIT_CEASED',
    'UNIT_TRACKED']]
};

class History extends Page {
  static properties = {unitCode: {}, setId: {}, me: {attribute: false}, entries: {state: true}, page: {state: true},
    error: {state: true}, busy: {state: true}};

  willUpdate(changed) {
    if (changed.has('unitCode')) {
      this.filter = {group: '', actor: '', from: '', to: '', allSets: false};
      this.load(false);
    }
  }

  variables(after) {
    const f = this.filter;
    const filter = {};
    if (GROUPS[f.group]?.[1]) filter.types = GROUPS[f.group][1];
    if (f.actor) filter.actor = f.actor;
    if (f.from) filter.recordedFrom = new Date(fmt.parseDate(f.from).value + 'T00:00:00+07:00').toISOString();
    if (f.to) filter.recordedTo = new Date(fmt.parseDate(f.to).value + 'T23:59:59.999+07:00').toISOString();
    return {subject: {unitCode: this.unitCode, includePredecessors: true}, filter, before: after};
  }

  async load(more) {
    this.busy = true;
    this.error = null;
    try {
      const page = (await api.gql(HISTORY, this.variables(more ? this.page.pageInfo.startCursor : null))).history;
      const newest = page.edges.map(e => e.node).reverse();
      this.entries = more ? [...this.entries, ...newest] : newest;
      this.page = page;
    } catch (e) {
      this.error = e;
    } finally {
      this.busy = false;
    }
  }

  render() {
    const f = this.filter;
    return html`
      <form class="filters" @submit=${this.apply} aria-label="Lọc lịch sử">
        <label>Loại <select name="group">${Object.entries(GROUPS).map(([k, [label]]) =>
          html`<option value=${k} ?selected=${f.group === k}>${label}</option>`)}</select></label>
        <label>Người thực hiện <input name="actor" .value=${f.actor} placeholder="tên đăng nhập"></label>
        ${['from', 'to'].map(k => html`<div class="field ${this.filterError?.[k] ? 'invalid' : ''}">
          <label for="history-${k}">${k === 'from' ? 'Ghi từ ngày' : 'đến ngày'}</label>
          <input id="history-${k}" name=${k} inputmode="numeric" placeholder="dd/mm/yyyy" .value=${f[k]}
            aria-invalid=${this.filterError?.[k] ? 'true' : 'false'}
            aria-describedby=${this.filterError?.[k] ? `history-${k}-error` : nothing}>
          ${this.filterError?.[k] ? html`<p class="field-error" id="history-${k}-error">${this.filterError[k]}</p>` : nothing}
        </div>`)}
        <button type="submit">Lọc</button>
        ${['AUDITOR', 'ADMINISTRATOR'].includes(this.me.role)
          ? html`<button type="button" class="secondary" @click=${this.export}>Tải toàn bộ lịch sử (JSON)</button>` : nothing}
      </form>
      ${failure(this.error)}
      ${this.page ? html`<p class="note">${fmt.number(this.page.totalCount)} sự kiện, mới nhất trước.</p>` : nothing}
      <ol class="timeline" data-testid="timeline">${(this.entries ?? []).map(e => html`<li>
        <time datetime=${e.recordedAt}>${fmt.dateTime(e.recordedAt)}</time>
        <div><p>${e.summary}</p>
          <small>${e.actor ?? ''}${e.actorRole ? ` (${fmt.ROLE[e.actorRole] ?? e.actorRole})` : ''}
            ${e.businessStart ? ` · kỳ ${fmt.date(e.businessStart)}${e.businessEnd && e.businessEnd !== e.businessStart
              ? '–' + fmt.date(e.businessEnd) : ''}` : ''}
            ${e.unitCode && e.unitCode !== this.unitCode ? html` · <strong>hồ sơ đơn vị ${e.unitCode}</strong>` : nothing}
            ${e.documents.length ? ` · ${e.documents.map(d => d.number).join(', ')}` : ''} · #${e.position}</small></div>
      </li>`)}</ol>
      ${this.page?.pageInfo.hasPreviousPage ? html`<button type="button" @click=${() => this.load(true)} ?disabled=${this.busy}>
        ${this.busy ? 'Đang tải…' : 'Xem thêm'}</button>` : nothing}`;
  }

  apply(e) {
    e.preventDefault();
    const form = new FormData(e.target);
    const filter = Object.fromEntries(['group', 'actor', 'from', 'to'].map(k => [k, String(form.get(k) ?? '').trim()]));
    const errors = {};
    for (const k of ['from', 'to']) {
      const r = filter[k] ? fmt.parseDate(filter[k]) : {};
      if (r.error) errors[k] = r.error;
    }
    this.filterError = Object.keys(errors).length ? errors : null;
    if (this.filterError) {
      this.requestUpdate();
      return;
    }
    this.filter = filter;
    this.load(false);
  }

  async export() {
    try {
      const text = (await api.gql(`query($code: ID!) { unitHistoryExport(unitCode: $code) }`, {code: this.unitCode}))
        .unitHistoryExport;
      const url = URL.createObjectURL(new Blob([text], {type: 'application/json'}));
      const a = Object.assign(document.createElement('a'), {href: url, download: `lich-su-${this.unitCode}.json`});
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) {
      this.error = e;
    }
  }
}
customElements.define('ntm-history', History);
