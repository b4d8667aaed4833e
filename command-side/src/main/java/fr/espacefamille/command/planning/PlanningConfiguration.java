package fr.espacefamille.command.planning;

import fr.espacefamille.command.calendar.ClosureLookup;
import fr.espacefamille.command.calendar.PlanningProperties;
import fr.espacefamille.events.calendar.PlanningSetup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The rules bookings are checked against, and the scheduler that releases unpaid baskets. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PlanningConfiguration {

    @Bean
    PlanningRules planningRules(PlanningSetup setup, ClosureLookup closures, PlanningProperties properties) {
        return new PlanningRules(setup, closures, properties.basketTimeout());
    }
}
