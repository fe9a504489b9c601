// Data entry for one indicator of a unit's record: a value, a correction with its reason, a not-assessed mark, a
// human decision. Shown only where the API says the account may (`mayRecord`, `mayDecide`). Numbers are read by the
// rules of format.parseDecimal (refused, never guessed); every typed error of the API is shown beside its field;
// the mutation stores all or nothing, and the page shows the standing the mutation returns.
import {html, nothing} from 'lit';
import {Page, failure} from '../ui.js';
import * as api from '../api.js';
import * as fmt from '../format.js';

const RESULT = `entryId errors { code field message }
  scorecard { result criteriaMet criteriaTotal }
  criterion { criterionCode result indicatorsMet indicatorsTotal }
  indicator { indicatorCode result }`;

const MUTATIONS = {
  value: `mutation Record($input: RecordIndicatorValueInput!) { recordIndicatorValue(input: $input) { ${RESULT} } }`,
  correction: `mutation Correct($input: CorrectIndicatorValueInput!) { correctIndicatorValue(input: $input) { ${RESULT} } }`,
  notAssessed: `mutation Mark($input: MarkIndicatorNotAssessedInput!) { markIndicatorNotAssessed(input: $input) { ${RESULT} } }`,
  decision: `mutation Decide($input: RecordIndicatorDecisionInput!) { recordIndicatorDecision(input: $input) { ${RESULT} } }`,
  items: `mutation Items($input: RecordItemAssessmentInput!) { recordItemAssessment(input: $input) { ${RESULT} } }`
};

const MODES = {value: 'Ghi số liệu', items: 'Ghi đánh giá từng mục', correction: 'Đính chính số liệu',
  notAssessed: 'Ghi nhận chưa đánh giá', decision: 'Ghi quyết định đánh giá'};

export class EntryForm extends Page {
  static properties = {unitCode: {}, setId: {}, indicator: {attribute: false}, mode: {state: true},
    errors: {state: true}, busy: {state: true}, done: {state: true}};

  constructor() {
    super();
    this.mode = 'value';
    this.errors = {};
  }

  firstUpdated() {
    // opened by a button: the first field takes the focus, so the keyboard goes on where the eye goes
    this.querySelector('input:not([type=radio]), select, textarea')?.focus();
  }

  modes() {
    const i = this.indicator;
    // an itemised indicator takes an assessment of every item (or a decision), not a single value
    if (i.requirement.kind === 'ITEMS_AT_LEAST') {
      return ['items', 'decision'].filter(m => m === 'decision' ? i.mayDecide : i.mayRecord);
    }
    return Object.keys(MODES).filter(m => m === 'items' ? false : m === 'decision' ? i.mayDecide
      : m === 'correction' ? i.mayRecord && i.latestValue && i.latestValue.type !== 'NOT_ASSESSED' : i.mayRecord);
  }

  render() {
    const i = this.indicator;
    const id = `f-${i.code.replace(/\W/g, '-')}`;
    const modes = this.modes();
    if (!modes.includes(this.mode)) this.mode = modes[0];
    return html`<form class="entry" @submit=${this.submit} novalidate aria-labelledby="${id}-title" data-testid="entry-form">
      <h4 id="${id}-title">${MODES[this.mode]} — chỉ tiêu ${i.code}</h4>
      <div role="radiogroup" aria-label="Loại ghi nhận" class="modes">
        ${modes.map(m => html`<label><input type="radio" name="mode" value=${m} .checked=${this.mode === m}
          @change=${() => { this.mode = m; this.errors = {}; this.done = null; }}> ${MODES[m]}</label>`)}
      </div>
      ${this.errors._ ? html`<div class="error" role="alert">${this.errors._.map(e => html`<p>${e}</p>`)}</div>` : nothing}
      ${this.mode === 'correction' ? html`<p>Đính chính số liệu ${fmt.value(i.latestValue.value)} ghi ngày
        ${fmt.dateTime(i.latestValue.recordedAt)}.</p>${this.field('reason', 'Lý do đính chính', 'textarea', {required: true})}` : nothing}
      ${this.mode === 'value' || this.mode === 'correction' ? this.valueFields() : nothing}
      ${this.mode === 'items' ? this.itemFields() : nothing}
      ${this.mode === 'notAssessed' ? this.field('reason', 'Lý do chưa đánh giá', 'textarea', {required: true}) : nothing}
      ${this.mode === 'decision' ? html`
        ${this.field('result', 'Kết quả', 'select', {options: [['MET', 'Đạt'], ['NOT_MET', 'Chưa đạt'], ['NOT_ASSESSED', 'Chưa đánh giá']]})}
        ${this.field('decidedBy', 'Cơ quan quyết định', 'text', {required: true})}
        ${this.field('basis.number', 'Số văn bản căn cứ', 'text', {required: true})}
        ${this.field('basis.date', 'Ngày văn bản', 'date')}` : nothing}
      <div class="row">
        ${this.field('period.start', this.mode === 'decision' ? 'Áp dụng từ ngày' : 'Số liệu của ngày (từ)', 'date',
          {required: this.mode !== 'correction'})}
        ${this.field('period.end', 'Đến ngày (nếu là một kỳ)', 'date')}
      </div>
      ${this.mode === 'value' || this.mode === 'correction' ? html`
        ${this.field('sourceAgency', 'Cơ quan cung cấp số liệu', 'text')}
        <fieldset><legend>Văn bản minh chứng (nếu có)</legend>
          ${this.field('evidence.number', 'Số văn bản', 'text')}
          ${this.field('evidence.date', 'Ngày', 'date')}
          ${this.field('evidence.issuer', 'Cơ quan ban hành', 'text')}
        </fieldset>` : nothing}
      ${this.mode !== 'notAssessed' && this.mode !== 'items' ? this.field('note', 'Ghi chú', 'textarea') : nothing}
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>${this.busy ? 'Đang ghi…' : MODES[this.mode]}</button>
        <button type="button" class="secondary" @click=${() => this.dispatchEvent(new CustomEvent('close'))}>Đóng</button>
      </div>
      <div aria-live="polite">${this.done ? html`<p class="ok" role="status" data-testid="entry-done">${this.done}</p>` : nothing}</div>
    </form>`;
  }

  /** Every item of an itemised requirement with its state (each stated once), and who assessed. */
  itemFields() {
    const r = this.indicator.requirement;
    const items = r.items ?? [];
    return html`<fieldset data-field="items"><legend>Từng mục (${items.length}${r.threshold != null
        ? `; đạt khi có từ ${fmt.number(r.threshold)} mục đạt` : '; nguồn không nêu số mục phải đạt'})</legend>
      ${this.errors.items ? html`<p class="field-error" data-testid="field-error">${this.errors.items.join(' ')}</p>` : nothing}
      ${items.map(item => this.field(`item.${item.code}`, `${item.code}. ${item.name}`, 'select',
        {options: [['NOT_ASSESSED', 'Chưa đánh giá'], ['MET', 'Đạt'], ['NOT_MET', 'Chưa đạt']]}))}
    </fieldset>${this.field('assessedBy', 'Người, cơ quan đánh giá', 'text')}`;
  }

  valueFields() {
    const r = this.indicator.requirement;
    switch (r.kind) {
      case 'PERCENT_AT_LEAST': case 'PERCENT_AT_MOST':
        return this.field('value.percentage', `Tỷ lệ (%) — yêu cầu ${fmt.requirement(r, this.indicator.threshold)}`, 'text',
          {required: true, inputmode: 'decimal', placeholder: 'ví dụ 71,32'});
      case 'RATIO_AT_LEAST':
        return html`<div class="row">${this.field('value.numerator', 'Tử số', 'text', {required: true, inputmode: 'decimal'})}
          ${this.field('value.denominator', 'Mẫu số', 'text', {required: true, inputmode: 'decimal'})}</div>`;
      case 'COUNT_AT_LEAST':
        return this.field('value.count', `Số lượng — yêu cầu ${fmt.requirement(r, this.indicator.threshold)}`, 'text',
          {required: true, inputmode: 'numeric'});
      case 'AMOUNT_AT_LEAST':
        return this.field('value.amount', `Giá trị${r.unit ? ` (${r.unit})` : ''} — yêu cầu ${fmt.requirement(r, this.indicator.threshold)}`,
          'text', {required: true, inputmode: 'decimal'});
      case 'ACHIEVED':
        return this.field('value.achieved', 'Kết quả', 'select', {options: [['true', 'Đạt'], ['false', 'Không đạt']]});
      case 'LEVEL_AT_LEAST':
        return this.field('value.level', `Mức — yêu cầu ${fmt.requirement(r)}`, 'select',
          {options: r.levels.map(l => [l, l])});
      case 'N_OF_M':
        return html`<div class="row">${this.field('value.met', 'Số chỉ tiêu thành phần đạt', 'text', {required: true, inputmode: 'numeric'})}
          ${this.field('value.of', 'Trên tổng số', 'text', {required: true, inputmode: 'numeric',
            value: r.subIndicatorTotal ?? ''})}</div>`;
      default:
        return html`<p>Chỉ tiêu này không nhận số liệu (${r.kind}).</p>`;
    }
  }

  field(name, label, type, {required = false, options = [], inputmode, placeholder, value = ''} = {}) {
    const id = `f-${this.indicator.code.replace(/\W/g, '-')}-${name.replace(/\W/g, '-')}`;
    const errors = this.errors[name];
    const described = errors ? `${id}-error` : nothing;
    const control = type === 'textarea'
      ? html`<textarea id=${id} name=${name} ?required=${required} aria-invalid=${errors ? 'true' : 'false'}
          aria-describedby=${described}></textarea>`
      : type === 'select'
        ? html`<select id=${id} name=${name} aria-invalid=${errors ? 'true' : 'false'} aria-describedby=${described}>
            ${options.map(([v, l]) => html`<option value=${v}>${l}</option>`)}</select>`
        : html`<input id=${id} name=${name} type="text" ?required=${required}
            inputmode=${type === 'date' ? 'numeric' : inputmode ?? nothing}
            placeholder=${type === 'date' ? 'dd/mm/yyyy' : placeholder ?? nothing} .value=${String(value)} aria-invalid=${errors ? 'true' : 'false'}
            aria-describedby=${described} autocomplete="off">`;
    return html`<div class="field ${errors ? 'invalid' : ''}" data-field=${name}>
      <label for=${id}>${label}${required ? html` <span aria-hidden="true">*</span>` : nothing}</label>
      ${control}
      ${errors ? html`<p class="field-error" id="${id}-error" data-testid="field-error">${errors.join(' ')}</p>` : nothing}
    </div>`;
  }

  /** The form's fields as the mutation's input; errors of reading them (numbers, dates) by field. */
  read(form) {
    const get = n => form.elements.namedItem(n)?.value?.trim() ?? '';
    const errors = {};
    const fail = (n, message) => (errors[n] ??= []).push(message);
    const decimal = n => {
      const r = fmt.parseDecimal(get(n));
      if (r.error) fail(n, r.error);
      return r.value;
    };
    const integer = n => {
      const t = get(n);
      if (!/^\d+$/.test(t)) { fail(n, t ? `“${t}” không phải là số nguyên.` : 'Chưa nhập số.'); return null; }
      return Number(t);
    };
    const required = n => { const t = get(n); if (!t) fail(n, 'Chưa nhập.'); return t || null; };
    const optional = n => get(n) || null;
    const day = n => {
      const t = get(n);
      if (!t) return null;
      const r = fmt.parseDate(t);
      if (r.error) fail(n, r.error);
      return r.value ?? null;
    };
    const i = this.indicator;
    const input = {unitCode: this.unitCode, setId: this.setId, indicatorCode: i.code};
    const start = day('period.start'), end = day('period.end');
    if (start || get('period.start') || this.mode !== 'correction') {
      if (!get('period.start')) fail('period.start', 'Chưa nhập ngày.');
      input.period = {start, end};
    }
    if (this.mode === 'value' || this.mode === 'correction') {
      const r = i.requirement;
      const kind = {PERCENT_AT_LEAST: 'PERCENTAGE', PERCENT_AT_MOST: 'PERCENTAGE', RATIO_AT_LEAST: 'RATIO',
        COUNT_AT_LEAST: 'COUNT', AMOUNT_AT_LEAST: 'AMOUNT', ACHIEVED: 'ACHIEVED', LEVEL_AT_LEAST: 'LEVEL',
        N_OF_M: 'SUB_INDICATORS'}[r.kind];
      const value = {kind};
      if (kind === 'PERCENTAGE') value.percentage = decimal('value.percentage');
      if (kind === 'RATIO') { value.numerator = decimal('value.numerator'); value.denominator = decimal('value.denominator'); }
      if (kind === 'COUNT') value.count = integer('value.count');
      if (kind === 'AMOUNT') value.amount = decimal('value.amount');
      if (kind === 'ACHIEVED') value.achieved = get('value.achieved') === 'true';
      if (kind === 'LEVEL') value.level = get('value.level');
      if (kind === 'SUB_INDICATORS') { value.met = integer('value.met'); value.of = integer('value.of'); }
      input.value = value;
      input.sourceAgency = optional('sourceAgency');
      input.note = optional('note');
      const number = optional('evidence.number');
      if (number) input.evidence = [{number, date: day('evidence.date'), issuer: optional('evidence.issuer')}];
      else if (optional('evidence.date') || optional('evidence.issuer')) fail('evidence.number', 'Hãy nhập số văn bản.');
      if (this.mode === 'correction') {
        input.correctsValueId = i.latestValue.id;
        input.reason = required('reason');
      }
    }
    if (this.mode === 'items') {
      input.items = (i.requirement.items ?? []).map(item => ({itemCode: item.code, state: get(`item.${item.code}`)}));
      input.assessedBy = optional('assessedBy');
    }
    if (this.mode === 'notAssessed') input.reason = required('reason');
    if (this.mode === 'decision') {
      input.result = get('result');
      input.decidedBy = required('decidedBy');
      input.basis = [{number: required('basis.number'), date: day('basis.date')}];
      input.note = optional('note');
    }
    return {input, errors};
  }

  async submit(e) {
    e.preventDefault();
    const form = e.target;
    const {input, errors} = this.read(form);
    this.done = null;
    this.errors = errors;
    if (Object.keys(errors).length) {
      this.focusFirstError();
      return;
    }
    this.busy = true;
    try {
      const data = await api.gql(MUTATIONS[this.mode], {input});
      const payload = Object.values(data)[0];
      if (payload.errors.length) {
        const byField = {};
        const fields = new Set([...form.querySelectorAll('[data-field]')].map(f => f.dataset.field));
        for (const err of payload.errors) {
          const key = fieldOf(err.field, fields);
          (byField[key] ??= []).push(err.message);
        }
        this.errors = byField;
        this.focusFirstError();
        return;
      }
      const s = payload.scorecard;
      this.done = `Đã ghi. Chỉ tiêu ${i(payload)}; đơn vị đạt ${s.criteriaMet}/${s.criteriaTotal} tiêu chí (${fmt.JUDGMENT[s.result]}).`;
      form.reset();
      this.dispatchEvent(new CustomEvent('recorded', {detail: payload, bubbles: true, composed: true}));
    } catch (err) {
      this.errors = {_: (err.errors ?? [{message: String(err.message)}]).map(x => x.message)};
    } finally {
      this.busy = false;
    }
  }

  async focusFirstError() {
    await this.updateComplete;
    this.querySelector('[aria-invalid="true"], .error')?.focus?.();
  }
}
customElements.define('ntm-entry', EntryForm);

const i = payload => payload.indicator ? `${payload.indicator.indicatorCode}: ${fmt.JUDGMENT[payload.indicator.result]}` : '';

/** The form field an API error names (`value.percentage`, `period.start`, `evidence[0].number` …), else the form's top. */
function fieldOf(field, fields) {
  if (!field) return '_';
  const plain = field.replace(/\[\d+]/g, '');
  if (fields.has(plain)) return plain;
  const prefix = [...fields].find(f => plain.startsWith(f + '.') || f.startsWith(plain + '.'));
  return prefix ?? '_';
}
