package fr.espacefamille.command.calendar;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.espacefamille.events.calendar.PublicHoliday;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reads the government's public-holiday files, one per year, as its API publishes them:
 * {@code {"2026-11-11": "11 novembre", ...}}.
 */
final class PublicHolidayFiles {

    private final ObjectMapper objectMapper;

    PublicHolidayFiles(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    List<PublicHoliday> read(Resource[] files) throws IOException {
        List<PublicHoliday> holidays = new ArrayList<>();
        for (Resource file : files) {
            try (InputStream in = file.getInputStream()) {
                Map<String, String> days = objectMapper.readValue(in, new TypeReference<>() { });
                days.forEach((day, name) -> holidays.add(new PublicHoliday(LocalDate.parse(day), name)));
            }
        }
        holidays.sort(Comparator.comparing(PublicHoliday::day));
        return holidays.stream().distinct().toList();
    }
}
