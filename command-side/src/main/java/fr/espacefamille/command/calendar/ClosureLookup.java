package fr.espacefamille.command.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/** The days the staff closed a service, as the command side knows them. */
public interface ClosureLookup {

    /** The staff's reason for each of these days that is closed for the service. */
    Map<LocalDate, String> closuresOf(String service, Collection<LocalDate> days);
}
