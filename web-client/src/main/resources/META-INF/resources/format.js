// French wording of dates, moments, amounts and history entries, shared by the pages.

const PARIS = "Europe/Paris";

export const euros = (cents) =>
  new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(cents / 100);

/** "lundi 7 septembre 2026" for an ISO date "2026-09-07". */
export const longDay = (isoDate) =>
  new Date(`${isoDate}T12:00:00Z`).toLocaleDateString("fr-FR", {
    weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC",
  });

/** "dimanche 6 septembre à 17:00", Paris time, for an instant. */
export const moment = (instant) => {
  const date = new Date(instant);
  const day = date.toLocaleDateString("fr-FR", { weekday: "long", day: "numeric", month: "long", timeZone: PARIS });
  const time = date.toLocaleTimeString("fr-FR", { hour: "2-digit", minute: "2-digit", timeZone: PARIS });
  return `${day} à ${time}`;
};

/**
 * What a dossier's history entry says happened, in the French the history API writes; an entry
 * recorded before the API wrote one says only that the dossier changed, never the event's name.
 */
export const historyDescription = (entry) => entry.description || "Modification du dossier";

/** "septembre 2026" for "2026-09". */
export const monthName = (yearMonth) =>
  new Date(`${yearMonth}-15T12:00:00Z`).toLocaleDateString("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });

/** Today in Paris, as an ISO date. */
export const todayInParis = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: PARIS, year: "numeric", month: "2-digit", day: "2-digit" })
    .format(new Date());

export function addDays(isoDate, days) {
  const date = new Date(`${isoDate}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Creates an element with text and attributes, so that nothing from the API is read as HTML. */
export function element(tag, { text, className, attributes = {} } = {}, children = []) {
  const node = document.createElement(tag);
  if (text !== undefined) {
    node.textContent = text;
  }
  if (className) {
    node.className = className;
  }
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  children.forEach((child) => node.append(child));
  return node;
}
