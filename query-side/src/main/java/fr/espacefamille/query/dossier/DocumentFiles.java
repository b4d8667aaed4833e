package fr.espacefamille.query.dossier;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.model.Filters;
import fr.espacefamille.events.RefusedException;
import org.bson.BsonString;
import org.bson.Document;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;

/**
 * Serves the PDFs that staff stored in GridFS (bucket {@code documents}, written by the command
 * side), each only under the dossier it was published for: a document id of another dossier
 * reads as unknown.
 */
@Component
class DocumentFiles {

    /** The GridFS bucket the command side stores the documents in. */
    private static final String BUCKET = "documents";

    private final GridFSBucket bucket;

    DocumentFiles(MongoDatabase database) {
        this.bucket = GridFSBuckets.create(database, BUCKET);
    }

    ResponseEntity<byte[]> download(String dossierNumber, String documentId) {
        GridFSFile file = bucket.find(Filters.eq("_id", new BsonString(documentId))).first();
        if (file == null || !isOf(file, dossierNumber)) {
            throw RefusedException.notFound("DOCUMENT_NOT_FOUND", "Ce document n'existe pas ou n'est plus disponible.");
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream((int) file.getLength());
        bucket.downloadToStream(file.getId(), content);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, AttachmentDisposition.of(file.getFilename()))
                .header("X-Content-Type-Options", "nosniff")
                .body(content.toByteArray());
    }

    private static boolean isOf(GridFSFile file, String dossierNumber) {
        Document metadata = file.getMetadata();
        return metadata != null && dossierNumber.equals(metadata.getString("dossierNumber"));
    }
}
