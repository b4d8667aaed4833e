package fr.espacefamille.command.dossier;

import fr.espacefamille.events.Quoted;
import fr.espacefamille.events.RefusedException;
import fr.espacefamille.events.dossier.Child;
import fr.espacefamille.events.dossier.DossierDetails;
import fr.espacefamille.events.dossier.Guardian;
import fr.espacefamille.events.dossier.ImportDossierCommand;
import fr.espacefamille.events.dossier.ImportProblem;
import fr.espacefamille.events.dossier.InvoiceDeliveryMode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.apache.commons.validator.routines.EmailValidator;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the town's dossier export: UTF-8 (with or without a byte order mark), {@code ;} as
 * separator, French headers, one line per child with the family's columns repeated.
 *
 * <p>A file whose structure is broken (empty, not UTF-8, columns missing, an unclosed quote) is
 * refused as a whole. Otherwise each line is checked on its own, and the lines of one dossier
 * against each other; a dossier with any malformed line is left out, with every problem
 * reported by line number, and the other dossiers are read.
 */
final class DossierExport {

    /** The columns every export must have; others are ignored. */
    static final List<String> COLUMNS = List.of(
            "numero_dossier", "nom_dossier", "qf", "mode_envoi_facture",
            "resp1_civilite", "resp1_prenom", "resp1_nom", "resp1_email",
            "resp1_tel_portable", "resp1_tel_fixe", "resp1_adresse",
            "resp2_civilite", "resp2_prenom", "resp2_nom", "resp2_email",
            "resp2_tel_portable", "resp2_adresse",
            "enfant_prenom", "enfant_nom", "enfant_date_naissance", "enfant_ecole", "enfant_classe",
            "inscriptions");

    private static final List<String> FAMILY_COLUMNS = COLUMNS.subList(0, COLUMNS.indexOf("enfant_prenom"));
    private static final List<String> RESP2_COLUMNS = COLUMNS.subList(COLUMNS.indexOf("resp2_civilite"),
                                                                      COLUMNS.indexOf("enfant_prenom"));
    private static final Pattern DOSSIER_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/_.-]{0,31}");
    private static final DateTimeFormatter FRENCH_DATE =
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final int MAX_FAMILY_QUOTIENT = 100_000;
    private static final int MAX_FIELD_LENGTH = 200;
    private static final int OLDEST_CHILD_YEARS = 25;
    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\t\\r\\n]]");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setDelimiter(';')
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_EMPTY)
            .get();

    /**
     * What the file holds.
     *
     * @param lines            data lines read
     * @param dossiers         one command per well-formed dossier, in the order of the file
     * @param rejectedDossiers dossiers left out because of a problem
     * @param problems         every problem found, by line
     */
    record Contents(
            int lines,
            List<ImportDossierCommand> dossiers,
            List<String> rejectedDossiers,
            List<ImportProblem> problems
    ) {
    }

    private final Set<String> knownServices;
    private final LocalDate today;

    DossierExport(Set<String> knownServices, LocalDate today) {
        this.knownServices = Set.copyOf(knownServices);
        this.today = today;
    }

    Contents read(byte[] file) {
        String text = stripByteOrderMark(decode(file));
        if (text.isBlank()) {
            throw RefusedException.invalid("IMPORT_FILE_EMPTY", "Le fichier est vide.");
        }

        LineNumbers lineNumbers = new LineNumbers(text);
        Map<String, List<Row>> rowsByDossier = new LinkedHashMap<>();
        List<ImportProblem> problems = new ArrayList<>();
        int lines = 0;
        try (CSVParser parser = parse(text)) {
            checkHeader(parser.getHeaderNames());
            for (CSVRecord record : parser) {
                lines++;
                Row row = readRow(record, lineNumbers.lineAt(record.getCharacterPosition()), problems);
                if (row != null) {
                    rowsByDossier.computeIfAbsent(row.dossierNumber(), number -> new ArrayList<>()).add(row);
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw RefusedException.invalid("IMPORT_MALFORMED_FILE",
                    "Le fichier est mal formé après la ligne " + (lines + 1)
                            + " (un guillemet n'est probablement pas fermé). Rien n'a été importé.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        return assemble(lines, rowsByDossier, problems);
    }

    private Contents assemble(int lines, Map<String, List<Row>> rowsByDossier, List<ImportProblem> problems) {
        List<ImportDossierCommand> dossiers = new ArrayList<>();
        Set<String> rejected = new LinkedHashSet<>();
        for (ImportProblem problem : problems) {
            if (problem.dossierNumber() != null) {
                rejected.add(problem.dossierNumber());
            }
        }
        for (List<Row> rows : rowsByDossier.values()) {
            List<ImportProblem> dossierProblems = checkConsistency(rows);
            problems.addAll(dossierProblems);
            String number = rows.get(0).dossierNumber();
            if (!dossierProblems.isEmpty() || rejected.contains(number)) {
                rejected.add(number);
                continue;
            }
            dossiers.add(new ImportDossierCommand(number, details(rows)));
        }
        problems.sort(Comparator.comparingInt(ImportProblem::line));
        return new Contents(lines, dossiers, List.copyOf(rejected), problems);
    }

    private static String decode(byte[] file) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file))
                    .toString();
        } catch (CharacterCodingException e) {
            throw RefusedException.invalid("IMPORT_NOT_UTF8",
                    "Le fichier n'est pas encodé en UTF-8. Exportez-le à nouveau en choisissant l'encodage UTF-8.");
        }
    }

    private static String stripByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static CSVParser parse(String text) throws IOException {
        try {
            return CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get();
        } catch (IllegalArgumentException e) {
            throw RefusedException.invalid("IMPORT_INVALID_HEADER",
                    "La première ligne du fichier doit porter les noms des colonnes, chacun une seule fois.");
        }
    }

    private static void checkHeader(List<String> header) {
        if (header.size() == 1 && header.get(0).matches(".*[,\\t|].*")) {
            throw RefusedException.invalid("IMPORT_WRONG_SEPARATOR",
                    "Les colonnes du fichier doivent être séparées par des points-virgules (;).");
        }
        List<String> missing = COLUMNS.stream().filter(column -> !header.contains(column)).toList();
        if (!missing.isEmpty()) {
            throw RefusedException.invalid("IMPORT_MISSING_COLUMNS",
                    "Il manque des colonnes au fichier : " + String.join(", ", missing) + ".");
        }
    }

    /** One line of the export, read and checked on its own; {@code null} when malformed. */
    private Row readRow(CSVRecord record, int line, List<ImportProblem> problems) {
        String number = record.isSet("numero_dossier") ? record.get("numero_dossier") : "";
        LineProblems found = new LineProblems(line, DOSSIER_NUMBER.matcher(number).matches() ? number : null);

        if (!record.isConsistent()) {
            found.add("INVALID_COLUMN_COUNT", "la ligne a " + record.size() + " colonnes au lieu de "
                    + record.getParser().getHeaderNames().size() + ".");
            problems.addAll(found.list());
            return null;
        }
        checkCharacters(record, found);
        if (!found.isEmpty()) {
            // A value with invisible characters would be quoted without them by the checks
            // below, and read as valid ("« 2015-00100 » n'est pas valide"): they wait for the fix.
            problems.addAll(found.list());
            return null;
        }
        if (number.isEmpty()) {
            found.add("DOSSIER_NUMBER_MISSING", "le numéro de dossier est vide.");
        } else if (found.dossierNumber() == null) {
            found.add("INVALID_DOSSIER_NUMBER",
                      "le numéro de dossier « " + Quoted.text(number) + " » n'est pas valide.");
        }
        if (record.get("nom_dossier").isEmpty()) {
            found.add("DOSSIER_NAME_MISSING", "le nom du dossier est vide.");
        }
        Integer familyQuotient = familyQuotient(record.get("qf"), found);
        InvoiceDeliveryMode mode = invoiceDeliveryMode(record.get("mode_envoi_facture"), found);
        Guardian first = guardian(record, "resp1", true, found);
        Guardian second = hasSecondGuardian(record) ? guardian(record, "resp2", false, found) : null;
        if (mode == InvoiceDeliveryMode.EMAIL && !hasEmail(first) && !hasEmail(second)) {
            found.add("INVOICE_EMAIL_WITHOUT_ADDRESS",
                    "les factures sont envoyées par e-mail, mais aucun responsable n'a d'adresse e-mail.");
        }
        Child child = child(record, number, found);

        if (!found.isEmpty()) {
            problems.addAll(found.list());
            return null;
        }
        List<Guardian> guardians = second == null ? List.of(first) : List.of(first, second);
        return new Row(line, number, record.get("nom_dossier"), familyQuotient, mode, guardians, child,
                       FAMILY_COLUMNS.stream().map(record::get).toList());
    }

    /** Names and addresses are shown to parents and staff: printable text of a sensible length. */
    private static void checkCharacters(CSVRecord record, LineProblems found) {
        for (String column : COLUMNS) {
            String value = record.get(column);
            if (value.length() > MAX_FIELD_LENGTH) {
                found.add("VALUE_TOO_LONG", "la colonne " + column + " dépasse " + MAX_FIELD_LENGTH + " caractères.");
            } else if (CONTROL_CHARACTERS.matcher(value).find()) {
                found.add("INVALID_CHARACTERS", "la colonne " + column + " contient des caractères invisibles.");
            }
        }
    }

    private static Integer familyQuotient(String value, LineProblems found) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            int quotient = Integer.parseInt(value);
            if (quotient >= 0 && quotient <= MAX_FAMILY_QUOTIENT) {
                return quotient;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        found.add("INVALID_FAMILY_QUOTIENT", "le quotient familial « " + Quoted.text(value)
                + " » n'est pas un nombre entier d'euros (laisser vide s'il n'est pas encore calculé).");
        return null;
    }

    private static InvoiceDeliveryMode invoiceDeliveryMode(String value, LineProblems found) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "email", "e-mail", "mail" -> InvoiceDeliveryMode.EMAIL;
            case "papier" -> InvoiceDeliveryMode.PAPER;
            default -> {
                found.add("INVALID_INVOICE_DELIVERY_MODE",
                        "le mode d'envoi des factures doit être « email » ou « papier ».");
                yield null;
            }
        };
    }

    private static boolean hasSecondGuardian(CSVRecord record) {
        return RESP2_COLUMNS.stream().anyMatch(column -> !record.get(column).isEmpty());
    }

    private static Guardian guardian(CSVRecord record, String prefix, boolean first, LineProblems found) {
        String which = first ? "du premier responsable" : "du second responsable";
        String firstName = record.get(prefix + "_prenom");
        String lastName = record.get(prefix + "_nom");
        if (firstName.isEmpty() || lastName.isEmpty()) {
            found.add("GUARDIAN_NAME_MISSING", "le prénom ou le nom " + which + " est vide.");
        }
        String email = record.get(prefix + "_email");
        if (!email.isEmpty() && !EmailValidator.getInstance().isValid(email)) {
            found.add("INVALID_EMAIL",
                      "l'adresse e-mail " + which + " « " + Quoted.text(email) + " » n'est pas valide.");
        }
        return new Guardian(
                emptyToNull(record.get(prefix + "_civilite")),
                firstName,
                lastName,
                emptyToNull(email.toLowerCase(Locale.ROOT)),
                phone(record, prefix + "_tel_portable", "le téléphone portable " + which, found),
                phone(record, prefix + "_tel_fixe", "le téléphone fixe " + which, found),
                emptyToNull(record.get(prefix + "_adresse")));
    }

    /** The number of the column in E.164; none when the column is empty or absent, a problem when unreadable. */
    private static String phone(CSVRecord record, String column, String what, LineProblems found) {
        String typed = record.isMapped(column) ? emptyToNull(record.get(column)) : null;
        if (typed == null) {
            return null;
        }
        return PhoneNumbers.e164(typed).orElseGet(() -> {
            found.add("INVALID_PHONE", what + " « " + Quoted.text(typed) + " » n'est pas un numéro de téléphone.");
            return null;
        });
    }

    private Child child(CSVRecord record, String dossierNumber, LineProblems found) {
        String firstName = record.get("enfant_prenom");
        String lastName = record.get("enfant_nom");
        if (firstName.isEmpty() || lastName.isEmpty()) {
            found.add("CHILD_NAME_MISSING", "le prénom ou le nom de l'enfant est vide.");
        }
        LocalDate birthDate = birthDate(record.get("enfant_date_naissance"), found);
        String childId = birthDate == null ? null : childId(dossierNumber, firstName, birthDate);
        return new Child(childId, firstName, lastName, birthDate,
                         emptyToNull(record.get("enfant_ecole")),
                         emptyToNull(record.get("enfant_classe")),
                         enrolments(record.get("inscriptions"), found));
    }

    /**
     * Readable and stable: the same child gets the same id at every import, whatever the line
     * order. Letters of every script are kept, accents and punctuation are not, so that
     * {@code Léa} and {@code Lea} born the same day are one child typed twice.
     */
    static String childId(String dossierNumber, String firstName, LocalDate birthDate) {
        String name = Normalizer.normalize(firstName, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", "-")
                .replaceAll("(^-|-$)", "");
        return dossierNumber + "-" + name + "-" + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    private LocalDate birthDate(String value, LineProblems found) {
        try {
            LocalDate date = LocalDate.parse(value, FRENCH_DATE);
            if (!date.isAfter(today) && date.isAfter(today.minusYears(OLDEST_CHILD_YEARS))) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        found.add("INVALID_BIRTH_DATE", "la date de naissance « " + Quoted.text(value)
                + " » n'est pas une date des " + OLDEST_CHILD_YEARS + " dernières années au format jj/mm/aaaa.");
        return null;
    }

    private List<String> enrolments(String value, LineProblems found) {
        Set<String> codes = new TreeSet<>();
        for (String part : value.split("\\|")) {
            String code = part.trim().toUpperCase(Locale.ROOT);
            if (code.isEmpty()) {
                continue;
            }
            if (!knownServices.contains(code)) {
                found.add("UNKNOWN_SERVICE", "le service « " + Quoted.text(part)
                        + " » n'existe pas (services connus : "
                        + String.join(", ", knownServices.stream().sorted().toList()) + ").");
                continue;
            }
            codes.add(code);
        }
        return List.copyOf(codes);
    }

    /** The lines of one dossier must agree on the family and name each child once. */
    private static List<ImportProblem> checkConsistency(List<Row> rows) {
        List<ImportProblem> problems = new ArrayList<>();
        Row first = rows.get(0);
        Set<String> children = new LinkedHashSet<>();
        for (Row row : rows) {
            if (!row.familyColumns().equals(first.familyColumns())) {
                problems.add(new ImportProblem(row.line(), row.dossierNumber(), "INCONSISTENT_FAMILY",
                        "Ligne " + row.line() + " : les informations de la famille diffèrent de celles de la ligne "
                                + first.line() + " pour le même dossier."));
            }
            if (!children.add(row.child().childId())) {
                problems.add(new ImportProblem(row.line(), row.dossierNumber(), "DUPLICATE_CHILD",
                        "Ligne " + row.line() + " : l'enfant " + row.child().firstName()
                                + " figure déjà dans ce dossier."));
            }
        }
        return problems;
    }

    private static DossierDetails details(List<Row> rows) {
        Row first = rows.get(0);
        List<Child> children = rows.stream()
                .map(Row::child)
                .sorted(Comparator.comparing(Child::birthDate).thenComparing(Child::firstName))
                .toList();
        return new DossierDetails(first.dossierName(), first.familyQuotient(), first.invoiceDeliveryMode(),
                                  first.guardians(), children);
    }

    private static boolean hasEmail(Guardian guardian) {
        return guardian != null && guardian.email() != null;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** The line on which a record starts, the header being line 1, blank lines counted. */
    private static final class LineNumbers {

        private final List<Integer> lineStarts = new ArrayList<>();

        LineNumbers(String text) {
            lineStarts.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    lineStarts.add(i + 1);
                }
            }
        }

        int lineAt(long characterPosition) {
            int index = Collections.binarySearch(lineStarts, (int) characterPosition);
            return (index >= 0 ? index : -index - 2) + 1;
        }
    }

    private record Row(
            int line,
            String dossierNumber,
            String dossierName,
            Integer familyQuotient,
            InvoiceDeliveryMode invoiceDeliveryMode,
            List<Guardian> guardians,
            Child child,
            List<String> familyColumns
    ) {
    }

    /** The problems of one line, each message prefixed with the line number. */
    private static final class LineProblems {

        private final int line;
        private final String dossierNumber;
        private final List<ImportProblem> problems = new ArrayList<>();

        LineProblems(int line, String dossierNumber) {
            this.line = line;
            this.dossierNumber = dossierNumber;
        }

        void add(String code, String reason) {
            problems.add(new ImportProblem(line, dossierNumber, code, "Ligne " + line + " : " + reason));
        }

        String dossierNumber() {
            return dossierNumber;
        }

        boolean isEmpty() {
            return problems.isEmpty();
        }

        List<ImportProblem> list() {
            return problems;
        }
    }
}
