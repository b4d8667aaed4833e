package fr.espacefamille.command.dossier;

import fr.espacefamille.events.RefusedException;
import fr.espacefamille.events.dossier.DossierImportReport;
import fr.espacefamille.platform.security.Caller;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.Part;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.ByteArrayOutputStream;
import java.security.Principal;

/**
 * Staff upload the town's dossier export here, as a form's {@code file} field (a file, or its
 * text as the field's value) or as the raw body ({@code text/csv}). The answer lists what was
 * imported and every malformed line. The staff member who imports is the author of the events.
 */
@RestController
@RequestMapping("/api/staff/dossiers/import")
class DossierImportController {

    private final DossierImport dossierImport;
    private final DossierImportProperties properties;

    DossierImportController(DossierImport dossierImport, DossierImportProperties properties) {
        this.dossierImport = dossierImport;
        this.properties = properties;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<DossierImportReport> importForm(@RequestHeader HttpHeaders headers,
                                         @RequestPart(value = "file", required = false) Mono<Part> file,
                                         Principal principal) {
        refuseIfTooLarge(headers);
        return file.switchIfEmpty(Mono.error(() -> RefusedException.invalid("IMPORT_FILE_MISSING",
                                                        "Joignez le fichier d'export des dossiers.")))
                   .flatMap(part -> importContent(part.content(), Caller.author(principal)));
    }

    @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    Mono<DossierImportReport> importBody(@RequestHeader HttpHeaders headers,
                                         @RequestBody(required = false) Flux<DataBuffer> body,
                                         Principal principal) {
        refuseIfTooLarge(headers);
        return importContent(body == null ? Flux.empty() : body, Caller.author(principal));
    }

    /** Refuses a declared size over the limit before reading anything; the limit on reading catches the rest. */
    private void refuseIfTooLarge(HttpHeaders headers) {
        if (headers.getContentLength() > properties.maxFileSize()) {
            throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE);
        }
    }

    private Mono<DossierImportReport> importContent(Flux<DataBuffer> content, String author) {
        int limit = properties.maxFileSize();
        return content.collect(() -> new BoundedBytes(limit), BoundedBytes::add)
                .flatMap(BoundedBytes::bytes)
                .publishOn(Schedulers.boundedElastic())
                .map(file -> dossierImport.importFile(file, author));
    }

    /**
     * Copies the body up to a limit and releases every buffer as it comes. Past the limit it
     * keeps reading, so that the client gets its answer, but stores nothing more.
     */
    private static final class BoundedBytes {

        private final int limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private boolean tooLarge;

        BoundedBytes(int limit) {
            this.limit = limit;
        }

        void add(DataBuffer buffer) {
            try {
                int readable = buffer.readableByteCount();
                tooLarge = tooLarge || bytes.size() + (long) readable > limit;
                if (!tooLarge) {
                    byte[] chunk = new byte[readable];
                    buffer.read(chunk);
                    bytes.writeBytes(chunk);
                }
            } finally {
                DataBufferUtils.release(buffer);
            }
        }

        Mono<byte[]> bytes() {
            return tooLarge ? Mono.error(new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE))
                            : Mono.just(bytes.toByteArray());
        }
    }
}
