// Small helpers shared by the pages: messages that screen readers announce, busy buttons,
// and the header's session links.

import { ApiError, currentSession, postJson } from "./api.js";

/** Shows a message in a live region; `kind` is "alert" (refusal) or "success". */
export function say(region, message, kind = "alert") {
  region.hidden = false;
  region.className = kind;
  region.textContent = message;
  region.focus();
}

export function clear(region) {
  region.hidden = true;
  region.textContent = "";
}

/** What `submitting` answers when the request was refused; the message is already shown. */
export const REFUSED = Symbol("refused");

/**
 * Runs `work` with the form's button disabled. A refusal is shown in `region` and answered
 * as REFUSED; `onRefusal` may add to the message.
 */
export async function submitting(form, region, work, onRefusal = () => {}) {
  const button = form.querySelector("button[type=submit]");
  clear(region);
  if (button) {
    button.disabled = true;
  }
  try {
    return await work();
  } catch (error) {
    say(region, error instanceof ApiError ? error.message : "Une erreur est survenue. Réessayez.");
    onRefusal(error);
    return REFUSED;
  } finally {
    if (button) {
      button.disabled = false;
    }
  }
}

/** Fills the header's account area once logged in: the account's pages and "Se déconnecter". */
export async function showSessionInHeader(area) {
  const session = await currentSession().catch(() => null);
  if (!area || !session || !session.authenticated || session.role === "REGISTRANT") {
    return session;
  }
  area.replaceChildren();
  const pages = session.role === "STAFF"
    ? [["/staff/index.html", "Back-office"], ["/staff/planning.html", "Effectifs et fermetures"]]
    : [["/mon-dossier.html", "Mon dossier"], ["/planning.html", "Planning"]];
  const links = pages.map(([href, text]) => {
    const link = document.createElement("a");
    link.href = href;
    link.textContent = text;
    return link;
  });
  const logout = document.createElement("button");
  logout.type = "button";
  logout.className = "button-secondary button-small";
  logout.textContent = "Se déconnecter";
  logout.addEventListener("click", async () => {
    await postJson("/api/session/logout", {}).catch(() => null);
    window.location.href = "/index.html";
  });
  area.append(...links, logout);
  return session;
}

/** The secret of an e-mail link, written after `#jeton=` so that no server ever logs it. */
export function linkToken() {
  const match = window.location.hash.match(/jeton=([A-Za-z0-9_-]+)/);
  return match ? match[1] : null;
}

export function formData(form) {
  return Object.fromEntries(new FormData(form).entries());
}
