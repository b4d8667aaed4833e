// Talks to the Espace Famille API: returns the JSON answer, or throws an ApiError that
// carries the server's French message, ready to be shown as it is.

const UNREACHABLE = "Le service ne répond pas. Vérifiez votre connexion puis réessayez.";

/** A refused or failed request: `message` is in French, `code` is the API's stable code. */
export class ApiError extends Error {
  constructor(message, { status = 0, code = "UNKNOWN" } = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
  }
}

/**
 * Sends a request to the API. A plain object body goes as JSON, a FormData as
 * multipart/form-data. Resolves to the decoded JSON, the text, or null when empty.
 */
export async function request(path, { method = "GET", body, signal } = {}) {
  const headers = { Accept: "application/json" };
  if (method !== "GET" && method !== "HEAD") {
    headers["X-XSRF-TOKEN"] = await csrfToken();
  }
  let payload = body;
  if (body !== undefined && !(body instanceof FormData)) {
    headers["Content-Type"] = "application/json";
    payload = JSON.stringify(body);
  }

  let response;
  try {
    response = await fetch(path, { method, headers, body: payload, signal, credentials: "same-origin" });
  } catch (error) {
    if (error.name === "AbortError") {
      throw error;
    }
    throw new ApiError(UNREACHABLE, { code: "NETWORK" });
  }

  const content = await readBody(response);
  if (!response.ok) {
    throw refusal(response.status, content);
  }
  return content;
}

export const getJson = (path, options) => request(path, options);

export const postJson = (path, body, options) => request(path, { ...options, method: "POST", body });

export const putJson = (path, body, options) => request(path, { ...options, method: "PUT", body });

/** The visitor's session: `{ authenticated, username, role, dossierNumbers }`. */
export const currentSession = () => getJson("/api/session");

/**
 * The CSRF token that every change sends back in a header: the server puts it in the
 * XSRF-TOKEN cookie with its first answer; a page that has not asked anything yet asks for it.
 */
async function csrfToken() {
  let token = readCookie("XSRF-TOKEN");
  if (!token) {
    await fetch("/api/session", { credentials: "same-origin" }).catch(() => null);
    token = readCookie("XSRF-TOKEN");
  }
  return token || "";
}

function readCookie(name) {
  const prefix = `${name}=`;
  const found = document.cookie.split("; ").find((cookie) => cookie.startsWith(prefix));
  return found ? decodeURIComponent(found.slice(prefix.length)) : null;
}

/** Sends a FormData as multipart/form-data, e.g. a file under the field `file`. */
export const postForm = (path, formData, options) =>
  request(path, { ...options, method: "POST", body: formData });

async function readBody(response) {
  const text = await response.text().catch(() => "");
  if (!text) {
    return null;
  }
  const type = response.headers.get("Content-Type") || "";
  if (type.includes("json")) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

function refusal(status, content) {
  if (content && typeof content === "object" && content.message) {
    return new ApiError(content.message, { status, code: content.code || "UNKNOWN" });
  }
  return new ApiError(messageForStatus(status), { status, code: `HTTP_${status}` });
}

function messageForStatus(status) {
  if (status === 404) {
    return "Cet élément n'existe pas.";
  }
  if (status === 429) {
    return "Trop de tentatives en peu de temps. Réessayez dans quelques minutes.";
  }
  if (status === 401 || status === 403) {
    return "Vous n'avez pas accès à cette page.";
  }
  if (status === 413) {
    return "Le fichier est trop volumineux.";
  }
  if (status >= 502 && status <= 504) {
    return "Le service est momentanément indisponible. Merci de réessayer dans quelques instants.";
  }
  return `Une erreur est survenue (code ${status}). Merci de réessayer plus tard.`;
}
