package dev.baton.processor.lowering;

import java.util.HashSet;
import java.util.Set;

/**
 * The names the lowering invents for one method ({@code $m}, {@code $value}, {@code $loop},
 * synthetic fields): each uses {@code $} and never equals a name of the user's body.
 */
final class Names {
    private final Set<String> taken = new HashSet<>();

    final String machine;
    final String value;
    final String failure;
    final String loop;
    final String thrown;
    final String state;
    final String rethrow;

    Names(Set<String> userNames) {
        taken.addAll(userNames);
        taken.add("$state");
        machine = fresh("$m");
        value = fresh("$value");
        failure = fresh("$failure");
        loop = fresh("$loop");
        thrown = fresh("$t");
        state = fresh("$s");
        rethrow = fresh("$f");
    }

    /** A fresh name based on {@code base}: {@code base}, else {@code base$1}, {@code base$2}... */
    String fresh(String base) {
        String name = base;
        for (int i = 1; !taken.add(name); i++) {
            name = base + "$" + i;
        }
        return name;
    }
}
