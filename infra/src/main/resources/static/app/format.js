// How the pages say numbers, dates and money: Vietnamese conventions (dd/mm/yyyy, decimal comma, triệu/tỷ đồng),
// whatever the browser's own language. Values come from the API as ISO dates and decimal strings; nothing here
// rounds a value shown as the record's value: numbers keep every digit the API gives.

const ZONE = 'Asia/Ho_Chi_Minh';
const collator = new Intl.Collator('vi', {sensitivity: 'base', numeric: true});

/** Vietnamese alphabetical order (Đ after D, tones after the base letter). */
export const compareVi = (a, b) => collator.compare(a ?? '', b ?? '');

/** `2024-01-26` → `26/01/2024`. */
export function date(iso) {
  if (!iso) return '';
  const [y, m, d] = String(iso).slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** An instant, in Việt Nam time: `26/01/2024 14:05`. */
export function dateTime(iso) {
  if (!iso) return '';
  const parts = new Intl.DateTimeFormat('en-GB', {timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23'}).formatToParts(new Date(iso));
  const p = Object.fromEntries(parts.map(x => [x.type, x.value]));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}:${p.second}`;
}

/** A decimal as the API gives it (number or string), with a decimal comma and dot thousands: every digit kept. */
export function number(value) {
  if (value === null || value === undefined || value === '') return '';
  const text = String(value);
  const negative = text.startsWith('-');
  const [whole, fraction] = (negative ? text.slice(1) : text).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (negative ? '−' : '') + grouped + (fraction ? ',' + fraction : '');
}

export const percent = value => value === null || value === undefined ? '' : `${number(value)} %`;

/** Money in đồng, shown as people say it: `1,25 tỷ đồng`, `350 triệu đồng`; exact below a million. */
export function money(vnd) {
  if (vnd === null || vnd === undefined) return '';
  const n = Number(vnd);
  const trim = x => number(String(Math.round(x * 1000) / 1000));
  if (Math.abs(n) >= 1e9) return `${trim(n / 1e9)} tỷ đồng`;
  if (Math.abs(n) >= 1e6) return `${trim(n / 1e6)} triệu đồng`;
  return `${number(vnd)} đồng`;
}

/**
 * Reads a number typed by a person: `71,32` or `71.32` (one separator, taken as the decimal mark), `1.110,5` or
 * `1 110` with groups of three. Anything else (two commas, letters, a trailing %) is refused, never guessed:
 * the answer is {value} or {error}.
 */
export function parseDecimal(text) {
  const t = String(text ?? '').trim().replace(/\u00a0/g, ' ');
  if (t === '') return {error: 'Chưa nhập số.'};
  if (/^-?\d{1,3}[.]\d{3}$/.test(t)) {
    const whole = t.replace('.', ''), decimal = t.replace('.', ',');
    return {error: `“${t}” có thể là ${whole} hoặc ${decimal}: hãy viết ${whole} hoặc ${decimal}.`};
  }
  if (/^-?\d+([.,]\d+)?$/.test(t)) return {value: t.replace(',', '.')};
  if (/^-?\d{1,3}([. ]\d{3})+(,\d+)?$/.test(t)) return {value: t.replace(/[. ]/g, '').replace(',', '.')};
  return {error: `“${t}” không phải là số (ví dụ: 71,32).`};
}

/** `26/01/2024` or `2024-01-26` (from a date input) → ISO; anything else refused. */
export function parseDate(text) {
  const t = String(text ?? '').trim();
  if (t === '') return {error: 'Chưa nhập ngày.'};
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  let y, mo, d;
  if (m) [, y, mo, d] = m; else if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t))) [, d, mo, y] = m;
  else return {error: `“${t}” không phải là ngày (dd/mm/yyyy).`};
  const iso = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const check = new Date(iso + 'T00:00:00Z');
  if (isNaN(check) || check.toISOString().slice(0, 10) !== iso) return {error: `Ngày ${t} không có trên lịch.`};
  return {value: iso};
}

export const JUDGMENT = {MET: 'Đạt', NOT_MET: 'Chưa đạt', NOT_ASSESSED: 'Chưa đánh giá'};
export const JUDGMENT_MARK = {MET: '✔', NOT_MET: '✘', NOT_ASSESSED: '?'};
export const BASIS = {COMPUTED: 'tính từ số liệu', HUMAN_DECISION: 'theo quyết định', MARKED_NOT_ASSESSED: 'ghi nhận chưa đánh giá',
  AWAITING_DECISION: 'chờ quyết định', NO_DATA: 'chưa có số liệu',
  ITEMS_UNDECIDED: 'các mục chưa đánh giá chưa cho phép kết luận'};
export const ROLE = {ADMINISTRATOR: 'Quản trị', COMMUNE_OFFICER: 'Cán bộ xã', DISTRICT_AGENCY: 'Phòng, ban huyện',
  DISTRICT_COORDINATION_OFFICE: 'Văn phòng Điều phối huyện', PROVINCE_COORDINATION_OFFICE: 'Văn phòng Điều phối tỉnh',
  VERIFIER: 'Cơ quan thẩm tra', APPRAISER: 'Thẩm định (tỉnh)', DECISION_AUTHORITY: 'Cấp quyết định', AUDITOR: 'Thanh tra, kiểm toán',
  CENTRAL_APPRAISER: 'Hội đồng thẩm định Trung ương', CENTRAL_AUTHORITY: 'Thủ tướng Chính phủ',
  DASHBOARD_VIEWER: 'Bảng theo dõi'};
export const UNIT_KIND = {PROVINCE: 'Tỉnh', CITY_PROVINCE: 'Thành phố', DISTRICT: 'Huyện', TOWN: 'Thị xã', CITY: 'Thành phố',
  COMMUNE: 'Xã', WARD: 'Phường', TOWNSHIP: 'Thị trấn', SPECIAL_ZONE: 'Đặc khu',
  THON: 'Thôn', AP: 'Ấp', KHU_DAN_CU: 'Khu dân cư', BAN: 'Bản', LANG: 'Làng'};
/** An explanation without its leading verdict ("Chưa đạt: …"), for a place where a badge beside it says it. */
export const withoutVerdict = text => (text ?? '').replace(/^[^:]{1,20}:\s*/, '');

export const CASE_STEP = {SELF_ASSESSMENT: 'Tự đánh giá', SUBMISSION: 'Nộp hồ sơ', SURVEY: 'Lấy ý kiến sự hài lòng',
  VERIFICATION: 'Thẩm tra', APPRAISAL: 'Thẩm định', DECISION: 'Quyết định', ANNOUNCEMENT: 'Công bố'};
export const CASE_STATUS = {OPENED: 'Đã mở hồ sơ', SELF_ASSESSED: 'Đã tự đánh giá', SUBMITTED: 'Đã nộp hồ sơ', RETURNED: 'Bị trả lại',
  VERIFIED: 'Đã thẩm tra', PROPOSED: 'Đã đề nghị công nhận', GRANTED: 'Đã công nhận', REFUSED: 'Không công nhận',
  ANNOUNCED: 'Đã công bố', REVOKED: 'Đã thu hồi', KEPT: 'Giữ danh hiệu', LAPSED: 'Hết hiệu lực'};
export const TASK_STATUS = {OPEN: 'Đang thực hiện', OVERDUE: 'Quá hạn', DONE: 'Hoàn thành', CLOSED: 'Đã đóng'};
export const COMPLIANCE = {ON_TIME: 'Đúng hạn', LATE: 'Trễ hạn', MISSING: 'Chưa nộp', NOT_YET_DUE: 'Chưa đến hạn'};
export const GRADE = {NTM: 'Nông thôn mới', ADVANCED: 'Nông thôn mới nâng cao', MODEL: 'Nông thôn mới kiểu mẫu',
  CIVILIZED_URBAN: 'Đô thị văn minh', SMART_VILLAGE: 'Thôn thông minh', TASK_COMPLETED: 'Hoàn thành nhiệm vụ'};

/** A recorded value as a person reads it, from its structured form (never the API's English display). */
export function value(v) {
  if (!v) return '';
  switch (v.kind) {
    case 'PERCENTAGE': return percent(v.percentage);
    case 'RATIO': return `${number(v.numerator)}/${number(v.denominator)}`;
    case 'COUNT': return number(v.count);
    case 'AMOUNT': return number(v.amount);
    case 'ACHIEVED': return v.achieved ? 'Đạt' : 'Không đạt';
    case 'LEVEL': return v.level ?? '';
    case 'SUB_INDICATORS': return `${v.met}/${v.of}`;
    default: return '';
  }
}

/** What an indicator asks, in words: the requirement's own text, else its threshold. */
export function requirement(r, threshold) {
  if (!r) return '';
  const t = threshold ?? r.threshold;
  switch (r.kind) {
    case 'PERCENT_AT_LEAST': return `≥ ${percent(t)}`;
    case 'PERCENT_AT_MOST': return `≤ ${percent(t)}`;
    case 'RATIO_AT_LEAST': case 'COUNT_AT_LEAST': case 'AMOUNT_AT_LEAST': return `≥ ${number(t)}${r.unit ? ' ' + r.unit : ''}`;
    case 'ACHIEVED': return r.text || 'Đạt';
    case 'LEVEL_AT_LEAST': return `mức ${r.requiredLevel ?? ''} trở lên`;
    case 'N_OF_M': return r.text || `${r.subIndicatorTotal ?? ''} chỉ tiêu thành phần`;
    default: return r.text ?? '';
  }
}

export const documentRef = d => d ? [d.number, d.date ? `ngày ${date(d.date)}` : null, d.issuer, d.title]
  .filter(Boolean).join(' · ') : '';

/** Today's date in Việt Nam, ISO. */
export function today() {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {timeZone: ZONE, year: 'numeric', month: '2-digit',
    day: '2-digit'}).formatToParts(new Date()).map(x => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

/** `26/01/2024 14:05` (Việt Nam time; the time may be left out: end of that day) → an ISO instant. */
export function parseDateTime(text) {
  const t = String(text ?? '').trim();
  const m = /^(\S+)(?:\s+(\d{1,2}):(\d{2}))?$/.exec(t);
  if (!m) return {error: `“${t}” không phải là thời điểm (dd/mm/yyyy hh:mm).`};
  const day = parseDate(m[1]);
  if (day.error) return day;
  if (m[2] !== undefined && (Number(m[2]) > 23 || Number(m[3]) > 59)) return {error: `Giờ ${m[2]}:${m[3]} không có thật.`};
  const time = m[2] !== undefined ? `${m[2].padStart(2, '0')}:${m[3]}:00.000` : '23:59:59.999';
  return {value: new Date(`${day.value}T${time}+07:00`).toISOString()};
}

/** An instant shown for editing: `26/01/2024 14:05` in Việt Nam time. */
export const dateTimeInput = iso => iso ? dateTime(iso).slice(0, 16) : '';

/** The seven regions of QĐ 318/QĐ-TTg, by the keys the criteria sets use (docs/criteria-set-format.md). */
export const REGION = {tdmnpb: 'Trung du miền núi phía Bắc', dbsh: 'Đồng bằng sông Hồng', btb: 'Bắc Trung Bộ',
  dhntb: 'Duyên hải Nam Trung Bộ', tn: 'Tây Nguyên', dnb: 'Đông Nam Bộ', dbscl: 'Đồng bằng sông Cửu Long'};
export const region = code => code ? REGION[code] ?? code : '';
