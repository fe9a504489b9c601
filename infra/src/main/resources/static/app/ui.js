// Pieces every page uses: a light-DOM base element (the page's stylesheet applies, tests and assistive technology
// see plain HTML), the judgment badge, errors, and the "as of" / "as recorded at" pickers.
import {LitElement, html, nothing} from 'lit';
import * as fmt from './format.js';

const TITLED = 'ntm-overview, ntm-unit, ntm-explain, ntm-work, ntm-audit, ntm-import';

export class Page extends LitElement {
  createRenderRoot() {
    return this;
  }

  /** A page names the browser tab after its heading, so tabs, history and screen readers say where one is. */
  updated() {
    if (this.isConnected && this.matches(TITLED)) {
      const h1 = this.querySelector('h1')?.cloneNode(true);
      h1?.querySelectorAll('.badge [aria-hidden]').forEach(mark => mark.remove());
      const heading = h1?.textContent.replace(/\s+/g, ' ').trim();
      if (heading) document.title = `${heading} — Hồ sơ Nông thôn mới`;
    }
  }
}

export const badge = result => result ? html`<span class="badge ${result.toLowerCase().replace('_', '-')}"
  title=${fmt.JUDGMENT[result]}><span aria-hidden="true">${fmt.JUDGMENT_MARK[result]}</span> ${fmt.JUDGMENT[result]}</span>` : nothing;

export const failure = error => error ? html`<div class="error" role="alert">
  ${(error.errors ?? [{message: String(error.message ?? error)}]).map(e => html`<p>${e.message}</p>`)}</div>` : nothing;

export const loading = () => html`<p class="loading" role="status">Đang tải…</p>`;

/** Reads and writes the query part of the hash route (`#/don-vi/30049?bo=…&ngay=…`). */
export function routeParams() {
  const hash = location.hash.slice(1);
  const [path, query] = hash.split('?');
  return {path: path || '/', params: new URLSearchParams(query ?? '')};
}

export function hrefWith(changes) {
  const {path, params} = routeParams();
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '') params.delete(k); else params.set(k, v);
  }
  const q = params.toString();
  return `#${path}${q ? '?' + q : ''}`;
}

export const link = (path, params = {}) => {
  const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== null && v !== undefined && v !== ''))
    .toString();
  return `#${path}${q ? '?' + q : ''}`;
};

/**
 * The two clocks of the record: "as of" a business date (ngay) and "as recorded at" an instant (ghi). Empty means
 * today and now. Changing one changes the route, so a view can be bookmarked and sent.
 */
export class AsOfPicker extends Page {
  static properties = {date: {}, recordedAt: {}, errors: {state: true}};

  render() {
    const e = this.errors ?? {};
    return html`<form class="asof" @submit=${this.apply} aria-label="Xem theo thời điểm" novalidate>
      <div class="field ${e.ngay ? 'invalid' : ''}"><label for="asof-date">Tình hình vào ngày</label>
        <input id="asof-date" name="ngay" inputmode="numeric" placeholder="dd/mm/yyyy" autocomplete="off"
          .value=${this.date ? fmt.date(this.date) : ''} aria-invalid=${e.ngay ? 'true' : 'false'}
          aria-describedby=${e.ngay ? 'asof-date-error' : nothing}>
        ${e.ngay ? html`<p class="field-error" id="asof-date-error">${e.ngay}</p>` : nothing}</div>
      <div class="field ${e.ghi ? 'invalid' : ''}"><label for="asof-recorded">Theo hồ sơ ghi đến</label>
        <input id="asof-recorded" name="ghi" placeholder="dd/mm/yyyy hh:mm" autocomplete="off"
          .value=${fmt.dateTimeInput(this.recordedAt)} aria-invalid=${e.ghi ? 'true' : 'false'}
          aria-describedby=${e.ghi ? 'asof-recorded-error' : nothing}>
        ${e.ghi ? html`<p class="field-error" id="asof-recorded-error">${e.ghi}</p>` : nothing}</div>
      <button type="submit">Xem</button>
      ${this.date || this.recordedAt ? html`<a href=${hrefWith({ngay: null, ghi: null})}>Về hiện tại</a>` : nothing}
      <span class="hint">${this.date || this.recordedAt
        ? `Đang xem: ngày ${this.date ? fmt.date(this.date) : `${fmt.dateTime(this.recordedAt).slice(0, 10)} (ngày của thời điểm ghi)`}, theo hồ sơ ghi đến ${this.recordedAt
          ? fmt.dateTime(this.recordedAt) : 'hiện tại'}` : 'Đang xem: hiện tại'}</span>
    </form>`;
  }

  apply(e) {
    e.preventDefault();
    const form = new FormData(e.target);
    const errors = {};
    const day = String(form.get('ngay') ?? '').trim(), instant = String(form.get('ghi') ?? '').trim();
    const ngay = day ? fmt.parseDate(day) : {value: null};
    const ghi = instant ? fmt.parseDateTime(instant) : {value: null};
    if (ngay.error) errors.ngay = ngay.error;
    if (ghi.error) errors.ghi = ghi.error;
    this.errors = errors;
    if (!ngay.error && !ghi.error) location.hash = hrefWith({ngay: ngay.value, ghi: ghi.value});
  }
}
customElements.define('ntm-asof', AsOfPicker);

/** A table's rows sorted by a column, Vietnamese order for text. */
export function sortRows(rows, key, direction = 1) {
  return [...rows].sort((a, b) => {
    const x = key(a), y = key(b);
    return direction * (typeof x === 'number' && typeof y === 'number' ? x - y : fmt.compareVi(String(x), String(y)));
  });
}
