package dev.baton.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.runtime.CancelledException;
import dev.baton.runtime.QueueEmptyException;
import dev.baton.runtime.TimeoutException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Py formats as CPython 3.13 does (the expected strings are what python3.13 printed). */
class PyTest {

    static final class Boom extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Boom(String message) {
            super(message);
        }
    }

    @Test
    void scalars() {
        assertEquals("None", Py.str(null));
        assertEquals("True", Py.str(true));
        assertEquals("False", Py.repr(false));
        assertEquals("42", Py.str(42));
        assertEquals("abc", Py.str("abc"));
        assertEquals("'abc'", Py.repr("abc"));
        assertEquals("\"it's\"", Py.repr("it's"));
        assertEquals("'both \\' and \"'", Py.repr("both ' and \""));
        assertEquals("'a\\nb\\\\'", Py.repr("a\nb\\"));
    }

    @Test
    void floats() {
        assertEquals("0.1", Py.repr(0.1));
        assertEquals("1.0", Py.repr(1.0));
        assertEquals("0.30000000000000004", Py.repr(0.1 + 0.2));
        assertEquals("0.0001", Py.repr(1e-4));
        assertEquals("1e-05", Py.repr(1e-5));
        assertEquals("1.5e+16", Py.repr(1.5e16));
        assertEquals("100.0", Py.repr(100.0));
        assertEquals("-0.0", Py.repr(-0.0));
        assertEquals("0.3", Py.repr(Py.round(0.1 + 0.2, 1)));
        assertEquals("0.2", Py.repr(Py.round(0.25, 1))); // round half to even
        assertEquals("0.35", Py.repr(Py.round(0.35000000000000003, 2)));
    }

    @Test
    void lists() {
        assertEquals("[]", Py.str(List.of()));
        assertEquals("[1, 'a', None, True]", Py.str(Arrays.asList(1, "a", null, true)));
        assertEquals("[[1, 2], ['x']]", Py.str(List.of(List.of(1, 2), List.of("x"))));
        assertEquals("['c1_1', 'c2_1']", Py.str(new String[] {"c1_1", "c2_1"}));
    }

    @Test
    void exceptions() {
        assertEquals("CancelledError()", Py.repr(new CancelledException()));
        assertEquals("CancelledError('')", Py.repr(new CancelledException("")));
        assertEquals("CancelledError('foo')", Py.repr(new CancelledException("foo")));
        assertEquals("TimeoutError()", Py.repr(new TimeoutException()));
        assertEquals("QueueEmpty()", Py.repr(new QueueEmptyException()));
        assertEquals("RuntimeError('Lock is not acquired.')", Py.repr(new IllegalStateException("Lock is not acquired.")));
        assertEquals("ValueError('bad')", Py.repr(new IllegalArgumentException("bad")));
        assertEquals("Boom('e')", Py.repr(new Boom("e")));
        assertEquals("[1, Boom('x'), CancelledError(''), 'two']",
                Py.str(Arrays.asList(1, new Boom("x"), new CancelledException(""), "two")));
        assertEquals("deep", Py.str(new Boom("deep")));
        assertEquals("", Py.str(new CancelledException()));
    }
}
