package fr.espacefamille.launcher.portal;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff make a PDF available to a family; the family lists and downloads it, and no one else. */
class DossierDocumentsTest extends PortalTest {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MongoDatabase database;

    @Test
    void staffUploadAPdfThatTheParentListsAndDownloads() {
        Browser parent = activatedParent("sandrine.fournier", "sandrine.fournier@example.org", "2016-00803",
                                         "fournier");

        String documentId = upload(staff(), "2016-00803", "Attestation CAF été 2026.pdf", PDF)
                .expectStatus().isCreated()
                .expectBody(DocumentAnswer.class).returnResult().getResponseBody().documentId();

        eventually(() -> parent.get("/api/family/dossiers/2016-00803").expectStatus().isOk().expectBody()
                .jsonPath("$.documents[0].documentId").isEqualTo(documentId)
                .jsonPath("$.documents[0].title").isEqualTo("Attestation CAF été 2026")
                .jsonPath("$.history[-1].author").isEqualTo("staff:" + STAFF_USERNAME));
        byte[] downloaded = parent.get("/api/family/dossiers/2016-00803/documents/" + documentId)
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectHeader().valueEquals("Content-Disposition",
                                            "attachment; filename=\"Attestation CAF ete 2026.pdf\"; "
                                            + "filename*=UTF-8''Attestation%20CAF%20%C3%A9t%C3%A9%202026.pdf")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(downloaded).isEqualTo(PDF);
    }

    @Test
    void aDocumentOfAnotherDossierCannotBeReachedThroughOnesOwn() {
        Browser parent = activatedParent("helene.morel", "helene.morel@example.org", "2017-00840", "Morel");
        String elsewhere = upload(staff(), "2018-00877", "Facture.pdf", PDF).expectStatus().isCreated()
                .expectBody(DocumentAnswer.class).returnResult().getResponseBody().documentId();

        assertRefused(parent.get("/api/family/dossiers/2017-00840/documents/" + elsewhere), 404, "DOCUMENT_NOT_FOUND");
        assertRefused(parent.get("/api/family/dossiers/2018-00877/documents/" + elsewhere), 403, "DOSSIER_NOT_LINKED");
    }

    @Test
    void onlyAPdfToAKnownDossierIsAccepted() {
        Browser staff = staff();

        assertRefused(upload(staff, "2017-00840", "virus.pdf", "MZ not a pdf".getBytes(StandardCharsets.US_ASCII)),
                      400, "DOCUMENT_NOT_PDF");
        assertRefused(upload(staff, "2099-00000", "Facture.pdf", PDF), 404, "DOSSIER_NOT_FOUND");
    }

    @Test
    void aTitleThatWouldNotReadAsTypedIsRefusedAndNothingIsStored() {
        Browser staff = staff();

        assertRefused(upload(staff, "2015-00766", "Attestation.pdf", "Attestation " + "é".repeat(109), PDF),
                      400, "DOCUMENT_TITLE_TOO_LONG");
        for (String title : List.of("Facture\u202Efdp.exe", "Facture\u200B2026", "Facture\u0007",
                                    "Facture\nde juin", "Facture\uE000")) {
            assertRefused(upload(staff, "2015-00766", "Facture.pdf", title, PDF), 400, "DOCUMENT_TITLE_INVALID");
        }
        String title = "Attestation " + "\uD83C\uDF92".repeat(108);
        String documentId = upload(staff, "2015-00766", "Attestation.pdf", title, PDF)
                .expectStatus().isCreated()
                .expectBody(DocumentAnswer.class).returnResult().getResponseBody().documentId();

        eventually(() -> staff.get("/api/staff/dossiers/2015-00766").expectStatus().isOk().expectBody()
                .jsonPath("$.documents.length()").isEqualTo(1)
                .jsonPath("$.documents[0].documentId").isEqualTo(documentId)
                .jsonPath("$.documents[0].title").isEqualTo(title));
        assertThat(storedFilesOf("2015-00766")).isEqualTo(1);
    }

    @Test
    void withoutATitleTheFileNameIsTheTitleWithoutWhatNoOneSees() {
        String sent = "C:\\Bureau\\Relevé\u200B de présence\u202E.pdf";

        DocumentAnswer answer = upload(staff(), "2016-01136", sent, "  ", PDF)
                .expectStatus().isCreated()
                .expectBody(DocumentAnswer.class).returnResult().getResponseBody();

        assertThat(answer.title()).isEqualTo("Relevé de présence");
        assertThat(answer.fileName()).isEqualTo("Relevé de présence.pdf");
    }

    private long storedFilesOf(String dossierNumber) {
        return database.getCollection("documents.files")
                .countDocuments(Filters.eq("metadata.dossierNumber", dossierNumber));
    }

    private static org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec upload(
            Browser staff, String dossierNumber, String fileName, byte[] content) {
        return upload(staff, dossierNumber, fileName, null, content);
    }

    private static org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec upload(
            Browser staff, String dossierNumber, String fileName, String title, byte[] content) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        if (title != null) {
            form.part("title", title);
        }
        form.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }).contentType(MediaType.APPLICATION_PDF);
        return staff.client().post().uri("/api/staff/dossiers/" + dossierNumber + "/documents")
                .body(BodyInserters.fromMultipartData(form.build()))
                .exchange();
    }

    record DocumentAnswer(String documentId, String title, String fileName, long size) {
    }
}
