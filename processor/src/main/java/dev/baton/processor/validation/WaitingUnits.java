package dev.baton.processor.validation;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The compilation units {@link UnitScanner} must not scan yet: those that subclass a
 * {@code Baton_} class not generated yet, such as {@code new Baton_Greeter() { @Override ... }}
 * in a file of its own. Scanning a unit has javac attribute its classes; before
 * {@code Baton_Greeter} exists, javac checks the subclass against a missing supertype, and its
 * {@code @Override} fails with "method does not override or implement a method from a
 * supertype", an error javac does not leave for a later round. Such a unit waits for the
 * round in which the {@code Baton_} class exists; so does a unit subclassing a class of a
 * waiting unit, since javac attributes a class's superclass with it.
 *
 * <p>Found by syntax, without attributing anything: the supertypes as written (an
 * {@code extends} or {@code implements} clause, the class of an anonymous {@code new}), a
 * {@code Baton_} name looked up in the unit's package and imports. A name matched loosely
 * only makes a unit wait longer, never lose a check: the last round scans every unit still
 * waiting, except one waiting for a class written in that very round (the compilation fails
 * all the same then, and checking the unit against a class javac has not entered would only add
 * bogus errors).
 */
public final class WaitingUnits {
    private static final String PREFIX = "Baton_";

    private WaitingUnits() {}

    /**
     * The units among {@code units} that must wait, in an identity set: those with a
     * {@code Baton_} supertype that is {@code missing}, told the qualified names it may stand
     * for, and those subclassing a class of a waiting unit.
     */
    public static Set<CompilationUnitTree> among(List<CompilationUnitTree> units, Predicate<List<String>> missing) {
        List<Supertypes> all = new ArrayList<>();
        for (CompilationUnitTree unit : units) {
            all.add(new Supertypes(unit));
        }
        Set<CompilationUnitTree> waiting = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<String> waitingClasses = new HashSet<>();
        for (Supertypes s : all) {
            if (s.missingGenerated(missing)) {
                waiting.add(s.unit);
                waitingClasses.addAll(s.declared);
            }
        }
        boolean more = !waiting.isEmpty();
        while (more) { // until no unit subclasses a class of a waiting one
            more = false;
            for (Supertypes s : all) {
                if (!waiting.contains(s.unit) && s.names.stream().anyMatch(waitingClasses::contains)) {
                    waiting.add(s.unit);
                    waitingClasses.addAll(s.declared);
                    more = true;
                }
            }
        }
        return waiting;
    }

    /** A unit's classes and their supertypes, by the simple names they are written with. */
    private static final class Supertypes {
        final CompilationUnitTree unit;
        final Set<String> declared = new HashSet<>();
        final Set<String> names = new HashSet<>();
        final List<Tree> generated = new ArrayList<>();

        Supertypes(CompilationUnitTree unit) {
            this.unit = unit;
            new TreeScanner<Void, Void>() {
                @Override
                public Void visitClass(ClassTree c, Void unused) {
                    if (!c.getSimpleName().isEmpty()) {
                        declared.add(c.getSimpleName().toString());
                    }
                    add(c.getExtendsClause());
                    c.getImplementsClause().forEach(this::add);
                    return super.visitClass(c, unused);
                }

                @Override
                public Void visitNewClass(NewClassTree n, Void unused) {
                    if (n.getClassBody() != null) {
                        add(n.getIdentifier());
                    }
                    return super.visitNewClass(n, unused);
                }

                private void add(Tree supertype) {
                    String name = SourceNames.simpleName(supertype);
                    if (name != null) {
                        names.add(name);
                        if (name.startsWith(PREFIX)) {
                            generated.add(supertype);
                        }
                    }
                }
            }.scan(unit, null);
        }

        /** Whether a {@code Baton_} supertype, other than a class of the unit itself, is {@code missing}. */
        boolean missingGenerated(Predicate<List<String>> missing) {
            for (Tree type : generated) {
                if (!declared.contains(SourceNames.simpleName(type)) && missing.test(SourceNames.candidates(unit, type))) {
                    return true;
                }
            }
            return false;
        }
    }
}
