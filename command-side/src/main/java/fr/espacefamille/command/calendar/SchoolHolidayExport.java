package fr.espacefamille.command.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.espacefamille.events.calendar.SchoolHoliday;
import fr.espacefamille.events.calendar.SchoolYear;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the ministry's open-data export of school holidays (dataset
 * {@code fr-en-calendrier-scolaire}, a JSON array of records) for one zone, with its pitfalls:
 * <ul>
 *   <li>{@code start_date} and {@code end_date} are Paris midnight written in UTC:
 *   {@code 2026-12-18T23:00:00+00:00} is 19 December;</li>
 *   <li>{@code end_date} is the day classes resume, except for the one-day markers
 *   ({@code Pont de l'Ascension}, {@code Début des Vacances d'Été}) whose start equals end;</li>
 *   <li>one row per académie, so rows repeat; rows for teachers, for other zones and for
 *   Corsica are left out.</li>
 * </ul>
 * A school year runs from the end of the summer holidays before it to the eve of the summer
 * holidays that close it; a year whose start or end the export does not give is left out, so
 * its days are not open.
 */
final class SchoolHolidayExport {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String SUMMER = "Vacances d'Été";
    private static final String SUMMER_STARTS = "Début des Vacances d'Été";
    private static final String TEACHERS = "Enseignants";

    /** The zone's school years and holidays, each once, in date order. */
    record Contents(List<SchoolYear> schoolYears, List<SchoolHoliday> holidays) {
    }

    private final ObjectMapper objectMapper;

    SchoolHolidayExport(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    Contents read(InputStream export, String zone, String academy) throws IOException {
        JsonNode records = objectMapper.readTree(export);
        Set<SchoolHoliday> holidays = new LinkedHashSet<>();
        Map<String, LocalDate> firstDays = new TreeMap<>();
        Map<String, LocalDate> summerStarts = new TreeMap<>();
        for (JsonNode record : records) {
            if (!isForTheTown(record, zone, academy)) {
                continue;
            }
            String name = record.path("description").asText().trim();
            String schoolYear = record.path("annee_scolaire").asText();
            LocalDate start = parisDay(record.path("start_date").asText());
            LocalDate end = parisDay(record.path("end_date").asText());
            if (name.equals(SUMMER_STARTS)) {
                summerStarts.put(schoolYear, start);
                continue;
            }
            LocalDate lastDay = start.equals(end) ? start : end.minusDays(1);
            holidays.add(new SchoolHoliday(name, start, lastDay));
            if (name.equals(SUMMER)) {
                summerStarts.putIfAbsent(schoolYear, start);
                firstDays.put(nextSchoolYear(schoolYear), end);
            }
        }
        return new Contents(schoolYears(firstDays, summerStarts), sorted(holidays));
    }

    private static boolean isForTheTown(JsonNode record, String zone, String academy) {
        if (TEACHERS.equals(record.path("population").asText())) {
            return false;
        }
        if (!zone.equalsIgnoreCase(record.path("zones").asText())) {
            return false;
        }
        return academy == null || academy.equalsIgnoreCase(record.path("location").asText());
    }

    private static LocalDate parisDay(String moment) {
        return OffsetDateTime.parse(moment).atZoneSameInstant(PARIS).toLocalDate();
    }

    private static String nextSchoolYear(String schoolYear) {
        int first = Integer.parseInt(schoolYear.substring(0, 4));
        return (first + 1) + "-" + (first + 2);
    }

    private static List<SchoolYear> schoolYears(Map<String, LocalDate> firstDays, Map<String, LocalDate> summerStarts) {
        List<SchoolYear> years = new ArrayList<>();
        firstDays.forEach((name, firstDay) -> {
            LocalDate summer = summerStarts.get(name);
            if (summer != null) {
                years.add(new SchoolYear(name, firstDay, summer.minusDays(1)));
            }
        });
        return years;
    }

    private static List<SchoolHoliday> sorted(Set<SchoolHoliday> holidays) {
        return holidays.stream().sorted(Comparator.comparing(SchoolHoliday::firstDay)).toList();
    }
}
