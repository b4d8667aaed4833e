package fr.espacefamille.command.dossier;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import fr.espacefamille.events.Audit;
import fr.espacefamille.events.RefusedException;
import fr.espacefamille.events.dossier.DossierDocument;
import fr.espacefamille.events.dossier.PublishDocumentCommand;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.bson.BsonString;
import org.bson.Document;
import org.springframework.stereotype.Service;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * Documents staff make available to a family: PDFs in GridFS ({@code documents} bucket), with
 * the dossier number in their metadata, then published on the dossier. The title is checked
 * before anything is stored; a refused publication removes the stored file again.
 */
@Service
public class DossierDocuments {

    /** The GridFS bucket, shared with the query side that serves the downloads. */
    public static final String BUCKET = "documents";
    static final int MAX_SIZE = 10 * 1024 * 1024;
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final GridFSBucket bucket;
    private final CommandGateway commandGateway;

    DossierDocuments(MongoDatabase database, CommandGateway commandGateway) {
        this.bucket = GridFSBuckets.create(database, BUCKET);
        this.commandGateway = commandGateway;
    }

    DossierDocument publish(String dossierNumber, String typedTitle, String sentFileName, byte[] content,
                            String author) {
        if (content.length == 0 || !isPdf(content)) {
            throw RefusedException.invalid("DOCUMENT_NOT_PDF", "Le document doit être un fichier PDF.");
        }
        String fileName = DocumentNames.fileName(sentFileName);
        DossierDocument document = new DossierDocument(UUID.randomUUID().toString(),
                                                       DocumentNames.title(typedTitle, fileName), fileName,
                                                       content.length);
        bucket.uploadFromStream(new BsonString(document.documentId()), document.fileName(),
                                new ByteArrayInputStream(content),
                                new GridFSUploadOptions().metadata(new Document("dossierNumber", dossierNumber)
                                                                           .append("contentType", "application/pdf")));
        try {
            var command = new PublishDocumentCommand(dossierNumber, document);
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                                               .andMetaData(MetaData.with(Audit.AUTHOR, author)));
        } catch (AggregateNotFoundException e) {
            bucket.delete(new BsonString(document.documentId()));
            throw RefusedException.notFound("DOSSIER_NOT_FOUND", "Aucun dossier ne porte ce numéro.");
        } catch (RuntimeException e) {
            bucket.delete(new BsonString(document.documentId()));
            throw e;
        }
        return document;
    }

    private static boolean isPdf(byte[] content) {
        return content.length >= PDF_MAGIC.length
                && Arrays.equals(Arrays.copyOf(content, PDF_MAGIC.length), PDF_MAGIC);
    }
}
