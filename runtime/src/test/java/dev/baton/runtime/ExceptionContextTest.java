package dev.baton.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExceptionContextTest {

    @Test
    void toStringShowsMessageSourceAndException() {
        assertEquals("m", new ExceptionContext("m", null, null).toString());
        assertEquals("m\nsource: src\nexception: java.lang.IllegalStateException: bad",
                new ExceptionContext("m", new IllegalStateException("bad"), "src").toString());
    }

    @Test
    void isAValue() {
        IllegalStateException e = new IllegalStateException();
        assertEquals(new ExceptionContext("m", e, "s"), new ExceptionContext("m", e, "s"));
        assertEquals("m", new ExceptionContext("m", e, "s").message());
        assertEquals(e, new ExceptionContext("m", e, "s").exception());
        assertEquals("s", new ExceptionContext("m", e, "s").source());
    }
}
