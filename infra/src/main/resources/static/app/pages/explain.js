// Why a criterion of a unit is judged as it is: for each indicator the rule applied (set, version, legal basis,
// region, threshold, amendment), the value measured against it, every entry and whether it was counted and why,
// decisions, and the judgments recorded over time. As of a date and as recorded at an instant.
import {html, nothing} from 'lit';
import {Page, badge, failure, loading, link} from '../ui.js';
import * as api from '../api.js';
import * as fmt from '../format.js';

const EXPLAIN = `query Explain($unit: ID!, $setId: ID!, $code: String!, $date: Date, $recordedAt: DateTime) {
  unit(code: $unit) { code name fullName parent { code name } }
  explainCriterion(unitCode: $unit, setId: $setId, criterionCode: $code, date: $date, recordedAt: $recordedAt) {
    appraisal { date recordedAt region result criteriaMet criteriaTotal
      criteriaSet { id version title effectiveFrom legalBasis { decision date issuer } } }
    criterion { code name result indicatorsMet indicatorsTotal unmetIndicators notAssessedIndicators }
    indicators {
      indicator { code text result basis threshold requiredLevel measured
        requirement { kind text threshold unit levels requiredLevel decidedByHuman note }
        value { id type value { kind percentage numerator denominator count amount achieved level met of }
          period { start end } sourceAgency evidence { number date issuer title } note recordedAt recordedBy } }
      rule { region criteriaSet { id version title legalBasis { decision date issuer } }
        amendedBy { indicatorCode previous { text threshold } requirement { text threshold } } amendmentReason }
      entries { counted why entry { id type value { kind percentage numerator denominator count amount achieved level met of }
        period { start end } evidence { number date issuer } correctionReason recordedAt recordedBy } }
      decisions { id result decidedBy basis { number date issuer } period { start end } note recordedAt recordedBy }
    }
    judgments { position recordedAt actor summary }
  }
}`;

class Explain extends Page {
  static properties = {me: {attribute: false}, unit: {attribute: false}, setId: {attribute: false},
    criterion: {attribute: false}, params: {attribute: false}, data: {state: true}, error: {state: true}};

  willUpdate() {
    const key = `${this.unit}|${this.setId}|${this.criterion}|${this.params?.toString()}`;
    if (key !== this.key) {
      this.key = key;
      this.load();
    }
  }

  async load() {
    const key = this.key;
    this.data = null;
    this.error = null;
    try {
      const data = await api.gql(EXPLAIN, {unit: this.unit, setId: this.setId, code: this.criterion,
        date: this.params.get('ngay'), recordedAt: this.params.get('ghi')});
      if (key === this.key) this.data = data;
    } catch (e) {
      if (key === this.key) this.error = e;
    }
  }

  render() {
    if (this.error) return html`<h1>Giải trình tiêu chí ${this.criterion}</h1>${this.params.get('ngay') || this.params.get('ghi')
      ? html`<ntm-asof .date=${this.params.get('ngay')} .recordedAt=${this.params.get('ghi')}></ntm-asof>` : nothing}
      ${failure(this.error)}<p><a href=${link(`/don-vi/${this.unit}`, {bo: this.setId})}>Về trang của đơn vị</a></p>`;
    if (!this.data) return loading();
    const {unit, explainCriterion: x} = this.data;
    if (!x) return html`<h1>Giải trình</h1><p>Không có đánh giá tiêu chí ${this.criterion} của đơn vị này theo bộ tiêu chí đã chọn.</p>`;
    const a = x.appraisal, c = x.criterion;
    const dated = {ngay: this.params.get('ngay'), ghi: this.params.get('ghi')};
    return html`
      <nav class="crumbs" aria-label="Vị trí">
        ${unit.parent ? html`<a href=${link(`/khu-vuc/${unit.parent.code}`, {bo: this.setId, ...dated})}>${unit.parent.name}</a> ›` : nothing}
        <a href=${link(`/don-vi/${unit.code}`, {bo: this.setId, ...dated})}>${unit.name}</a> › <span>Tiêu chí ${c.code}</span>
      </nav>
      <h1>Vì sao tiêu chí ${c.code} (${c.name}) của ${unit.fullName} ${badge(c.result)}</h1>
      <ntm-asof .date=${this.params.get('ngay')} .recordedAt=${this.params.get('ghi')}></ntm-asof>
      <p class="note">Đánh giá theo <strong>${a.criteriaSet.title}</strong>, phiên bản ${a.criteriaSet.version}
        (${fmt.documentRef({number: a.criteriaSet.legalBasis.decision, date: a.criteriaSet.legalBasis.date,
          issuer: a.criteriaSet.legalBasis.issuer})}), tình hình ngày ${fmt.date(a.date)}, theo hồ sơ ghi đến
        ${fmt.dateTime(a.recordedAt)}${a.region ? `, vùng ${fmt.region(a.region)}` : ''}.
        Tiêu chí đạt khi mọi chỉ tiêu đạt: ${c.indicatorsMet}/${c.indicatorsTotal} chỉ tiêu đạt.
        Đơn vị đạt ${a.criteriaMet}/${a.criteriaTotal} tiêu chí.</p>
      ${x.indicators.map(e => this.indicator(e))}
      <section aria-labelledby="dien-bien"><h2 id="dien-bien">Các lần đánh giá tiêu chí</h2>
        <ol class="timeline">${x.judgments.map(j => html`<li><time datetime=${j.recordedAt}>${fmt.dateTime(j.recordedAt)}</time>
          <div><p>${j.summary}</p><small>${j.actor ?? ''} · #${j.position}</small></div></li>`)}</ol>
      </section>`;
  }

  indicator({indicator: i, rule, entries, decisions}) {
    const measured = i.value?.value ? fmt.value(i.value.value) : i.measured !== null && i.measured !== undefined
      ? fmt.number(i.measured) : null;
    return html`<article class="explain" data-indicator=${i.code}>
      <h2>Chỉ tiêu ${i.code} ${badge(i.result)}</h2>
      <p>${i.text}</p>
      <dl class="facts">
        <dt>Yêu cầu</dt><dd data-testid="requirement">${fmt.requirement(i.requirement, i.threshold)}
          ${i.requirement.text ? html`<small>(“${i.requirement.text}”)</small>` : nothing}</dd>
        <dt>Số liệu được dùng</dt><dd data-testid="measured">${measured ?? html`<em>không có</em>`}
          ${i.value ? html`<small>kỳ ${fmt.date(i.value.period.start)}${i.value.period.end !== i.value.period.start
            ? '–' + fmt.date(i.value.period.end) : ''}${i.value.sourceAgency ? ` · ${i.value.sourceAgency}` : ''}</small>` : nothing}</dd>
        ${i.value?.evidence.length ? html`<dt>Căn cứ</dt><dd data-testid="evidence">${i.value.evidence.map(d =>
          html`<div>${fmt.documentRef(d)}</div>`)}</dd>` : nothing}
        <dt>Kết luận</dt><dd>${fmt.JUDGMENT[i.result]} — ${fmt.BASIS[i.basis] ?? i.basis}${i.basis === 'COMPUTED' && measured
          ? `: ${measured} so với yêu cầu ${fmt.requirement(i.requirement, i.threshold)}` : ''}</dd>
        <dt>Quy tắc</dt><dd>${rule.criteriaSet.title}, phiên bản ${rule.criteriaSet.version}
          (${rule.criteriaSet.legalBasis.decision})${rule.region ? `, ngưỡng của vùng ${fmt.region(rule.region)}` : ''}
          ${rule.amendedBy ? html`<br>Đã sửa đổi: “${rule.amendedBy.previous.text ?? fmt.number(rule.amendedBy.previous.threshold)}”
            → “${rule.amendedBy.requirement.text ?? fmt.number(rule.amendedBy.requirement.threshold)}”
            ${rule.amendmentReason ? `(${rule.amendmentReason})` : ''}` : nothing}</dd>
      </dl>
      ${entries.length ? html`<h3>Số liệu trong hồ sơ (${entries.length})</h3>
        <table><thead><tr><th scope="col">Số liệu</th><th scope="col">Kỳ</th><th scope="col">Ghi lúc, bởi</th>
          <th scope="col">Được tính?</th></tr></thead>
        <tbody>${entries.map(e => html`<tr class=${e.counted ? 'counted' : ''}>
          <th scope="row">${e.entry.type === 'NOT_ASSESSED' ? 'Chưa đánh giá' : fmt.value(e.entry.value)}
            ${e.entry.type === 'CORRECTION' ? html`<br><small>đính chính: ${e.entry.correctionReason}</small>` : nothing}
            ${e.entry.evidence.map(d => html`<br><small>${fmt.documentRef(d)}</small>`)}</th>
          <td>${fmt.date(e.entry.period.start)}${e.entry.period.end !== e.entry.period.start ? '–' + fmt.date(e.entry.period.end) : ''}</td>
          <td>${fmt.dateTime(e.entry.recordedAt)}<br><small>${e.entry.recordedBy ?? ''}</small></td>
          <td>${e.counted ? 'Có' : 'Không'}<br><small>${e.why}</small></td></tr>`)}</tbody></table>` : nothing}
      ${decisions.length ? html`<h3>Quyết định của cơ quan có thẩm quyền</h3><ul>${decisions.map(d => html`<li>
        ${fmt.JUDGMENT[d.result]} — ${d.decidedBy}, ${d.basis.map(fmt.documentRef).join('; ')}
        (ghi ${fmt.dateTime(d.recordedAt)})</li>`)}</ul>` : nothing}
    </article>`;
  }
}
customElements.define('ntm-explain', Explain);
