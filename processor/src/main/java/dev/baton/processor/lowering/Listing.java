package dev.baton.processor.lowering;

import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.VariableElement;

/**
 * What lowering a body produces and rendering consumes: the dispatch loop's cases in state
 * order, its try statements (the exception table), and the machine fields the lowering added.
 * Complete once made: nothing lowers into it any more.
 *
 * @param cases the cases, a case's label's state being its index
 * @param tryEntries the lowered try statements, outermost first
 * @param synthetics the machine fields the lowering added (temporaries, iterators, guards)
 * @param splitBindings pattern variables whose scope the lowering split: declared in a line of
 *     their own (the left side of {@code &&} or {@code ||} with an await on the right) and read
 *     in later lines; they live in machine fields even if every use stands in one state
 * @param caughtField the field catch handlers receive their exception in, or null without catches
 */
record Listing(
        List<Ir.Case> cases,
        List<Ir.TryEntry> tryEntries,
        List<Synthetic> synthetics,
        Set<VariableElement> splitBindings,
        String caughtField) {

    /** A field the lowering adds to the machine. */
    record Synthetic(String name, TypeName type, boolean reference) {}
}
