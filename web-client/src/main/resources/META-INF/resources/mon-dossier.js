// Mon dossier: the family's details, the parent's phones, the invoice delivery mode, the
// town's documents, the dossier's history, and the account's e-mail and password.

import { getJson, postJson, putJson } from "./api.js";
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
const dossierNumber = session.dossierNumbers[0];
const base = `/api/family/dossiers/${encodeURIComponent(dossierNumber)}`;
const account = await getJson("/api/account");
let dossier = null;

/** A French number as parents write it (06 12 34 56 78); others stay in international form. */
function phone(e164) {
  if (!e164) {
    return "";
  }
  const french = e164.match(/^\+33(\d)(\d{2})(\d{2})(\d{2})(\d{2})$/);
  return french ? `0${french.slice(1).join(" ")}` : e164;
}

function cell(text) {
  const td = document.createElement("td");
  td.textContent = text ?? "";
  return td;
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

  document.getElementById("enfants").replaceChildren(...dossier.children.map((child) => {
    const row = document.createElement("tr");
    row.append(cell(`${child.firstName} ${child.lastName}`),
               cell([child.school, child.schoolClass].filter(Boolean).join(", ")),
               cell(child.enrolments.map((code) => SERVICES[code] || code).join(", ")));
    return row;
  }));

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

  document.getElementById("historique").replaceChildren(...[...dossier.history].reverse().map((entry) => {
    const row = document.createElement("tr");
    row.append(cell(DATE.format(new Date(entry.timestamp))), cell(entry.description || entry.eventType),
               cell(author(entry.author)));
    return row;
  }));

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

await reload();
