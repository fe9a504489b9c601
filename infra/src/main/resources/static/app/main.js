// The application shell: sign-in, the account bar, navigation and the hash routes of the pages.
import {html, nothing} from 'lit';
import {Page, failure, routeParams} from './ui.js';
import * as api from './api.js';
import * as fmt from './format.js';

// each page's module is fetched when the page is first shown (its element upgrades then); the overview, the page
// after sign-in, is preloaded by index.html
const PAGES = {'': './pages/overview.js', 'khu-vuc': './pages/overview.js', 'don-vi': './pages/unit.js',
  'giai-trinh': './pages/explain.js', 'viec-can-lam': './pages/work.js', 'kiem-toan': './pages/audit.js',
  'nhap-lieu': './pages/import.js'};
/** Accounts that read only, and so import nothing. */
const VIEWERS = ['AUDITOR', 'DASHBOARD_VIEWER'];

const ME = `{ me { username displayName role unitCode agencyId } }`;

class App extends Page {
  static properties = {me: {state: true}, route: {state: true}, error: {state: true}, busy: {state: true}};

  constructor() {
    super();
    this.me = undefined;
    this.route = routeParams();
    addEventListener('hashchange', () => {
      this.route = routeParams();
      document.getElementById('noi-dung')?.focus({preventScroll: true});
      scrollTo(0, 0);
    });
    api.onSignedOut(() => { this.me = null; });
  }

  async connectedCallback() {
    // the page's own "loading" text and <noscript> give way to the application
    this.replaceChildren();
    super.connectedCallback();
    try {
      this.me = await api.session() ? (await api.gql(ME)).me : null;
    } catch (e) {
      this.me = null;
      this.error = e;
    }
  }

  render() {
    if (this.me === undefined) return html`<p class="loading" role="status">Đang tải…</p>`;
    if (!this.me) return this.signInForm();
    const p = this.route.path;
    const nav = (href, label, match) => html`<a href=${href} aria-current=${match ? 'page' : 'false'}>${label}</a>`;
    return html`
      <header class="bar">
        <a class="brand" href="#/">Hồ sơ Nông thôn mới</a>
        <nav aria-label="Chính">
          ${nav('#/', 'Tổng quan', p === '/' || p.startsWith('/khu-vuc'))}
          ${this.me.role !== 'DASHBOARD_VIEWER' ? nav('#/viec-can-lam', 'Việc cần làm', p.startsWith('/viec-can-lam')) : nothing}
          ${!VIEWERS.includes(this.me.role) ? nav('#/nhap-lieu', 'Nhập từ Excel', p.startsWith('/nhap-lieu')) : nothing}
          ${this.me.role === 'AUDITOR' || this.me.role === 'ADMINISTRATOR'
            ? nav('#/kiem-toan', 'Kiểm tra hồ sơ', p.startsWith('/kiem-toan')) : nothing}
          <a href="/graphiql">API (GraphiQL)</a>
        </nav>
        <div class="account">
          <span data-testid="account"><strong>${this.me.displayName}</strong>
            <small>${fmt.ROLE[this.me.role] ?? this.me.role} · ${this.me.username}</small></span>
          <button type="button" @click=${this.signOut}>Đăng xuất</button>
        </div>
      </header>
      <main id="noi-dung" tabindex="-1">${this.page()}</main>
      <footer>NTM Records · mọi số liệu, đánh giá và quyết định được lưu thành sự kiện không thể sửa ·
        ngày tháng theo giờ Việt Nam</footer>`;
  }

  page() {
    const {path, params} = this.route;
    const [, head, ...encoded] = path.split('/');
    const rest = encoded.map(part => { try { return decodeURIComponent(part); } catch { return part; } });
    const me = this.me;
    if (PAGES[head]) import(PAGES[head]).catch(e => { this.error = e; });
    switch (head) {
      case '': case 'khu-vuc':
        return html`<ntm-overview .me=${me} .area=${rest[0] ?? null} .params=${params}></ntm-overview>`;
      case 'don-vi':
        return html`<ntm-unit .me=${me} .code=${rest[0]} .params=${params}></ntm-unit>`;
      case 'giai-trinh':
        return html`<ntm-explain .me=${me} .unit=${rest[0]} .setId=${rest[1] ?? ''} .criterion=${rest[2] ?? ''}
          .params=${params}></ntm-explain>`;
      case 'viec-can-lam':
        return html`<ntm-work .me=${me} .params=${params}></ntm-work>`;
      case 'kiem-toan':
        return html`<ntm-audit .me=${me} .params=${params}></ntm-audit>`;
      case 'nhap-lieu':
        return html`<ntm-import .me=${me}></ntm-import>`;
      default:
        document.title = 'Không có trang này — Hồ sơ Nông thôn mới';
        return html`<h1>Không có trang này</h1><p><a href="#/">Về trang tổng quan</a></p>`;
    }
  }

  signInForm() {
    return html`<main id="noi-dung" class="sign-in" tabindex="-1">
      <h1>Hồ sơ Nông thôn mới</h1>
      <p class="note">Lưu giữ mọi giá trị chỉ tiêu, đánh giá, quyết định công nhận, kế hoạch và báo cáo của xã, huyện,
        tỉnh theo bộ tiêu chí, không ghi đè, kèm người thực hiện, thời điểm và căn cứ.</p>
      <p>Đăng nhập bằng tài khoản được cấp.</p>
      <form @submit=${this.signIn} novalidate>
        <label for="username">Tên đăng nhập</label>
        <input id="username" name="username" autocomplete="username" required autofocus
          aria-describedby="sign-in-error">
        <label for="password">Mật khẩu</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required
          aria-describedby="sign-in-error">
        <div id="sign-in-error">${failure(this.error)}</div>
        <button type="submit" ?disabled=${this.busy}>${this.busy ? 'Đang đăng nhập…' : 'Đăng nhập'}</button>
      </form>
      <p class="note">Cho các hệ thống khác: API GraphQL tại <code>/graphql</code>, thử trên <a href="/graphiql">GraphiQL</a>.</p>
    </main>`;
  }

  async signIn(e) {
    e.preventDefault();
    const form = new FormData(e.target);
    const username = String(form.get('username') ?? '').trim(), password = String(form.get('password') ?? '');
    if (!username || !password) {
      this.error = {message: !username ? 'Hãy nhập tên đăng nhập.' : 'Hãy nhập mật khẩu.'};
      return;
    }
    this.busy = true;
    this.error = null;
    try {
      await api.signIn(username, password);
      this.me = (await api.gql(ME)).me;
    } catch (err) {
      this.error = err;
      e.target.password.value = '';
      e.target.password.focus();
    } finally {
      this.busy = false;
    }
  }

  async signOut() {
    await api.signOut();
    this.me = null;
    this.error = null;
    location.hash = '#/';
  }
}
customElements.define('ntm-app', App);
