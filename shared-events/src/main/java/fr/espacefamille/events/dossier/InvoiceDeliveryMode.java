package fr.espacefamille.events.dossier;

/** How a family receives its invoices ({@code mode_envoi_facture} in the town's export). */
public enum InvoiceDeliveryMode {
    /** By e-mail, to the guardians' addresses ({@code email}). */
    EMAIL,
    /** On paper, by post ({@code papier}). */
    PAPER
}
