package fr.espacefamille.command.account;

/**
 * The terms of use (CGU) in force; a parent accepts exactly this version at sign-up.
 *
 * @param version such as {@code 2026-09}, set by {@code espace-famille.terms.version}
 */
record TermsOfUse(String version) {
}
