package dev.baton.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExceptionGroupTest {

    @Test
    void messageReadsLikePythonsStr() {
        IllegalArgumentException a = new IllegalArgumentException("a");
        IllegalStateException b = new IllegalStateException("b");
        ExceptionGroup one = new ExceptionGroup("errors", List.of(a));
        assertEquals("errors (1 sub-exception)", one.getMessage());
        ExceptionGroup two = new ExceptionGroup("errors", List.of(a, b));
        assertEquals("errors (2 sub-exceptions)", two.getMessage());
        assertEquals("errors", two.message());
        assertNull(two.getCause());
    }

    @Test
    void exceptionsAreAnUnmodifiableCopyInOrderAndShownAsSuppressed() {
        IllegalArgumentException a = new IllegalArgumentException("a");
        AssertionError b = new AssertionError("b");
        List<Throwable> list = new ArrayList<>(List.of(a, b));
        ExceptionGroup group = new ExceptionGroup("errors", list);
        list.clear();
        assertEquals(List.of(a, b), group.exceptions());
        assertThrows(UnsupportedOperationException.class, () -> group.exceptions().clear());
        assertArrayEquals(new Throwable[] {a, b}, group.getSuppressed());
    }

    @Test
    void badArgumentsFailWithPythonsMessages() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> new ExceptionGroup("m", List.of()));
        assertEquals("second argument (exceptions) must be a non-empty sequence", empty.getMessage());
        IllegalArgumentException nullItem = assertThrows(IllegalArgumentException.class,
                () -> new ExceptionGroup("m", Arrays.asList(new RuntimeException(), null)));
        assertEquals("Item 1 of second argument (exceptions) is not an exception", nullItem.getMessage());
        assertThrows(NullPointerException.class, () -> new ExceptionGroup(null, List.of(new RuntimeException())));
        assertThrows(NullPointerException.class, () -> new ExceptionGroup("m", null));
    }
}
