package fr.espacefamille.events.dossier;

/**
 * A guardian (responsable légal) of a dossier, as the town's software knows him or her.
 *
 * <p>Phone numbers are in E.164 ({@code +33612345678}): the import converts the export's
 * mixed formats, and a number it cannot read is a problem of its line, the dossier being left
 * as it was (events recorded before that rule may hold a number as the export typed it).
 *
 * @param civility    {@code Mme}, {@code M.}; {@code null} when not given
 * @param firstName   never blank
 * @param lastName    never blank
 * @param email       {@code null} for a guardian without an e-mail address
 * @param mobilePhone {@code null} when not given
 * @param homePhone   {@code null} when not given
 * @param address     postal address on one line; {@code null} when not given
 */
public record Guardian(
        String civility,
        String firstName,
        String lastName,
        String email,
        String mobilePhone,
        String homePhone,
        String address
) {
}
