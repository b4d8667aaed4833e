package fr.espacefamille.platform.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class IndexKeyTypeTest {

    @Test
    void valuesOfOneKindAreComparedByTheirNaturalOrder() {
        assertThat(compare(key(2.0), key(10.0))).isNegative();
        assertThat(compare(key("B"), key("a"))).isNegative();
        assertThat(compare(key(new Date(5)), key(new Date(40)))).isNegative();
        assertThat(compare(key("x", 9.0), key("x", 10.0))).isNegative();
        assertThat(compare(key("x", 10.0), key("y", 1.0))).isNegative();
        assertThat(compare(key(3.0), key(3.0))).isZero();
    }

    @Test
    void theOrderIsTotalAndSaysEqualOnlyForTheSameKey() {
        Random random = new Random(11);
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            keys.add(key(randomValue(random), randomValue(random)));
        }
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                int ab = compare(a, b);
                assertThat(Integer.signum(ab)).isEqualTo(-Integer.signum(compare(b, a)));
                assertThat(ab == 0).isEqualTo(a.equals(b));
            }
        }
        List<KeyValue> sorted = new ArrayList<>(keys);
        sorted.sort(IndexKeyTypeTest::compare);
        for (int i = 0; i + 2 < sorted.size(); i += 3) {
            assertThat(compare(sorted.get(i), sorted.get(i + 2))).isLessThanOrEqualTo(0);
        }
    }

    private static Object randomValue(Random random) {
        int n = random.nextInt(6);
        return switch (random.nextInt(7)) {
            case 0 -> "v" + n;
            case 1 -> (double) n;
            case 2 -> (long) n;
            case 3 -> new Date(n);
            case 4 -> new ObjectId();
            case 5 -> new Document("n", n);
            default -> null;
        };
    }

    private static KeyValue key(Object... values) {
        return new KeyValue(Arrays.asList(values));
    }

    private static int compare(KeyValue a, KeyValue b) {
        return IndexKeyType.INSTANCE.compare(a, b);
    }
}
