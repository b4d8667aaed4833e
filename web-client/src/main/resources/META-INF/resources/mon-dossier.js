// Mon dossier: the family's details, the parent's phones, the invoice delivery mode, the
// town's documents, the dossier's history, and the account's e-mail and password.

import { getJson, postJson, putJson } from "./api.js";
import { historyDescription } from "./format.js";
import { formData, REFUSED, say, showSessionInHeader, submitting } from "./ui.js";

const message = document.getElementById("message");
const SERVICES = {
  RESTAURATION: "Cantine", ACCUEIL_MATIN: "Accueil du matin", ACCUEIL_SOIR: "Accueil du soir",
  TAP: "TAP", MERCREDI: "Mercredi",
};
const DATE = new Intl.DateTimeFormat("fr-FR", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Paris" });

const session = await showSessionInHeader(document.getElementById("session-links"));
if (!session || session.role !== "PARENT") {
  window.location.href = "index.html#mon-compte";
}
const linked = await getJson("/api/family/dossiers").catch(() => []);
const dossierNumber = chosenDossier();
if (session && session.role === "PARENT" && !dossierNumber) {
  say(message, "Votre compte n'est plus rattaché à aucun dossier famille. "
      + "Pour en savoir plus, contactez le service famille de la mairie.");
  document.querySelectorAll("main section").forEach((section) => { section.hidden = true; });
  await new Promise(() => {}); // nothing more to show: the rest of the page stays unloaded
}
const base = `/api/family/dossiers/${encodeURIComponent(dossierNumber)}`;
const account = await getJson("/api/account");
let dossier = null;

/** The dossier of the address (`?dossier=`) if the account reaches it, else the account's first. */
function chosenDossier() {
  const numbers = linked.length > 0 ? linked.map((linkedDossier) => linkedDossier.dossierNumber)
                                    : session.dossierNumbers;
  const wanted = new URLSearchParams(window.location.search).get("dossier");
  return numbers.includes(wanted) ? wanted : numbers[0];
}

/** For an account linked to several dossiers, a link to each; the one shown is marked. */
function showDossierChoice() {
  if (linked.length < 2) {
    return;
  }
  document.getElementById("dossiers").replaceChildren(...linked.map((linkedDossier) => {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.className = "button button-secondary";
    link.href = `mon-dossier.html?dossier=${encodeURIComponent(linkedDossier.dossierNumber)}`;
    link.textContent = `${linkedDossier.dossierName} (n° ${linkedDossier.dossierNumber})`;
    if (linkedDossier.dossierNumber === dossierNumber) {
      link.setAttribute("aria-current", "page");
    }
    item.append(link);
    return item;
  }));
  document.getElementById("choix-dossier").hidden = false;
}

/** A French number as parents write it (06 12 34 56 78); others stay in international form. */
function phone(e164) {
  if (!e164) {
    return "";
  }
  const french = e164.match(/^\+33(\d)(\d{2})(\d{2})(\d{2})(\d{2})$/);
  return french ? `0${french.slice(1).join(" ")}` : e164;
}

/** A cell of a table that a phone shows one row per block, under the column's name. */
function cell(text, label) {
  const td = document.createElement("td");
  td.setAttribute("role", "cell");
  td.dataset.label = label;
  td.textContent = text ?? "";
  return td;
}

function row(...cells) {
  const tr = document.createElement("tr");
  tr.setAttribute("role", "row");
  tr.append(...cells);
  return tr;
}

function author(value) {
  if (!value) {
    return "";
  }
  if (value === "import") {
    return "Logiciel de la mairie";
  }
  if (value.startsWith("staff:")) {
    return "Service famille";
  }
  if (value === "system:closure") {
    return "Service famille (fermeture d'un service)";
  }
  return value.startsWith("account:") ? `Compte ${value.slice(8)}` : value;
}

function render() {
  document.getElementById("dossier-titre").textContent = `n° ${dossier.dossierNumber} – ${dossier.dossierName}`;
  const facts = document.getElementById("famille");
  facts.replaceChildren();
  [["Quotient familial", dossier.familyQuotient == null ? "pas encore calculé" : `${dossier.familyQuotient} €`],
   ["Factures", dossier.invoiceDeliveryMode === "EMAIL" ? "par e-mail" : "par courrier"]]
    .forEach(([term, value]) => {
      const dt = document.createElement("dt");
      dt.textContent = term;
      const dd = document.createElement("dd");
      dd.textContent = value;
      facts.append(dt, dd);
    });

  const guardians = document.getElementById("responsables");
  guardians.replaceChildren(...dossier.guardians.map((guardian) => {
    const block = document.createElement("p");
    const name = document.createElement("strong");
    name.textContent = [guardian.civility, guardian.firstName, guardian.lastName].filter(Boolean).join(" ");
    block.append(name);
    [guardian.address, guardian.email, guardian.mobilePhone && `Portable ${phone(guardian.mobilePhone)}`,
     guardian.homePhone && `Fixe ${phone(guardian.homePhone)}`].filter(Boolean).forEach((line) => {
      block.append(document.createElement("br"), line);
    });
    return block;
  }));

  document.getElementById("enfants").replaceChildren(...dossier.children.map((child) => row(
    cell(`${child.firstName} ${child.lastName}`, "Enfant"),
    cell([child.school, child.schoolClass].filter(Boolean).join(", "), "École et classe"),
    cell(child.enrolments.map((code) => SERVICES[code] || code).join(", "), "Services"))));

  const mine = dossier.guardians.find((g) => `${g.firstName} ${g.lastName}` === account.guardianName);
  if (mine) {
    document.getElementById("mobilePhone").value = phone(mine.mobilePhone);
    document.getElementById("homePhone").value = phone(mine.homePhone);
  }
  document.getElementById(dossier.invoiceDeliveryMode === "EMAIL" ? "mode-email" : "mode-papier").checked = true;

  const documents = document.getElementById("documents");
  documents.replaceChildren(...dossier.documents.map((doc) => {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = `${base}/documents/${encodeURIComponent(doc.documentId)}`;
    link.textContent = `${doc.title} (PDF, ${Math.max(1, Math.round(doc.size / 1024))} Ko)`;
    item.append(link, ` – ${DATE.format(new Date(doc.publishedAt))}`);
    return item;
  }));
  if (dossier.documents.length === 0) {
    const none = document.createElement("li");
    none.className = "muted";
    none.textContent = "Aucun document pour le moment.";
    documents.append(none);
  }

  document.getElementById("historique").replaceChildren(...[...dossier.history].reverse().map((entry) => row(
    cell(DATE.format(new Date(entry.timestamp)), "Date"),
    cell(historyDescription(entry), "Modification"),
    cell(author(entry.author), "Par"))));

  document.getElementById("compte-identifiant").textContent = account.username;
  document.getElementById("compte-email").textContent = account.email;
}

async function reload() {
  dossier = await getJson(base);
  render();
}

/** The read side follows the change within a moment: read again until it shows. */
async function reloadUntil(isShown) {
  for (let attempt = 0; attempt < 10; attempt++) {
    await reload();
    if (isShown(dossier)) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

const phones = document.getElementById("form-telephones");
phones.addEventListener("submit", async (event) => {
  event.preventDefault();
  if (await submitting(phones, message, () => putJson(`${base}/phones`, formData(phones))) === REFUSED) {
    return;
  }
  say(message, "Vos numéros de téléphone sont enregistrés.", "success");
  const count = dossier.history.length;
  await reloadUntil((view) => view.history.length > count);
});

const invoices = document.getElementById("form-factures");
invoices.addEventListener("submit", async (event) => {
  event.preventDefault();
  const mode = formData(invoices).invoiceDeliveryMode;
  const answer = await submitting(invoices, message,
                                  () => putJson(`${base}/invoice-delivery-mode`, { invoiceDeliveryMode: mode }));
  if (answer === REFUSED) {
    return;
  }
  say(message, "Le mode d'envoi des factures est enregistré.", "success");
  await reloadUntil((view) => view.invoiceDeliveryMode === mode);
});

const email = document.getElementById("form-email");
email.addEventListener("submit", async (event) => {
  event.preventDefault();
  const answer = await submitting(email, message, () => postJson("/api/account/email", formData(email)));
  if (answer === REFUSED) {
    return;
  }
  email.reset();
  say(message, answer.message, "success");
});

const password = document.getElementById("form-mot-de-passe");
password.addEventListener("submit", async (event) => {
  event.preventDefault();
  const answer = await submitting(password, message, () => postJson("/api/account/password", formData(password)));
  if (answer === REFUSED) {
    return;
  }
  password.reset();
  say(message, answer.message, "success");
});

showDossierChoice();
await reload();
