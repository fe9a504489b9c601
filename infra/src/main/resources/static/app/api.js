// The pages' only way to the record: the public GraphQL API (HTTP for queries and mutations, graphql-ws for
// subscriptions) and the evidence-file endpoint, signed in by the session the sign-in form opened. Nothing here
// knows more than any other client of the API.

let csrf = null;
let socket = null;

/** An answer the API refused: its typed errors (message in Vietnamese, `extensions.code`). */
export class ApiError extends Error {
  constructor(errors, status) {
    super(errors.map(e => e.message).join(' '));
    this.errors = errors;
    this.status = status;
    this.code = errors[0]?.extensions?.code ?? errors[0]?.code;
  }
}

const headers = extra => ({'Accept': 'application/json', 'Accept-Language': 'vi', 'X-Requested-With': 'XMLHttpRequest',
  ...(csrf ? {[csrf.header]: csrf.token} : {}), ...extra});

async function answer(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    throw new ApiError([{message: `Máy chủ trả lời không đúng dạng (HTTP ${response.status}).`}], response.status);
  }
  if (body?.csrf) csrf = body.csrf;
  if (!response.ok && !body?.data) {
    const errors = body?.errors ?? [{message: body?.message ?? `Lỗi HTTP ${response.status}.`, code: body?.code,
      field: body?.field}];
    throw new ApiError(errors, response.status);
  }
  return body;
}

/** Whether this browser is signed in; also fetches the CSRF token every later request carries. */
export async function session() {
  const body = await answer(await fetch('/web/session', {headers: headers(), credentials: 'same-origin'}));
  return body.signedIn;
}

export async function signIn(username, password) {
  // a fresh token: the one held may belong to a session that has since expired
  await session();
  const form = new URLSearchParams({username, password});
  await answer(await fetch('/web/sign-in', {method: 'POST', body: form, credentials: 'same-origin',
    headers: headers({'Content-Type': 'application/x-www-form-urlencoded'})}));
  closeSocket();
}

export async function signOut() {
  closeSocket();
  try {
    await fetch('/web/sign-out', {method: 'POST', headers: headers(), credentials: 'same-origin'});
  } finally {
    csrf = null;
  }
}

/** Listeners told when the session ended (the API answered 401): the app shows the sign-in form again. */
const signedOut = new Set();
export const onSignedOut = listener => signedOut.add(listener);

/**
 * Runs a query or mutation. Resolves to `data`; a request the API refused as a whole (401, a malformed operation,
 * a field this account may not read) rejects with ApiError. Field-level errors next to data are returned with it
 * as `data.__errors`.
 */
export async function gql(query, variables = {}) {
  const response = await fetch('/graphql', {method: 'POST', credentials: 'same-origin',
    headers: headers({'Content-Type': 'application/json'}), body: JSON.stringify({query, variables})});
  if (response.status === 401) signedOut.forEach(l => l());
  const body = await answer(response);
  if (body.errors?.length && !body.data) throw new ApiError(body.errors, response.status);
  if (body.errors?.length) {
    const partial = body.data && Object.values(body.data).every(v => v === null);
    if (partial) throw new ApiError(body.errors, response.status);
    Object.defineProperty(body.data, '__errors', {value: body.errors, enumerable: false});
  }
  return body.data;
}

/** The names of units by code, in one request (codes are digits; anything else is left out). */
export async function unitNames(codes) {
  const wanted = [...new Set(codes)].filter(c => /^\d{1,6}$/.test(c));
  if (!wanted.length) return new Map();
  const data = await gql(`{ ${wanted.map(c => `u${c}: unit(code: "${c}") { code name }`).join(' ')} }`);
  return new Map(Object.values(data).filter(Boolean).map(u => [u.code, u.name]));
}

/** Sends a file to the evidence store; resolves to {sha256, size, mediaType}. */
export async function uploadFile(file) {
  const response = await fetch('/evidence/files', {method: 'POST', credentials: 'same-origin', body: file,
    headers: headers({'Content-Type': file.type || 'application/octet-stream'})});
  return answer(response);
}

/**
 * Sends a file to be imported (`POST /imports/values` or `/imports/records`); resolves to the run started ({id, status, …}), rejects
 * with the refusal (file type, size, shape) as ApiError.
 */
export async function uploadImport(path, file, params) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== null && v !== undefined && v !== ''));
  const response = await fetch(`${path}?${query}`, {method: 'POST', credentials: 'same-origin', body: file,
    headers: headers({'Content-Type': 'application/octet-stream'})});
  if (response.status === 401) signedOut.forEach(l => l());
  return answer(response);
}

/** Fetches a file the service generates (a template, an export) and hands it to the browser to save. */
export async function download(path, name) {
  const response = await fetch(path, {credentials: 'same-origin', headers: headers()});
  if (!response.ok) {
    if (response.status === 401) signedOut.forEach(l => l());
    await answer(response);
  }
  const url = URL.createObjectURL(await response.blob());
  const a = Object.assign(document.createElement('a'), {href: url, download: name});
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function client() {
  if (!socket) {
    const {createClient} = await import('graphql-ws');
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
    socket = createClient({url, lazy: true, retryAttempts: 5, connectionParams: {}});
  }
  return socket;
}

function closeSocket() {
  socket?.dispose();
  socket = null;
}

/** Subscribes; `next` gets each `data`. Returns a function that ends the subscription. */
export function subscribe(query, variables, next, error = () => {}) {
  let stop = () => {};
  let stopped = false;
  client().then(c => {
    if (stopped) return;
    stop = c.subscribe({query, variables}, {
      next: result => result.data && next(result.data),
      error: e => error(e),
      complete: () => {}
    });
  });
  return () => { stopped = true; stop(); };
}
