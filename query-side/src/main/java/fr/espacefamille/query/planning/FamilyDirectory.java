package fr.espacefamille.query.planning;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import fr.espacefamille.events.RefusedException;
import fr.espacefamille.events.dossier.Child;
import fr.espacefamille.events.dossier.DossierDetails;
import fr.espacefamille.events.dossier.DossierDetailsChangedEvent;
import fr.espacefamille.events.dossier.DossierRegisteredEvent;
import fr.espacefamille.events.dossier.GuardianEmailGivenEvent;
import fr.espacefamille.events.dossier.Guardian;
import fr.espacefamille.platform.axon.ReadModelBehindException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the planning pages need of each dossier: its children with school, class and enrolments,
 * its quotient, its guardians' e-mail addresses. One document per dossier in
 * {@code planning_families}, one per child in {@code planning_children}, the children enrolled
 * in each service at each school in {@code planning_enrolments}
 * ({@code _id: "RESTAURATION|<school>"}), and the schools in {@code planning_schools}, all read
 * by {@code _id}.
 */
@Component
@ProcessingGroup(PlanningProjections.GROUP)
public class FamilyDirectory {

    private static final String SCHOOLS = "schools";

    private final MongoCollection<Document> families;
    private final MongoCollection<Document> children;
    private final MongoCollection<Document> schools;
    private final MongoCollection<Document> enrolments;
    private final ObjectMapper objectMapper;

    FamilyDirectory(MongoDatabase database, ObjectMapper objectMapper) {
        this.families = database.getCollection("planning_families");
        this.children = database.getCollection("planning_children");
        this.schools = database.getCollection("planning_schools");
        this.enrolments = database.getCollection("planning_enrolments");
        this.objectMapper = objectMapper;
    }

    /** A family as the planning pages see it. */
    public record Family(
            String dossierNumber,
            String dossierName,
            Integer familyQuotient,
            List<Child> children,
            List<String> guardianEmails
    ) {
    }

    @EventHandler
    void on(DossierRegisteredEvent event) {
        learn(event.dossierNumber(), event.details());
    }

    @EventHandler
    void on(DossierDetailsChangedEvent event) {
        learn(event.dossierNumber(), event.details());
    }

    /** The address a guardian gave at sign-up is one of the family's from its activation on. */
    @EventHandler
    void on(GuardianEmailGivenEvent event) {
        families.updateOne(Filters.eq("_id", event.dossierNumber()), Updates.addToSet("guardianEmails", event.email()));
    }

    @ResetHandler
    void reset() {
        families.deleteMany(new Document());
        children.deleteMany(new Document());
        schools.deleteMany(new Document());
        enrolments.deleteMany(new Document());
    }

    public Family family(String dossierNumber) {
        Document document = families.find(Filters.eq("_id", dossierNumber)).first();
        if (document == null) {
            throw RefusedException.notFound("DOSSIER_NOT_FOUND", "Aucun dossier ne porte ce numéro.");
        }
        document.remove("_id");
        return objectMapper.convertValue(document, Family.class);
    }

    /** The family, for a side effect: a dossier not in the view yet means the view is behind. */
    Family familyOrBehind(String dossierNumber) {
        try {
            return family(dossierNumber);
        } catch (RefusedException e) {
            throw new ReadModelBehindException("Dossier [" + dossierNumber + "] is not yet in the planning view");
        }
    }

    /**
     * The family, for a side effect about these children of it: each must be known, in the
     * dossier or among the children who left it; one that is not was added by an import the
     * view has not handled yet.
     */
    Family familyAsOf(String dossierNumber, Collection<String> childIds) {
        Family family = familyOrBehind(dossierNumber);
        List<String> listed = family.children().stream().map(Child::childId).toList();
        List<String> others = childIds.stream().filter(childId -> !listed.contains(childId)).toList();
        if (!others.isEmpty() && children(others).size() < others.size()) {
            throw new ReadModelBehindException("A child of dossier [" + dossierNumber
                    + "] is not yet in the planning view");
        }
        return family;
    }

    /** The children by id, with the dossier each belongs to. */
    Map<String, Document> children(Collection<String> childIds) {
        Map<String, Document> found = new HashMap<>();
        children.find(Filters.in("_id", childIds)).forEach(child -> found.put(child.getString("_id"), child));
        return found;
    }

    /** The children enrolled in each of these services at each of these schools, by service. */
    Map<String, List<String>> enrolled(Collection<String> services, Collection<String> schoolNames) {
        List<String> ids = new ArrayList<>();
        services.forEach(service -> schoolNames.forEach(school -> ids.add(enrolmentId(service, school))));
        Map<String, List<String>> byService = new HashMap<>();
        for (Document document : enrolments.find(Filters.in("_id", ids))) {
            byService.computeIfAbsent(document.getString("service"), service -> new ArrayList<>())
                     .addAll(document.getList("children", String.class));
        }
        return byService;
    }

    List<String> schools() {
        Document document = schools.find(Filters.eq("_id", SCHOOLS)).first();
        return document == null ? List.of() : document.getList("names", String.class);
    }

    private void learn(String dossierNumber, DossierDetails details) {
        forgetEnrolments(families.find(Filters.eq("_id", dossierNumber)).first());
        List<String> emails = details.guardians().stream().map(Guardian::email).filter(email -> email != null).toList();
        Family family = new Family(dossierNumber, details.dossierName(), details.familyQuotient(),
                                   details.children(), emails);
        Document document = new Document("_id", dossierNumber);
        document.putAll(objectMapper.convertValue(family, Document.class));
        families.replaceOne(Filters.eq("_id", dossierNumber), document, new ReplaceOptions().upsert(true));
        List<String> schoolNames = new ArrayList<>();
        for (Child child : details.children()) {
            String school = schoolOf(child);
            schoolNames.add(school);
            children.replaceOne(Filters.eq("_id", child.childId()),
                                new Document("_id", child.childId())
                                        .append("dossierNumber", dossierNumber)
                                        .append("firstName", child.firstName())
                                        .append("lastName", child.lastName())
                                        .append("school", school)
                                        .append("schoolClass", child.schoolClass()),
                                new ReplaceOptions().upsert(true));
            for (String service : child.enrolments()) {
                enrolments.updateOne(Filters.eq("_id", enrolmentId(service, school)),
                                     Updates.combine(Updates.set("service", service),
                                                     Updates.addToSet("children", child.childId())),
                                     new UpdateOptions().upsert(true));
            }
        }
        schools.updateOne(Filters.eq("_id", SCHOOLS), Updates.addEachToSet("names", schoolNames),
                          new UpdateOptions().upsert(true));
    }

    /** Takes the children of the dossier as it was out of the enrolments; they are put back as they are now. */
    private void forgetEnrolments(Document previous) {
        if (previous == null) {
            return;
        }
        previous.remove("_id");
        for (Child child : objectMapper.convertValue(previous, Family.class).children()) {
            for (String service : child.enrolments()) {
                enrolments.updateOne(Filters.eq("_id", enrolmentId(service, schoolOf(child))),
                                     Updates.pull("children", child.childId()));
            }
        }
    }

    private static String enrolmentId(String service, String school) {
        return service + "|" + school;
    }

    static String schoolOf(Child child) {
        return child.school() == null ? "École non renseignée" : child.school();
    }
}
