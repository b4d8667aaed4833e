package fr.espacefamille.platform.eventstore;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Days read from their digits, and everything else as Jackson reads it. */
class StoredLocalDatesTest {

    private final ObjectMapper jackson = new ObjectMapper().registerModule(new JavaTimeModule());
    private final ObjectMapper stored = jackson.copy()
            .registerModule(new SimpleModule().addDeserializer(LocalDate.class, new StoredLocalDates()));

    record Booked(LocalDate day) {
    }

    record Typed(@JsonFormat(pattern = "dd/MM/yyyy") LocalDate day) {
    }

    @Test
    void readsEveryDayOfALeapYearAsJacksonDoes() throws Exception {
        for (LocalDate day = LocalDate.of(2028, 1, 1); day.getYear() == 2028; day = day.plusDays(1)) {
            assertThat(StoredLocalDates.fromDigits(day.toString())).isEqualTo(day);
            String json = "{\"day\":\"" + day + "\"}";
            assertThat(stored.readValue(json, Booked.class)).isEqualTo(jackson.readValue(json, Booked.class))
                                                            .isEqualTo(new Booked(day));
        }
    }

    @Test
    void leavesAnythingElseToJackson() throws Exception {
        assertThat(StoredLocalDates.fromDigits("2027-02-30")).isNull();
        assertThat(StoredLocalDates.fromDigits("2027-1-11")).isNull();
        assertThat(StoredLocalDates.fromDigits("2027/01/11")).isNull();
        assertThat(StoredLocalDates.fromDigits("+2027-01-1")).isNull();
        assertThatThrownBy(() -> stored.readValue("{\"day\":\"2027-02-30\"}", Booked.class))
                .isInstanceOf(InvalidFormatException.class);
        assertThat(stored.readValue("{\"day\":[2027,1,11]}", Booked.class))
                .isEqualTo(new Booked(LocalDate.of(2027, 1, 11)));
        assertThat(stored.readValue("{\"day\":\"11/01/2027\"}", Typed.class))
                .isEqualTo(new Typed(LocalDate.of(2027, 1, 11)));
        assertThat(stored.readValue("{\"day\":null}", Booked.class)).isEqualTo(new Booked(null));
    }
}
