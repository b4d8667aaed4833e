package fr.espacefamille.events;

/**
 * The one way a command or a query is refused: a stable code for programs and a message in
 * French for the parent or the staff member who sent it.
 *
 * <p>Codes are part of the published language; clients branch on them, so they never change
 * meaning once released. The HTTP layer maps a refusal to a 4xx answer.
 */
public class RefusedException extends RuntimeException {

    private final String code;
    private final Kind kind;

    public RefusedException(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public static RefusedException invalid(String code, String message) {
        return new RefusedException(Kind.INVALID, code, message);
    }

    public static RefusedException notFound(String code, String message) {
        return new RefusedException(Kind.NOT_FOUND, code, message);
    }

    public static RefusedException conflict(String code, String message) {
        return new RefusedException(Kind.CONFLICT, code, message);
    }

    public static RefusedException forbidden(String code, String message) {
        return new RefusedException(Kind.FORBIDDEN, code, message);
    }

    public static RefusedException unauthorized(String code, String message) {
        return new RefusedException(Kind.UNAUTHORIZED, code, message);
    }

    public static RefusedException tooManyRequests(String code, String message) {
        return new RefusedException(Kind.TOO_MANY_REQUESTS, code, message);
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** What went wrong, which decides the HTTP status. */
    public enum Kind {
        /** The request breaks a rule or is malformed (400 or 422). */
        INVALID,
        /** The thing asked for does not exist, or is not the caller's to see (404). */
        NOT_FOUND,
        /** The request clashes with the current state (409). */
        CONFLICT,
        /** The caller may not do this (403). */
        FORBIDDEN,
        /** The caller must log in first, or the credentials were wrong (401). */
        UNAUTHORIZED,
        /** Too many attempts in a short time; the caller may try again later (429). */
        TOO_MANY_REQUESTS
    }
}
