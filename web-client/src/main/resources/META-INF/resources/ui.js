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

/** The fields of a form that a refusal is about, by the API's stable code: their names. */
const FIELDS_OF_REFUSAL = {
  USERNAME_INVALID: ["username"],
  USERNAME_TAKEN: ["username"],
  EMAIL_INVALID: ["email"],
  PASSWORD_TOO_SHORT: ["password", "newPassword"],
  PASSWORD_TOO_LONG: ["password", "newPassword"],
  PASSWORD_TOO_COMMON: ["password", "newPassword"],
  PASSWORD_INVALID_CHARACTERS: ["password", "newPassword"],
  LOGIN_FAILED: ["username", "password", "currentPassword"],
  DOSSIER_PAIR_MISMATCH: ["dossierNumber", "dossierName"],
  TERMS_NOT_ACCEPTED: ["termsAccepted"],
  INVOICE_MODE_INVALID: ["invoiceDeliveryMode"],
};
const REQUIRED_TEXT = "Ce champ est à remplir.";
const REQUIRED_BOX = "Cochez cette case pour continuer.";

/**
 * Runs `work` with the form's button disabled. Empty required fields stop it before anything
 * is sent. A refusal is shown in `region` and answered as REFUSED; the fields it is about get
 * `aria-invalid` and the French message next to them. `onRefusal` may add to the message.
 */
export async function submitting(form, region, work, onRefusal = () => {}) {
  const button = form.querySelector("button[type=submit]");
  clear(region);
  clearInvalidFields(form);
  const empty = emptyRequiredFields(form);
  if (empty.length > 0) {
    empty.forEach((field) => markInvalid(form, field, field.type === "checkbox" ? REQUIRED_BOX : REQUIRED_TEXT));
    say(region, empty.length === 1 ? "Un champ est à compléter." : "Des champs sont à compléter.");
    return REFUSED;
  }
  if (button) {
    button.disabled = true;
  }
  try {
    return await work();
  } catch (error) {
    const message = error instanceof ApiError ? error.message : "Une erreur est survenue. Réessayez.";
    say(region, message);
    fieldsOfRefusal(form, error).forEach((field) => markInvalid(form, field, message));
    onRefusal(error);
    return REFUSED;
  } finally {
    if (button) {
      button.disabled = false;
    }
  }
}

function emptyRequiredFields(form) {
  return [...form.querySelectorAll("input[required], select[required], textarea[required]")]
    .filter((field) => !field.disabled && !field.closest("[hidden]"))
    .filter((field) => (field.type === "checkbox" ? !field.checked : field.value.trim() === ""));
}

function fieldsOfRefusal(form, error) {
  const code = error instanceof ApiError ? error.code : null;
  if (code === "FIELD_MISSING") {
    return emptyFields(form);
  }
  if (code === "PHONE_INVALID") {
    return [...form.querySelectorAll("input[type=tel]")].filter((field) => field.value.trim() !== "");
  }
  return (FIELDS_OF_REFUSAL[code] || []).flatMap((name) => [...form.querySelectorAll(`[name="${name}"]`)]);
}

function emptyFields(form) {
  return [...form.querySelectorAll("input:not([type=radio]):not([type=checkbox]), textarea")]
    .filter((field) => field.value.trim() === "");
}

/**
 * Marks a field as invalid for assistive technologies and shows why under it: `aria-invalid`,
 * and `aria-describedby` naming the message first, before the field's own hint.
 */
function markInvalid(form, field, text) {
  const id = `${field.type === "radio" ? field.name : field.id}-erreur`;
  let error = form.querySelector(`#${CSS.escape(id)}`);
  if (!error) {
    error = document.createElement("p");
    error.id = id;
    error.className = "field-error";
    (field.closest(".field, fieldset") || field.parentElement).append(error);
  }
  error.textContent = text;
  field.setAttribute("aria-invalid", "true");
  const described = (field.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
  if (!described.includes(id)) {
    field.setAttribute("aria-describedby", [id, ...described].join(" "));
  }
}

function clearInvalidFields(form) {
  form.querySelectorAll(".field-error").forEach((error) => {
    form.querySelectorAll(`[aria-describedby~="${error.id}"]`).forEach((field) => {
      const rest = field.getAttribute("aria-describedby").split(/\s+/).filter((id) => id && id !== error.id);
      if (rest.length > 0) {
        field.setAttribute("aria-describedby", rest.join(" "));
      } else {
        field.removeAttribute("aria-describedby");
      }
    });
    error.remove();
  });
  form.querySelectorAll("[aria-invalid]").forEach((field) => field.removeAttribute("aria-invalid"));
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
