// The parents' planning page: a month per child and service, "Modifier" to pick days, a whole
// period at once, the recap with its price, "Payer" through the payment page and back.

import { ApiError, getJson, postJson, request } from "./api.js";
import { showSessionInHeader } from "./ui.js";
import { addDays, element, euros, longDay, moment, monthName, todayInParis } from "./format.js";

const params = new URLSearchParams(window.location.search);
const state = {
  dossier: params.get("dossier"),
  planning: null,
  childId: null,
  service: null,
  month: todayInParis().slice(0, 7),
  calendar: null,
  editing: false,
  selected: new Map(),
};

const $ = (id) => document.getElementById(id);
const api = (path) => `/api/family/dossiers/${encodeURIComponent(state.dossier)}${path}`;

function announce(message, kind = "notice") {
  const box = $("annonce");
  box.replaceChildren();
  if (message) {
    box.append(element("p", { text: message, className: kind }));
    box.scrollIntoView({ block: "nearest" });
  }
}

function failed(error) {
  announce(error instanceof ApiError ? error.message : "Une erreur est survenue.", "alert");
}

/** The dossier to open: the one asked for, the account's only one, or the parent's choice. */
async function chooseDossier() {
  const session = await showSessionInHeader($("session-links"));
  if (!session || session.role !== "PARENT") {
    window.location.href = "index.html#mon-compte";
    return false;
  }
  if (state.dossier && session.dossierNumbers.includes(state.dossier)) {
    return true;
  }
  if (session.dossierNumbers.length === 1) {
    state.dossier = session.dossierNumbers[0];
    return true;
  }
  if (session.dossierNumbers.length === 0) {
    announce("Votre compte n'est plus rattaché à aucun dossier famille. "
             + "Pour en savoir plus, contactez le service famille de la mairie.", "alert");
    return false;
  }
  $("numero-dossier").replaceChildren(...session.dossierNumbers.map((number) => new Option(number, number)));
  $("choix-dossier").hidden = false;
  $("form-dossier").addEventListener("submit", (event) => {
    event.preventDefault();
    window.location.search = `?dossier=${encodeURIComponent($("numero-dossier").value)}`;
  });
  return false;
}

async function start() {
  if (!(await chooseDossier())) {
    return;
  }
  try {
    state.planning = await getJson(api("/planning"));
  } catch (error) {
    failed(error);
    return;
  }
  showFamily();
  wireControls();
  await returnFromPayment();
  await Promise.all([loadCalendar(), loadBasket()]);
}

function showFamily() {
  const { planning } = state;
  $("famille").hidden = false;
  $("titre-famille").textContent = `Planning – famille ${planning.dossierName}`;
  $("avoir").textContent = `Avoir disponible : ${euros(planning.creditBalanceCents)}`;
  const children = planning.children.filter((child) => child.services.length > 0);
  $("enfant").replaceChildren(...children.map((child) =>
    element("option", { text: `${child.firstName} (${child.schoolClass ?? "classe non renseignée"})`,
                        attributes: { value: child.childId } })));
  state.childId = children[0]?.childId;
  fillServices();
  ["mois", "periode", "panier"].forEach((id) => { $(id).hidden = false; });
  const today = todayInParis();
  $("du").value = today;
  $("au").value = `${Number(today.slice(0, 4)) + (today.slice(5, 7) >= "08" ? 1 : 0)}-07-03`;
}

function fillServices() {
  const child = state.planning.children.find((candidate) => candidate.childId === state.childId);
  $("service").replaceChildren(...child.services.map((service) =>
    element("option", { text: `${service.label} – ${service.priceCents ? euros(service.priceCents) : "gratuit"}`
                              + (service.billing === "MONTHLY_INVOICE" ? " (facturé au mois)" : ""),
                        attributes: { value: service.code } })));
  state.service = child.services[0]?.code;
}

function wireControls() {
  $("enfant").addEventListener("change", () => {
    state.childId = $("enfant").value;
    fillServices();
    stopEditing();
    loadCalendar();
  });
  $("service").addEventListener("change", () => {
    state.service = $("service").value;
    stopEditing();
    loadCalendar();
  });
  $("mois-precedent").addEventListener("click", () => moveMonth("previousMonth"));
  $("mois-suivant").addEventListener("click", () => moveMonth("nextMonth"));
  $("modifier").addEventListener("click", () => (state.editing ? stopEditing() : startEditing()));
  $("annuler-selection").addEventListener("click", stopEditing);
  $("ajouter").addEventListener("click", addSelection);
  $("form-periode").addEventListener("submit", addPeriod);
}

function moveMonth(which) {
  if (state.calendar) {
    state.month = state.calendar[which];
    loadCalendar();
  }
}

async function loadCalendar() {
  try {
    state.calendar = await getJson(api(`/children/${encodeURIComponent(state.childId)}/calendar/`
                                       + `${encodeURIComponent(state.service)}/${state.month}`));
    renderCalendar();
  } catch (error) {
    failed(error);
  }
}

function renderCalendar() {
  const { calendar } = state;
  $("titre-mois").textContent = monthName(calendar.month);
  $("legende-calendrier").textContent = `${calendar.serviceLabel}, ${monthName(calendar.month)}`;
  $("heure-limite").textContent = calendar.nextCutOff
    ? `Prochaine heure limite de réservation : ${moment(calendar.nextCutOff)}, `
      + `pour le ${longDay(calendar.nextCutOffDay)}.`
    : "Aucun jour ne peut plus être réservé pour le moment.";
  const rows = [];
  let row = [];
  const firstWeekday = (new Date(`${calendar.days[0].day}T12:00:00Z`).getUTCDay() + 6) % 7;
  for (let i = 0; i < firstWeekday; i += 1) {
    row.push(element("td"));
  }
  calendar.days.forEach((day) => {
    row.push(element("td", {}, [dayCell(day)]));
    if (row.length === 7) {
      rows.push(element("tr", {}, row));
      row = [];
    }
  });
  if (row.length) {
    rows.push(element("tr", {}, row));
  }
  $("calendrier").tBodies[0].replaceChildren(...rows);
}

function dayCell(day) {
  const number = String(Number(day.day.slice(8)));
  const classes = ["day"];
  let status;
  if (!day.open) {
    classes.push("closed");
    status = day.closedReason;
  } else if (day.pending) {
    classes.push("pending");
    status = `${day.pending === "BOOK" ? "réservation" : "annulation"} dans ${day.pendingInMyBasket
      ? "votre panier" : "le panier d'un autre responsable"}`;
  } else if (day.booked) {
    classes.push("booked");
    status = "réservé";
  } else {
    status = "non réservé";
  }
  if (day.open && day.frozen) {
    classes.push("frozen");
    status += ", heure limite passée";
  }
  const changeable = state.editing && (day.canBook || day.canCancel);
  const label = `${longDay(day.day)} : ${status}`
    + (day.open && !day.frozen ? `, modifiable jusqu'au ${moment(day.booked ? day.cancellingCutOff
      : day.bookingCutOff)}` : "");
  const mark = day.booked ? "✓" : day.pending ? "…" : "";
  const cell = element(changeable ? "button" : "span", { className: classes.join(" "),
                                                         attributes: { "aria-label": label, title: label } },
                       [element("span", { text: number, attributes: { "aria-hidden": "true" } }),
                        element("small", { text: mark, attributes: { "aria-hidden": "true" } })]);
  if (changeable) {
    cell.type = "button";
    cell.setAttribute("aria-pressed", String(state.selected.has(day.day)));
    cell.addEventListener("click", () => {
      if (state.selected.has(day.day)) {
        state.selected.delete(day.day);
      } else {
        state.selected.set(day.day, day.canBook ? "book" : "cancel");
      }
      cell.setAttribute("aria-pressed", String(state.selected.has(day.day)));
      $("ajouter").textContent = `Ajouter au panier (${state.selected.size})`;
    });
  }
  return cell;
}

function startEditing() {
  state.editing = true;
  state.selected.clear();
  $("modifier").textContent = "Terminer";
  $("ajouter").hidden = false;
  $("ajouter").textContent = "Ajouter au panier (0)";
  $("annuler-selection").hidden = false;
  $("aide-selection").hidden = false;
  renderCalendar();
}

function stopEditing() {
  state.editing = false;
  state.selected.clear();
  $("modifier").textContent = "Modifier";
  $("ajouter").hidden = true;
  $("annuler-selection").hidden = true;
  $("aide-selection").hidden = true;
  if (state.calendar) {
    renderCalendar();
  }
}

async function addSelection() {
  const book = [...state.selected].filter(([, action]) => action === "book").map(([day]) => day);
  const cancel = [...state.selected].filter(([, action]) => action === "cancel").map(([day]) => day);
  if (!book.length && !cancel.length) {
    announce("Choisissez au moins un jour.", "alert");
    return;
  }
  try {
    const report = await postJson(api("/basket/changes"),
                                  { childId: state.childId, service: state.service, book, cancel });
    showReport(report, $("annonce"));
    stopEditing();
    renderBasket(report.basket);
    refreshSoon();
  } catch (error) {
    failed(error);
  }
}

async function addPeriod(event) {
  event.preventDefault();
  const form = new FormData(event.target);
  const weekdays = form.getAll("weekdays");
  try {
    const report = await postJson(api("/basket/periods"), {
      childId: state.childId, service: state.service, from: form.get("from"), to: form.get("to"),
      weekdays, action: form.get("action"),
    });
    showReport(report, $("rapport"));
    renderBasket(report.basket);
    refreshSoon();
  } catch (error) {
    failed(error);
  }
}

/** What a change put in the basket, and the days it skipped grouped by reason. */
function showReport(report, into) {
  const changed = report.booked.length + report.cancelled.length;
  const parts = [element("p", { className: changed ? "success" : "notice",
    text: changed ? `${report.booked.length} jour(s) à réserver et ${report.cancelled.length} à annuler `
                    + "ajoutés au panier." : "Aucun jour n'a été ajouté au panier." })];
  if (report.skipped.length) {
    const byReason = new Map();
    report.skipped.forEach((skipped) => {
      byReason.set(skipped.reason, [...(byReason.get(skipped.reason) ?? []), skipped.day]);
    });
    const list = element("ul", { className: "skipped-list" }, [...byReason].map(([reason, days]) =>
      element("li", { text: `${reason} : ${days.length} jour(s)`
                            + (days.length <= 4 ? ` (${days.map(longDay).join(", ")})` : "") })));
    parts.push(element("p", { text: `${report.skipped.length} jour(s) laissé(s) de côté :` }), list);
  }
  into.replaceChildren(...parts);
}

function refreshSoon() {
  setTimeout(loadCalendar, 400);
}

async function loadBasket() {
  try {
    renderBasket(await getJson(api("/basket")));
  } catch (error) {
    failed(error);
  }
}

function childName(childId) {
  return state.planning.children.find((child) => child.childId === childId)?.firstName ?? childId;
}

function serviceLabel(childId, code) {
  const child = state.planning.children.find((candidate) => candidate.childId === childId);
  return child?.services.find((service) => service.code === code)?.label ?? code;
}

function renderBasket(basket) {
  const box = $("contenu-panier");
  const live = basket.status === "OPEN" || basket.status === "AWAITING_PAYMENT";
  if (!live || !basket.lines.length) {
    box.replaceChildren(element("p", { className: "muted", text: basket.status === "CONFIRMED"
      ? "Votre dernier panier est confirmé. Votre panier est vide." : "Votre panier est vide." }));
    return;
  }
  const rows = basket.lines.map((line) => {
    const remove = element("button", { text: "Retirer", className: "button-secondary",
      attributes: { type: "button", "aria-label": `Retirer le ${longDay(line.day)} du panier` } });
    remove.disabled = basket.status !== "OPEN";
    remove.addEventListener("click", () => removeLine(line));
    const amount = line.billing === "MONTHLY_INVOICE" ? `${euros(line.amountCents)} (facturé au mois)`
      : line.kind === "CANCEL" ? `− ${euros(line.amountCents)}` : euros(line.amountCents);
    return element("tr", {}, [
      element("td", { text: `${childName(line.childId)} – ${serviceLabel(line.childId, line.service)}` }),
      element("td", { text: `${line.kind === "BOOK" ? "Réserver" : "Annuler"} le ${longDay(line.day)}` }),
      element("td", { text: amount }),
      element("td", { text: `avant le ${moment(line.cutOff)}` }),
      element("td", {}, [remove]),
    ]);
  });
  const table = element("div", { className: "table-wrap" }, [element("table", {}, [
    element("caption", { text: `Panier n° ${basket.basketId}` }),
    element("thead", {}, [element("tr", {}, ["Enfant et service", "Jour", "Montant", "Heure limite", ""]
      .map((title) => element("th", { text: title, attributes: { scope: "col" } })))]),
    element("tbody", {}, rows)])]);
  const { totals } = basket;
  const facts = element("dl", { className: "facts totals" }, [
    element("dt", { text: "Réservations à payer" }), element("dd", { text: euros(totals.bookingsCents) }),
    element("dt", { text: "Annulations remboursées en avoir" }), element("dd", { text: euros(totals.refundsCents) }),
    element("dt", { text: "Avoir utilisé" }), element("dd", { text: euros(totals.creditUsedCents) }),
    element("dt", { text: "Facturé en fin de mois" }), element("dd", { text: euros(totals.invoicedLaterCents) }),
    element("dt", { text: "Reste à payer", className: "total-due" }),
    element("dd", { text: euros(totals.amountDueCents), className: "total-due" }),
  ]);
  const pay = element("button", { text: totals.amountDueCents ? `Payer ${euros(totals.amountDueCents)}`
    : "Valider (rien à payer)", attributes: { type: "button" } });
  pay.addEventListener("click", () => checkout(pay));
  const empty = element("button", { text: "Vider le panier", className: "button-secondary",
                                    attributes: { type: "button" } });
  empty.disabled = basket.status !== "OPEN";
  empty.addEventListener("click", discard);
  const expiry = element("p", { className: "hint", text: basket.status === "AWAITING_PAYMENT"
    ? `Paiement en cours : à terminer avant le ${moment(basket.expiresAt)}, sinon le panier est libéré.`
    : `Sans paiement, ce panier sera libéré le ${moment(basket.expiresAt)}.` });
  box.replaceChildren(table, facts, expiry, element("div", { className: "actions" }, [pay, empty]));
}

async function removeLine(line) {
  try {
    renderBasket(await request(api(`/basket/days/${encodeURIComponent(line.childId)}/`
                                   + `${encodeURIComponent(line.service)}/${line.day}`), { method: "DELETE" }));
    refreshSoon();
  } catch (error) {
    failed(error);
  }
}

async function discard() {
  try {
    renderBasket(await request(api("/basket"), { method: "DELETE" }));
    refreshSoon();
  } catch (error) {
    failed(error);
  }
}

async function checkout(button) {
  button.disabled = true;
  try {
    const outcome = await postJson(api("/basket/checkout"), {});
    if (outcome.status === "CONFIRMED") {
      announce("Vos réservations sont confirmées. Un e-mail de confirmation vous est envoyé.", "success");
      renderBasket(outcome.basket);
      refreshSoon();
    } else if (outcome.redirectUrl) {
      window.location.assign(outcome.redirectUrl);
    }
  } catch (error) {
    failed(error);
    button.disabled = false;
  }
}

/** Back from the payment page: the provider's answer decides, not the address. */
async function returnFromPayment() {
  const operation = params.get("idop");
  if (!operation) {
    return;
  }
  window.history.replaceState(null, "", `?dossier=${encodeURIComponent(state.dossier)}`);
  try {
    const { status } = await postJson(api(`/basket/payments/${encodeURIComponent(operation)}`), {});
    if (status === "CONFIRMED") {
      announce("Paiement reçu : vos réservations sont confirmées. Un e-mail de confirmation vous est envoyé.",
               "success");
    } else if (status === "OPEN") {
      announce("Le paiement n'a pas abouti. Votre panier est conservé : vous pouvez payer à nouveau avant "
               + "son expiration.", "alert");
    } else if (status === "AWAITING_PAYMENT") {
      announce("Le paiement est en cours de traitement ; la page se mettra à jour.", "notice");
      setTimeout(() => window.location.reload(), 2000);
    } else {
      announce("Ce panier a expiré : rien n'a été réservé. Un paiement reçu après l'expiration est gardé en avoir.",
               "alert");
    }
  } catch (error) {
    failed(error);
  }
}

start();
