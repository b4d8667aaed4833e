package fr.espacefamille.command.dossier;

import fr.espacefamille.events.RefusedException;
import fr.espacefamille.events.dossier.DossierDocument;
import fr.espacefamille.platform.security.Caller;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.security.Principal;

/** Staff upload a PDF to a dossier: a form with the {@code file} and an optional {@code title}. */
@RestController
@RequestMapping("/api/staff/dossiers/{dossierNumber}/documents")
class StaffDocumentController {

    private final DossierDocuments documents;

    StaffDocumentController(DossierDocuments documents) {
        this.documents = documents;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<DossierDocument> upload(@PathVariable String dossierNumber,
                                 @RequestHeader HttpHeaders headers,
                                 @RequestPart(value = "file", required = false) Mono<FilePart> file,
                                 @RequestPart(value = "title", required = false) Mono<FormFieldPart> title,
                                 Principal principal) {
        if (headers.getContentLength() > DossierDocuments.MAX_SIZE + 64 * 1024) {
            throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE);
        }
        String author = Caller.author(principal);
        Mono<String> titleText = title.map(FormFieldPart::value).defaultIfEmpty("");
        return file.switchIfEmpty(Mono.error(() -> RefusedException.invalid("DOCUMENT_MISSING",
                        "Joignez le document PDF à publier.")))
                .flatMap(part -> DataBufferUtils.join(part.content(), DossierDocuments.MAX_SIZE)
                        .map(buffer -> {
                            byte[] bytes = new byte[buffer.readableByteCount()];
                            buffer.read(bytes);
                            DataBufferUtils.release(buffer);
                            return bytes;
                        })
                        .defaultIfEmpty(new byte[0])
                        .zipWith(titleText)
                        .publishOn(Schedulers.boundedElastic())
                        .map(content -> documents.publish(dossierNumber, content.getT2(), part.filename(),
                                                          content.getT1(), author)));
    }
}
