package dev.baton.processor.lowering;

import java.util.List;

/**
 * A body lowered to a state machine: the fields the machine needs and the text of the
 * resume method's body (the dispatch loop), ready for emission.
 *
 * @param fields the machine's fields: parameters first, then hoisted locals, then synthetic ones
 * @param parameterCount how many of {@code fields} are the method's parameters (the constructor's)
 * @param body the resume method's body, and the methods it calls when it is split
 * @param machineName the name of the machine parameter in the resume method ({@code $m})
 * @param valueName the name of the value parameter ({@code $value})
 * @param failureName the name of the failure parameter ({@code $failure})
 * @param thrownName the name of the exception parameter of the exception table's helpers ({@code $t})
 * @param notShared null when the body is shared: the resume method is static and reaches the
 *     template's instance through the machine's {@link #SELF} field, so that the generated
 *     subclass of a template extending this one can run it; else why it is not (the resume
 *     method is then an instance method of {@code Baton_X})
 * @param stateLines the template line of each state: where a machine suspended in it waits
 * @param sourceFile the template's file name ({@code Boom.java})
 */
public record LoweredMethod(
        List<Field> fields,
        int parameterCount,
        Body body,
        String machineName,
        String valueName,
        String failureName,
        String thrownName,
        String notShared,
        int[] stateLines,
        String sourceFile) {

    /** Stands for the resume method's name in a split body, which calls its helpers by {@code <name>$<suffix>}. */
    static final String RESUME = "<resume>";

    /** The machine field holding the template's instance, in a shared body. */
    public static final String SELF = "$self";

    /** A field of the machine: a parameter, a hoisted local or a synthetic one. */
    public record Field(String name, com.palantir.javapoet.TypeName type, boolean reference, String comment) {}

    /**
     * The resume method's body and, when one method would exceed HotSpot's HugeMethodLimit,
     * the methods it is split into (empty otherwise).
     */
    public record Body(String text, List<Helper> helpers) {}

    /** What a helper method of a split body holds, which decides its signature. */
    public enum HelperKind {
        /**
         * A group of consecutive states: {@code Object name(Machine $m, Object $value) throws
         * Throwable}, returning the body's result, {@code SUSPENDED}, or {@code OTHER_GROUP}.
         */
        STATES,
        /**
         * A part of the exception table: {@code boolean name(Machine $m, Throwable $t)}, true when
         * it routed {@code $t} to a handler's state.
         */
        CATCH
    }

    /**
     * A method of a split body, named {@code <resume method>$<suffix>}.
     *
     * @param summary what it holds, for its Javadoc
     */
    public record Helper(HelperKind kind, String suffix, String summary, String body) {}

    /** The resume method's body, once the resume method is named {@code resumeName}. */
    public String resumeBody(String resumeName) {
        return body.helpers().isEmpty() ? body.text() : body.text().replace(RESUME, resumeName);
    }

    /** The name of the resume method's helper {@code h}. */
    public static String helperName(String resumeName, Helper h) {
        return resumeName + "$" + h.suffix();
    }
}
