// The staff's planning page: tomorrow's headcounts by service and school (what the caterer
// needs, final from the cut-off on) and the services closed on a day.

import { ApiError, getJson, postJson, request } from "../api.js";
import { addDays, element, longDay, moment, todayInParis } from "../format.js";
import { showSessionInHeader } from "../ui.js";

const $ = (id) => document.getElementById(id);

function announce(message, kind = "notice") {
  $("annonce").replaceChildren(message ? element("p", { text: message, className: kind }) : "");
}

function failed(error) {
  announce(error instanceof ApiError ? error.message : "Une erreur est survenue.", "alert");
}

async function showHeadcounts(day) {
  try {
    const { headcounts } = await getJson(`/api/staff/headcounts/${day}`);
    const byService = new Map();
    headcounts.forEach((count) => byService.set(count.serviceLabel, [...(byService.get(count.serviceLabel) ?? []),
                                                                      count]));
    const blocks = [element("h2", { text: longDay(day) })];
    if (!byService.size) {
      blocks.push(element("p", { className: "muted", text: "Aucun service ce jour-là." }));
    }
    byService.forEach((counts, label) => {
      const first = counts[0];
      const status = !first.open ? `Fermé : ${first.closedReason}`
        : first.isFinal ? "Effectif définitif (heure limite passée)"
        : `Provisoire jusqu'au ${moment(first.cutOff)}`;
      const rows = counts.map((count) => element("tr", {}, [
        element("th", { text: count.school, attributes: { scope: "row" } }),
        element("td", { text: String(count.count), className: "headcount-count" }),
        element("td", {}, [count.children.length ? element("details", {}, [
          element("summary", { text: "Liste des enfants" }),
          element("ul", {}, count.children.map((child) =>
            element("li", { text: `${child.lastName ?? ""} ${child.firstName ?? ""} (${child.schoolClass ?? "?"})` }))),
        ]) : element("span", { className: "muted", text: "—" })]),
      ]));
      blocks.push(element("div", { className: "table-wrap" }, [element("table", {}, [
        element("caption", { text: `${label} – ${status}` }),
        element("thead", {}, [element("tr", {}, ["École", "Enfants", "Détail"]
          .map((title) => element("th", { text: title, attributes: { scope: "col" } })))]),
        element("tbody", {}, rows)])]));
    });
    $("effectifs").replaceChildren(...blocks);
  } catch (error) {
    failed(error);
  }
}

async function showClosures(month) {
  try {
    const { closures } = await getJson(`/api/staff/closures/${month}`);
    if (!closures.length) {
      $("fermetures").replaceChildren(element("p", { className: "muted", text: "Aucune fermeture ce mois-ci." }));
      return;
    }
    $("fermetures").replaceChildren(element("ul", { className: "plain-list" }, closures.map((closure) => {
      const reopen = element("button", { text: "Rouvrir", className: "button-secondary",
        attributes: { type: "button", "aria-label": `Rouvrir ${closure.service} le ${longDay(closure.day)}` } });
      reopen.addEventListener("click", async () => {
        try {
          await request(`/api/staff/closures/${closure.day}/${encodeURIComponent(closure.service)}`,
                        { method: "DELETE" });
          announce("Le service est rouvert.", "success");
          setTimeout(() => showClosures(month), 400);
        } catch (error) {
          failed(error);
        }
      });
      return element("li", { text: `${longDay(closure.day)} – ${closure.service} : ${closure.reason} ` }, [reopen]);
    })));
  } catch (error) {
    failed(error);
  }
}

async function start() {
  const session = await showSessionInHeader($("session-links"));
  if (!session || session.role !== "STAFF") {
    window.location.href = "index.html";
    return;
  }
  const tomorrow = addDays(todayInParis(), 1);
  $("jour").value = tomorrow;
  $("jour-fermeture").value = tomorrow;
  $("form-jour").addEventListener("submit", (event) => {
    event.preventDefault();
    showHeadcounts($("jour").value);
  });
  try {
    const setup = await getJson("/api/planning/setup");
    $("services-fermeture").replaceChildren(...setup.services.map((service) =>
      element("label", { className: "inline" }, [
        element("input", { attributes: { type: "checkbox", name: "services", value: service.code } }),
        ` ${service.label}`])));
  } catch (error) {
    failed(error);
  }
  $("form-fermeture").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    try {
      const { closed } = await postJson("/api/staff/closures", {
        day: form.get("day"), reason: form.get("reason"), services: form.getAll("services"),
      });
      announce(closed.length ? `Fermeture enregistrée : ${closed.join(", ")}.` : "Ces services étaient déjà fermés.",
               "success");
      setTimeout(() => showClosures(form.get("day").slice(0, 7)), 400);
    } catch (error) {
      failed(error);
    }
  });
  showHeadcounts(tomorrow);
  showClosures(tomorrow.slice(0, 7));
}

start();
