package fr.espacefamille.events;

/**
 * The metadata every command carries to the events it records, so that the audit trail tells
 * who did what. Events are recorded with the command's metadata.
 */
public final class Audit {

    /**
     * Who sent the command: {@code staff:<username>}, {@code account:<username>}, or
     * {@link #IMPORT} for the town's export.
     */
    public static final String AUTHOR = "author";

    /** The author of changes that come from the town's dossier export. */
    public static final String IMPORT = "import";

    private Audit() {
    }
}
