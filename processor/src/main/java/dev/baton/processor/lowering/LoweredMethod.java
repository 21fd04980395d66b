package dev.baton.processor.lowering;

import java.util.List;

/**
 * A body lowered to a state machine: the fields the machine needs and the text of the
 * resume method's body (the dispatch loop), ready for emission.
 *
 * @param fields the machine's fields: parameters first, then hoisted locals, then synthetic ones
 * @param parameterCount how many of {@code fields} are the method's parameters (the constructor's)
 * @param resumeBody the body of the resume method, one flat dispatch loop
 * @param machineName the name of the machine parameter in the resume method ({@code $m})
 * @param valueName the name of the value parameter ({@code $value})
 * @param failureName the name of the failure parameter ({@code $failure})
 */
public record LoweredMethod(
        List<Field> fields,
        int parameterCount,
        String resumeBody,
        String machineName,
        String valueName,
        String failureName) {

    /** A field of the machine: a parameter, a hoisted local or a synthetic one. */
    public record Field(String name, com.palantir.javapoet.TypeName type, boolean reference, String comment) {}
}
