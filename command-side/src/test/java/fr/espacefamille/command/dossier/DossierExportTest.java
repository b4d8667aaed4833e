package fr.espacefamille.command.dossier;

import fr.espacefamille.events.RefusedException;
import fr.espacefamille.events.dossier.Child;
import fr.espacefamille.events.dossier.DossierDetails;
import fr.espacefamille.events.dossier.ImportDossierCommand;
import fr.espacefamille.events.dossier.ImportProblem;
import fr.espacefamille.events.dossier.InvoiceDeliveryMode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading the town's dossier export: the real file, malformed lines, and files refused whole. */
class DossierExportTest {

    private static final Path TOWN_EXPORT = Path.of("../launcher/src/main/resources/demo/dossiers-saint-just.csv");
    private static final LocalDate TODAY = LocalDate.of(2026, 9, 1);

    private final DossierExport export = new DossierExport(
            Set.of("RESTAURATION", "ACCUEIL_MATIN", "ACCUEIL_SOIR", "TAP", "MERCREDI"), TODAY);

    @Test
    void readsEveryDossierAndEveryChildOfTheTownsExport() throws IOException {
        DossierExport.Contents contents = export.read(Files.readAllBytes(TOWN_EXPORT));

        assertThat(contents.problems()).isEmpty();
        assertThat(contents.lines()).isEqualTo(62);
        assertThat(contents.dossiers()).hasSize(40);
        assertThat(contents.dossiers().stream().mapToInt(dossier -> dossier.details().children().size()).sum())
                .isEqualTo(62);
    }

    @Test
    void gathersTheLinesOfOneFamilyIntoOneDossierEldestChildFirst() throws IOException {
        DossierDetails martin = dossier(export.read(Files.readAllBytes(TOWN_EXPORT)), "2015-00100");

        assertThat(martin.dossierName()).isEqualTo("MARTIN");
        assertThat(martin.familyQuotient()).isEqualTo(790);
        assertThat(martin.invoiceDeliveryMode()).isEqualTo(InvoiceDeliveryMode.EMAIL);
        assertThat(martin.guardians()).extracting(guardian -> guardian.firstName() + " " + guardian.email())
                .containsExactly("Fatima fatima.martin@example.org", "Jérôme jerome.martin@example.net");
        assertThat(martin.children()).extracting(Child::firstName).containsExactly("Louis", "Jade", "Élodie");
        Child elodie = martin.children().get(2);
        assertThat(elodie.childId()).isEqualTo("2015-00100-elodie-20201011");
        assertThat(elodie.birthDate()).isEqualTo(LocalDate.of(2020, 10, 11));
        assertThat(elodie.schoolClass()).isEqualTo("CP");
        assertThat(elodie.enrolments()).containsExactly("ACCUEIL_SOIR", "RESTAURATION");
    }

    @Test
    void keepsWhatTheExportLeavesEmptyAsAbsent() throws IOException {
        DossierExport.Contents contents = export.read(Files.readAllBytes(TOWN_EXPORT));

        DossierDetails notYetAssessed = dossier(contents, "2017-00507");
        assertThat(notYetAssessed.familyQuotient()).isNull();
        DossierDetails paper = dossier(contents, "2019-00914");
        assertThat(paper.invoiceDeliveryMode()).isEqualTo(InvoiceDeliveryMode.PAPER);
        assertThat(paper.guardians()).allSatisfy(guardian -> assertThat(guardian.email()).isNull());
    }

    @Test
    void readsTheSameFileWithoutByteOrderMarkAndWithUnixLineEnds() throws IOException {
        String text = Files.readString(TOWN_EXPORT, StandardCharsets.UTF_8).replace("\uFEFF", "").replace("\r\n", "\n");

        DossierExport.Contents contents = export.read(text.getBytes(StandardCharsets.UTF_8));

        assertThat(contents.problems()).isEmpty();
        assertThat(contents.dossiers()).isEqualTo(export.read(Files.readAllBytes(TOWN_EXPORT)).dossiers());
    }

    @Test
    void aMalformedLineLeavesOnlyItsOwnDossierOutAndSaysWhereAndWhy() {
        String file = csv(
                row("D-1", Map.of("enfant_prenom", "Louis")),
                row("D-1", Map.of("enfant_prenom", "Jade", "enfant_date_naissance", "31/02/2019")),
                row("D-2", Map.of()),
                row("D-3", Map.of("inscriptions", "RESTAURATION|PISCINE")));

        DossierExport.Contents contents = export.read(bytes(file));

        assertThat(contents.dossiers()).extracting(ImportDossierCommand::dossierNumber).containsExactly("D-2");
        assertThat(contents.rejectedDossiers()).containsExactly("D-1", "D-3");
        assertThat(contents.problems()).extracting(ImportProblem::line, ImportProblem::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "INVALID_BIRTH_DATE"),
                org.assertj.core.groups.Tuple.tuple(5, "UNKNOWN_SERVICE"));
        assertThat(contents.problems().get(0).message()).startsWith("Ligne 3 : ").contains("31/02/2019");
    }

    @Test
    void reportsEveryKindOfMalformedLine() {
        String file = csv(
                row("D-1", Map.of("nom_dossier", "")),
                row("D-2", Map.of("qf", "beaucoup")),
                row("D-3", Map.of("mode_envoi_facture", "pigeon")),
                row("D-4", Map.of("resp1_prenom", "")),
                row("D-5", Map.of("resp1_email", "fatima.martin@")),
                row("D-6", Map.of("resp2_prenom", "", "resp2_email", "paul@example.org")),
                row("D-7", Map.of("enfant_nom", "")),
                row("D-8", Map.of("enfant_date_naissance", "2019-04-05")),
                row("D-9", Map.of("enfant_date_naissance", "01/01/2030")),
                row("D 10", Map.of()),
                row("", Map.of()),
                row("D-12", Map.of("resp1_email", "", "resp2_civilite", "", "resp2_prenom", "", "resp2_nom", "")),
                row("D-13", Map.of("resp1_tel_portable", "06 00")),
                row("D-14", Map.of("resp1_tel_fixe", "04 67 41 00 19 00")));

        DossierExport.Contents contents = export.read(bytes(file));

        assertThat(contents.dossiers()).isEmpty();
        assertThat(contents.problems()).extracting(ImportProblem::code).containsExactly(
                "DOSSIER_NAME_MISSING", "INVALID_FAMILY_QUOTIENT", "INVALID_INVOICE_DELIVERY_MODE",
                "GUARDIAN_NAME_MISSING", "INVALID_EMAIL", "GUARDIAN_NAME_MISSING", "CHILD_NAME_MISSING",
                "INVALID_BIRTH_DATE", "INVALID_BIRTH_DATE", "INVALID_DOSSIER_NUMBER", "DOSSIER_NUMBER_MISSING",
                "INVOICE_EMAIL_WITHOUT_ADDRESS", "INVALID_PHONE", "INVALID_PHONE");
        assertThat(contents.problems()).extracting(ImportProblem::line)
                .containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        assertThat(contents.problems().get(12).message())
                .isEqualTo("Ligne 14 : le téléphone portable du premier responsable « 06 00 » n'est pas un numéro "
                                   + "de téléphone.");
        assertThat(contents.problems().get(13).message()).contains("téléphone fixe du premier responsable",
                                                                     "« 04 67 41 00 19 00 »");
    }

    @Test
    void aValueWithInvisibleCharactersIsReportedForThemAloneAndNothingQuotesItWithoutThem() {
        String file = csv(row("2015-00100\u200b", Map.of()),
                          row("D-2", Map.of("qf", "beau\u202ecoup", "inscriptions", "RESTAURATION\u00ad")),
                          row("D-3", Map.of("resp1_email", "fatima\u200d@")));

        DossierExport.Contents contents = export.read(bytes(file));

        assertThat(contents.problems()).extracting(ImportProblem::message).containsExactly(
                "Ligne 2 : la colonne numero_dossier contient des caractères invisibles.",
                "Ligne 3 : la colonne qf contient des caractères invisibles.",
                "Ligne 3 : la colonne inscriptions contient des caractères invisibles.",
                "Ligne 4 : la colonne resp1_email contient des caractères invisibles.");
    }


    @Test
    void linesOfOneDossierMustAgreeOnTheFamilyAndNameEachChildOnce() {
        String file = csv(
                row("D-1", Map.of("enfant_prenom", "Louis")),
                row("D-1", Map.of("enfant_prenom", "Jade", "qf", "812")),
                row("D-2", Map.of("enfant_prenom", "Adam")),
                row("D-2", Map.of("enfant_prenom", "ADAM")));

        DossierExport.Contents contents = export.read(bytes(file));

        assertThat(contents.dossiers()).isEmpty();
        assertThat(contents.problems()).extracting(ImportProblem::line, ImportProblem::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "INCONSISTENT_FAMILY"),
                org.assertj.core.groups.Tuple.tuple(5, "DUPLICATE_CHILD"));
    }

    @Test
    void aLineWithTooFewColumnsIsReported() {
        String file = csv(row("D-1", Map.of())) + "D-2;DURAND;700\r\n";

        DossierExport.Contents contents = export.read(bytes(file));

        assertThat(contents.dossiers()).extracting(ImportDossierCommand::dossierNumber).containsExactly("D-1");
        assertThat(contents.problems()).extracting(ImportProblem::line, ImportProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "INVALID_COLUMN_COUNT"));
    }

    @Test
    void numbersLinesAsAnEditorShowsThemBlankLinesAndLineBreaksInQuotesIncluded() {
        String file = csv(row("D-1", Map.of()))
                + "\r\n\r\n"
                + String.join(";", row("D-2", Map.of("resp1_adresse", "\"3 rue des Écoles\r\n34400 Saint-Just\"")))
                + "\r\n"
                + String.join(";", row("D-3", Map.of("qf", "beaucoup"))) + "\r\n";

        DossierExport.Contents contents = export.read(bytes(file));

        assertThat(contents.dossiers()).extracting(ImportDossierCommand::dossierNumber).containsExactly("D-1", "D-2");
        assertThat(contents.problems()).extracting(ImportProblem::line).containsExactly(7);
    }

    @Test
    void acceptsASemicolonAtTheEndOfEveryLine() {
        String file = csv(row("D-1", Map.of())).replace("\r\n", ";\r\n");

        assertThat(export.read(bytes(file)).dossiers()).hasSize(1);
    }

    @Test
    void refusesPrintingTricksAndImplausibleValues() {
        String file = csv(
                row("D-1", Map.of("enfant_prenom", "Lé\u0000a")),
                row("D-2", Map.of("resp1_nom", "DURAND\u202E")),
                row("D-3", Map.of("nom_dossier", "D".repeat(201))),
                row("D-4", Map.of("enfant_date_naissance", "01/01/1900")));

        DossierExport.Contents contents = export.read(bytes(file));

        assertThat(contents.dossiers()).isEmpty();
        assertThat(contents.problems()).extracting(ImportProblem::code)
                .containsExactly("INVALID_CHARACTERS", "INVALID_CHARACTERS", "VALUE_TOO_LONG", "INVALID_BIRTH_DATE");
    }

    @Test
    void twinsWithNamesInAnyScriptAreTwoChildren() {
        String file = csv(
                row("D-1", Map.of("enfant_prenom", "محمد", "enfant_date_naissance", "05/04/2019")),
                row("D-1", Map.of("enfant_prenom", "علي", "enfant_date_naissance", "05/04/2019")),
                row("D-2", Map.of("enfant_prenom", "王芳", "enfant_date_naissance", "05/04/2019")),
                row("D-2", Map.of("enfant_prenom", "李娜", "enfant_date_naissance", "05/04/2019")));

        DossierExport.Contents contents = export.read(bytes(file));

        assertThat(contents.problems()).isEmpty();
        assertThat(contents.dossiers()).flatExtracting(dossier -> dossier.details().children())
                .extracting(Child::childId).doesNotHaveDuplicates().hasSize(4);
    }

    @Test
    void enrolmentsInAnotherOrderAreTheSameEnrolments() {
        DossierExport.Contents first = export.read(bytes(csv(row("D-1", Map.of("inscriptions", "TAP|RESTAURATION")))));
        DossierExport.Contents second = export.read(bytes(csv(row("D-1", Map.of("inscriptions", "RESTAURATION|TAP")))));

        assertThat(first.dossiers()).isEqualTo(second.dossiers());
    }

    @Test
    void refusesAFileItCannotRead() {
        assertRefused(new byte[0], "IMPORT_FILE_EMPTY");
        assertRefused(bytes("\uFEFF\r\n"), "IMPORT_FILE_EMPTY");
        assertRefused(new byte[]{'n', 'u', (byte) 0xe9, 'r', 'o'}, "IMPORT_NOT_UTF8");
        assertRefused(bytes("numero_dossier,nom_dossier\r\n1,MARTIN\r\n"), "IMPORT_WRONG_SEPARATOR");
        assertRefused(bytes("numero_dossier\tnom_dossier\r\n1\tMARTIN\r\n"), "IMPORT_WRONG_SEPARATOR");
        assertRefused(bytes("numero_dossier;nom_dossier\r\n1;MARTIN\r\n"), "IMPORT_MISSING_COLUMNS");
        assertRefused(bytes(csv(row("D-1", Map.of())).replaceFirst("\r\n", ";qf\r\n")), "IMPORT_INVALID_HEADER");
        assertRefused(bytes(csv(row("D-1", Map.of("nom_dossier", "\"MARTIN")))), "IMPORT_MALFORMED_FILE");
    }

    private void assertRefused(byte[] file, String code) {
        assertThatThrownBy(() -> export.read(file))
                .isInstanceOfSatisfying(RefusedException.class, refused -> assertThat(refused.code()).isEqualTo(code));
    }

    private static DossierDetails dossier(DossierExport.Contents contents, String number) {
        return contents.dossiers().stream()
                .filter(dossier -> dossier.dossierNumber().equals(number))
                .findFirst().orElseThrow().details();
    }

    /** A well-formed line of the export for the given dossier, with some columns replaced. */
    private static List<String> row(String dossierNumber, Map<String, String> changes) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("numero_dossier", dossierNumber);
        values.put("nom_dossier", "DURAND");
        values.put("qf", "700");
        values.put("mode_envoi_facture", "email");
        values.put("resp1_civilite", "Mme");
        values.put("resp1_prenom", "Claire");
        values.put("resp1_nom", "DURAND");
        values.put("resp1_email", "claire.durand@example.org");
        values.put("resp1_tel_portable", "06 12 34 56 78");
        values.put("resp1_tel_fixe", "");
        values.put("resp1_adresse", "3 rue des Écoles, 34400 Saint-Just");
        values.put("resp2_civilite", "M.");
        values.put("resp2_prenom", "Paul");
        values.put("resp2_nom", "DURAND");
        values.put("resp2_email", "");
        values.put("resp2_tel_portable", "");
        values.put("resp2_adresse", "");
        values.put("enfant_prenom", "Léa");
        values.put("enfant_nom", "DURAND");
        values.put("enfant_date_naissance", "05/04/2019");
        values.put("enfant_ecole", "Élémentaire Font de l'Aube");
        values.put("enfant_classe", "CE1");
        values.put("inscriptions", "RESTAURATION|ACCUEIL_SOIR");
        values.putAll(changes);
        return new ArrayList<>(values.values());
    }

    @SafeVarargs
    private static String csv(List<String>... rows) {
        StringBuilder file = new StringBuilder("\uFEFF").append(String.join(";", DossierExport.COLUMNS)).append("\r\n");
        for (List<String> row : rows) {
            file.append(String.join(";", row)).append("\r\n");
        }
        return file.toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
