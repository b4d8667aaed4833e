package fr.espacefamille.events;

/**
 * The body of every refused HTTP request: a stable code and a French message.
 *
 * @param code    stable, machine-readable, e.g. {@code IMPORT_FILE_EMPTY}
 * @param message what happened, for the person who sent the request
 */
public record ErrorResponse(String code, String message) {
}
