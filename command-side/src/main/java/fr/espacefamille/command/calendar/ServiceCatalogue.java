package fr.espacefamille.command.calendar;

import fr.espacefamille.events.calendar.Billing;
import fr.espacefamille.events.calendar.CutOffRule;
import fr.espacefamille.events.calendar.PriceBand;
import fr.espacefamille.events.calendar.ServiceDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the town's services file (YAML, see {@code planning/saint-just.yml}) with Spring's own
 * binder, so that its keys follow the same relaxed rules as any property.
 */
final class ServiceCatalogue {

    private ServiceCatalogue() {
    }

    static List<ServiceDefinition> read(Resource file) {
        List<PropertySource<?>> sources;
        try {
            sources = new YamlPropertySourceLoader().load("planning-catalogue", file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the services file " + file, e);
        }
        CatalogueFile catalogue = new Binder(ConfigurationPropertySources.from(sources))
                .bind("", CatalogueFile.class)
                .orElseThrow(() -> new IllegalStateException("The services file " + file + " names no service"));
        List<ServiceDefinition> services = catalogue.services().stream().map(ServiceEntry::toDefinition).toList();
        checkCodesAreUnique(services, file);
        return services;
    }

    private static void checkCodesAreUnique(List<ServiceDefinition> services, Resource file) {
        Set<String> codes = new HashSet<>();
        for (ServiceDefinition service : services) {
            if (service.code() == null || service.label() == null || service.weekdays().isEmpty()) {
                throw new IllegalStateException("A service of " + file + " lacks its code, label or weekdays");
            }
            if (!codes.add(service.code())) {
                throw new IllegalStateException("Service " + service.code() + " appears twice in " + file);
            }
        }
    }

    record CatalogueFile(List<ServiceEntry> services) {
    }

    record ServiceEntry(
            String code,
            String label,
            List<DayOfWeek> weekdays,
            Billing billing,
            List<PriceEntry> prices,
            Integer capacityPerDay,
            RuleEntry booking,
            RuleEntry cancelling
    ) {

        ServiceDefinition toDefinition() {
            List<PriceBand> bands = prices == null ? List.of()
                    : prices.stream().map(PriceEntry::toBand).toList();
            CutOffRule bookingRule = booking == null ? CutOffRule.EVE_AT_FIVE_PM : booking.toRule();
            CutOffRule cancellingRule = cancelling == null ? bookingRule : cancelling.toRule();
            return new ServiceDefinition(code, label, weekdays == null ? Set.of() : Set.copyOf(weekdays), bands,
                                         billing, capacityPerDay, bookingRule, cancellingRule);
        }
    }

    record PriceEntry(Integer maxQuotient, BigDecimal price) {

        PriceBand toBand() {
            return new PriceBand(maxQuotient, price.movePointRight(2).longValueExact());
        }
    }

    record RuleEntry(Integer daysBefore, String time, String zone, Boolean weekendsCount, Boolean publicHolidaysCount) {

        CutOffRule toRule() {
            return new CutOffRule(daysBefore, time == null ? null : LocalTime.parse(time), zone, weekendsCount,
                                  publicHolidaysCount);
        }
    }
}
