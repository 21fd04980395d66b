package dev.baton.conformance;

import dev.baton.runtime.BrokenBarrierException;
import dev.baton.runtime.CancelledException;
import dev.baton.runtime.ExceptionGroup;
import dev.baton.runtime.QueueEmptyException;
import dev.baton.runtime.QueueFullException;
import dev.baton.runtime.QueueShutDownException;
import dev.baton.runtime.TimeoutException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Python's {@code str()}, {@code repr()} and {@code round()} for the values scenarios print,
 * so that a Java scenario prints byte for byte what its Python twin prints.
 *
 * <p>{@code null} is {@code None}, booleans are {@code True}/{@code False}, collections and
 * arrays are Python lists, doubles use Python's float repr, and exceptions print as the
 * asyncio exception they stand for ({@link CancelledException} is {@code CancelledError},
 * {@link IllegalStateException} is {@code RuntimeError}, {@link IllegalArgumentException} is
 * {@code ValueError}; a scenario's own exception class prints under its simple name, so it is
 * named like its Python twin's). The {@link TimeoutException} of a timeout prints as
 * asyncio's bare {@code TimeoutError()}: its message, naming the timeout, is Baton's own.
 */
public final class Py {
    private static final Map<Class<?>, String> PYTHON_NAMES = Map.of(
            CancelledException.class, "CancelledError",
            TimeoutException.class, "TimeoutError",
            QueueEmptyException.class, "QueueEmpty",
            QueueFullException.class, "QueueFull",
            QueueShutDownException.class, "QueueShutDown",
            BrokenBarrierException.class, "BrokenBarrierError",
            IllegalStateException.class, "RuntimeError",
            IllegalArgumentException.class, "ValueError");

    private Py() {}

    /** Python's {@code str(value)}. */
    public static String str(Object value) {
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof Throwable) {
            String message = ((Throwable) value).getMessage();
            return message == null ? "" : message;
        }
        return repr(value);
    }

    /** Python's {@code repr(value)}. */
    public static String repr(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? "True" : "False";
        }
        if (value instanceof String) {
            return reprString((String) value);
        }
        if (value instanceof Character) {
            return reprString(value.toString());
        }
        if (value instanceof Double || value instanceof Float) {
            return reprFloat(((Number) value).doubleValue());
        }
        if (value instanceof Throwable) {
            return reprException((Throwable) value);
        }
        if (value instanceof Collection) {
            return reprItems(((Collection<?>) value).iterator());
        }
        if (value instanceof Object[]) {
            return reprItems(java.util.Arrays.asList((Object[]) value).iterator());
        }
        if (value instanceof int[]) {
            return reprItems(java.util.Arrays.stream((int[]) value).boxed().iterator());
        }
        return value.toString();
    }

    /** The Python name of the exception {@code failure} stands for. */
    public static String exceptionName(Throwable failure) {
        for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
            String name = PYTHON_NAMES.get(type);
            if (name != null) {
                return name;
            }
            if (type.getName().startsWith("dev.baton.conformance.")) {
                break; // a scenario's own exception: its simple name
            }
        }
        return failure.getClass().getSimpleName();
    }

    /** Python's {@code round(x, digits)}: round half to even on the exact binary value. */
    public static double round(double x, int digits) {
        return new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static String reprException(Throwable failure) {
        if (failure instanceof ExceptionGroup) {
            ExceptionGroup group = (ExceptionGroup) failure;
            return "ExceptionGroup(" + reprString(group.message()) + ", " + repr(group.exceptions()) + ")";
        }
        String message = failure.getMessage();
        if (failure instanceof TimeoutException && failure.getCause() instanceof CancelledException) {
            message = null; // a timeout's: asyncio raises a bare TimeoutError(), Baton's names the timeout
        }
        return exceptionName(failure) + "(" + (message == null ? "" : reprString(message)) + ")";
    }

    private static String reprItems(Iterator<?> items) {
        StringBuilder s = new StringBuilder("[");
        while (items.hasNext()) {
            s.append(repr(items.next()));
            if (items.hasNext()) {
                s.append(", ");
            }
        }
        return s.append(']').toString();
    }

    /** Python's float repr for the values scenarios print (shortest round-trip digits). */
    static String reprFloat(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        double magnitude = Math.abs(x);
        if (x == 0 || (magnitude >= 1e-4 && magnitude < 1e16)) {
            String plain = new BigDecimal(Double.toString(x)).stripTrailingZeros().toPlainString();
            if (plain.indexOf('.') < 0) {
                plain += ".0";
            }
            return (x == 0 && 1 / x < 0) ? "-0.0" : plain;
        }
        // Python: d.ddde+XX (at least two exponent digits)
        String java = Double.toString(x); // d.dddEn
        int e = java.indexOf('E');
        String mantissa = java.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        int exponent = Integer.parseInt(java.substring(e + 1));
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }

    /** Python's string repr: single quotes unless the text has one and no double quote. */
    static String reprString(String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder s = new StringBuilder().append(quote);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == quote || c == '\\') {
                s.append('\\').append(c);
            } else if (c == '\n') {
                s.append("\\n");
            } else if (c == '\r') {
                s.append("\\r");
            } else if (c == '\t') {
                s.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                s.append(String.format("\\x%02x", (int) c));
            } else {
                s.append(c);
            }
        }
        return s.append(quote).toString();
    }
}
