// The back-office: staff log in, import the dossiers, find and read one, publish a PDF to a
// family, and follow or rebuild the processors.

import { ApiError, getJson, postForm, postJson } from "../api.js";
import { historyDescription } from "../format.js";
import { formData, REFUSED, say, showSessionInHeader, submitting } from "../ui.js";

const IMPORT_URL = "/api/staff/dossiers/import";
const DOSSIERS_URL = "/api/staff/dossiers";
const PROCESSORS_URL = "/api/staff/console/processors";

let dossiers = [];

/** Builds an element: el("td", { class: "muted" }, "texte", child). Text is never parsed as HTML. */
function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "onclick") {
      element.addEventListener("click", value);
    } else {
      element.setAttribute(name, value);
    }
  }
  element.append(...children.filter((child) => child !== null && child !== undefined));
  return element;
}

function showError(container, error) {
  const message = error instanceof ApiError ? error.message : "Une erreur inattendue est survenue.";
  container.replaceChildren(el("p", { class: "alert", role: "alert" }, message));
}

async function importFile(event) {
  event.preventDefault();
  const form = event.target;
  const result = document.getElementById("import-result");
  const button = form.querySelector("button");
  button.disabled = true;
  result.replaceChildren(el("p", { class: "muted" }, "Import en cours…"));
  try {
    const report = await postForm(IMPORT_URL, new FormData(form));
    result.replaceChildren(...describeReport(report));
    await loadDossiers();
    await loadProcessors();
  } catch (error) {
    showError(result, error);
  } finally {
    button.disabled = false;
  }
}

function describeReport(report) {
  const summary = el("p", { class: report.problems.length ? "notice" : "success" },
    `${report.lines} lignes lues : ${report.registered} dossier(s) nouveau(x), ${report.changed} modifié(s), `
      + `${report.unchanged} inchangé(s), ${report.rejectedDossiers.length} laissé(s) tel(s) quel(s).`);
  if (!report.problems.length) {
    return [summary];
  }
  const rows = report.problems.map((problem) =>
    el("tr", {}, el("td", {}, String(problem.line)), el("td", {}, problem.dossierNumber || "—"),
      el("td", {}, problem.message), el("td", {}, el("code", {}, problem.code))));
  const table = el("div", { class: "table-wrap" }, el("table", {},
    el("caption", {}, "Lignes à corriger dans le logiciel famille"),
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Ligne"), el("th", { scope: "col" }, "Dossier"),
      el("th", { scope: "col" }, "Problème"), el("th", { scope: "col" }, "Code"))),
    el("tbody", {}, ...rows)));
  return [summary, table];
}

async function loadDossiers() {
  const status = document.getElementById("dossiers-status");
  try {
    dossiers = (await getJson(DOSSIERS_URL)).dossiers;
    renderDossiers();
    document.getElementById("dossier").replaceChildren(...dossiers.map((dossier) =>
      new Option(`${dossier.dossierNumber} – ${dossier.dossierName}`, dossier.dossierNumber)));
  } catch (error) {
    showError(status, error);
  }
}

function normalize(text) {
  return (text || "").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

function renderDossiers() {
  const filter = normalize(document.getElementById("dossier-filter").value.trim());
  const shown = dossiers.filter((dossier) => !filter
    || normalize([dossier.dossierNumber, dossier.dossierName, ...dossier.guardianNames].join(" ")).includes(filter));
  document.getElementById("dossiers-status").textContent =
    `${shown.length} dossier(s) sur ${dossiers.length}.`;
  document.getElementById("dossiers-body").replaceChildren(...shown.map((dossier) => el("tr", {},
    el("td", {}, el("a", { href: `#${dossier.dossierNumber}`, onclick: (event) => {
      event.preventDefault();
      showDossier(dossier.dossierNumber);
    } }, dossier.dossierNumber)),
    el("td", {}, dossier.dossierName),
    el("td", {}, dossier.guardianNames.join(", ")),
    el("td", {}, String(dossier.childCount)),
    el("td", {}, dossier.familyQuotient == null ? "à calculer" : `${dossier.familyQuotient} €`))));
}

const FRENCH_DATE = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" });
const FRENCH_MOMENT = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "medium" });
/** What staff are told beyond the families' words: a dossier is only ever registered by the import. */
const STAFF_DETAILS = { DossierRegisteredEvent: "par l'import du logiciel famille" };

async function showDossier(number) {
  const section = document.getElementById("dossier-detail");
  const body = document.getElementById("dossier-body");
  section.hidden = false;
  try {
    const dossier = await getJson(`${DOSSIERS_URL}/${encodeURIComponent(number)}`);
    document.getElementById("dossier-titre").textContent = `Dossier ${dossier.dossierNumber} – ${dossier.dossierName}`;
    body.replaceChildren(
      el("dl", { class: "facts" },
        el("dt", {}, "Quotient familial"),
        el("dd", {}, dossier.familyQuotient == null ? "pas encore calculé" : `${dossier.familyQuotient} €`),
        el("dt", {}, "Factures"),
        el("dd", {}, dossier.invoiceDeliveryMode === "PAPER" ? "par courrier" : "par e-mail")),
      el("h3", {}, "Responsables"),
      el("ul", {}, ...dossier.guardians.map((guardian) => el("li", {},
        [guardian.civility, guardian.firstName, guardian.lastName].filter(Boolean).join(" "),
        guardian.email ? ` – ${guardian.email}` : " – pas d'e-mail",
        guardian.mobilePhone ? ` – ${guardian.mobilePhone}` : "",
        guardian.address ? ` – ${guardian.address}` : ""))),
      el("h3", {}, "Enfants"),
      el("ul", {}, ...dossier.children.map((child) => el("li", {},
        `${child.firstName} ${child.lastName}, né(e) le ${FRENCH_DATE.format(new Date(child.birthDate))}`,
        child.school ? ` – ${child.school}` : "", child.schoolClass ? ` (${child.schoolClass})` : "",
        child.enrolments.length ? ` – inscrit(e) : ${child.enrolments.join(", ")}` : " – aucune inscription"))),
      el("h3", {}, "Historique"),
      el("ul", {}, ...dossier.history.map((entry) => el("li", {},
        `${FRENCH_MOMENT.format(new Date(entry.timestamp))} – ${describeEntry(entry)}`
          + (entry.author ? ` (${entry.author})` : "")))));
  } catch (error) {
    showError(body, error);
  }
  document.getElementById("dossier-titre").focus();
}

function describeEntry(entry) {
  const detail = STAFF_DETAILS[entry.eventType];
  return detail ? `${historyDescription(entry)} ${detail}` : historyDescription(entry);
}

async function loadProcessors() {
  const result = document.getElementById("console-result");
  try {
    const processors = await getJson(PROCESSORS_URL);
    document.getElementById("processors-body").replaceChildren(...processors.map((processor) => el("tr", {},
      el("td", {}, el("code", {}, processor.name)),
      el("td", {}, `${processor.position ?? 0} / ${processor.head}`),
      el("td", {}, processor.error
        ? el("details", {}, el("summary", {}, "en erreur, nouvel essai en cours"), el("code", {}, processor.error))
        : processor.replaying ? "reconstruction en cours" : processor.running ? "à jour" : "arrêté"),
      el("td", {}, String(processor.deadLetters)),
      el("td", {}, processor.replayable
        ? el("button", { type: "button", class: "button-secondary", onclick: () => replay(processor.name) },
          "Reconstruire")
        : el("span", { class: "muted" }, "jamais rejoué")))));
  } catch (error) {
    showError(result, error);
  }
}

async function replay(name) {
  const result = document.getElementById("console-result");
  // The view is emptied and refilled in place: until it is back at the head, the pages it
  // serves, the families' included, show part of what they should.
  if (!window.confirm(`Reconstruire ${name} ? Jusqu'à la fin, les pages qui s'en servent, celles des familles `
      + "comprises, montreront des informations incomplètes.")) {
    return;
  }
  try {
    await postJson(`${PROCESSORS_URL}/${encodeURIComponent(name)}/replay`);
    result.replaceChildren(el("p", { class: "success" }, `Reconstruction de ${name} lancée.`));
    await loadProcessors();
  } catch (error) {
    showError(result, error);
  }
}

const message = document.getElementById("message");
const login = document.getElementById("connexion");
const publish = document.getElementById("publier");

async function open() {
  const session = await showSessionInHeader(document.getElementById("session-links"));
  if (!session || session.role !== "STAFF") {
    login.hidden = false;
    return;
  }
  document.getElementById("espace").hidden = false;
  await loadDossiers();
  await loadProcessors();
}

login.addEventListener("submit", async (event) => {
  event.preventDefault();
  if (await submitting(login, message, () => postJson("/api/session", formData(login))) !== REFUSED) {
    window.location.reload();
  }
});

publish.addEventListener("submit", async (event) => {
  event.preventDefault();
  const data = new FormData(publish);
  const dossierNumber = data.get("dossierNumber");
  data.delete("dossierNumber");
  const published = await submitting(publish, message, () =>
    postForm(`/api/staff/dossiers/${encodeURIComponent(dossierNumber)}/documents`, data));
  if (published === REFUSED) {
    return;
  }
  publish.reset();
  say(message, `« ${published.title} » est maintenant disponible dans le dossier ${dossierNumber}.`, "success");
});

document.getElementById("import-form").addEventListener("submit", importFile);
document.getElementById("dossier-filter").addEventListener("input", renderDossiers);
open();
