package fr.espacefamille.events.planning;

import java.util.List;

/** A family's planning page. */
public record FamilyPlanningView(
        String dossierNumber,
        String dossierName,
        List<ChildPlanningView> children,
        long creditBalanceCents
) {

    public FamilyPlanningView {
        children = children == null ? List.of() : List.copyOf(children);
    }

    /**
     * A child and the services he or she can be booked for.
     *
     * @param services those the child is enrolled in that the town runs
     */
    public record ChildPlanningView(
            String childId,
            String firstName,
            String lastName,
            String school,
            String schoolClass,
            List<ServiceSummary> services
    ) {

        public ChildPlanningView {
            services = services == null ? List.of() : List.copyOf(services);
        }
    }

    /**
     * A service as a family sees it.
     *
     * @param priceCents the price of one day for this family's band
     */
    public record ServiceSummary(
            String code,
            String label,
            String billing,
            long priceCents
    ) {
    }
}
