package dev.baton.processor;

import com.sun.source.util.Trees;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * Finds javac's {@link Trees} behind a {@link ProcessingEnvironment} that tools wrap.
 *
 * <p>{@code Trees.instance(env)} only accepts javac's own environment. IntelliJ IDEA hands
 * processors a {@link java.lang.reflect.Proxy} whose invocation handler keeps the real one
 * in a captured field ({@code val$delegateTo}); Gradle's incremental processing wraps it in a
 * class with a {@code delegate} field; Kotlin's kapt in one with {@code processingEnv}. This
 * looks, reflectively and defensively, through proxies and through any instance field that
 * holds another {@code ProcessingEnvironment}, a few levels deep. The unwrapped environment is
 * used for {@code Trees} only: messages and files still go through the wrapper, which the
 * tool may track.
 */
final class JavacEnvironment {
    private static final int MAX_DEPTH = 6;

    private JavacEnvironment() {}

    /** javac's Trees for {@code env}, unwrapping it if needed, or null where that is impossible. */
    static Trees trees(ProcessingEnvironment env) {
        Object candidate = env;
        for (int depth = 0; candidate != null && depth < MAX_DEPTH; depth++) {
            if (candidate instanceof ProcessingEnvironment pe) {
                try {
                    return Trees.instance(pe);
                } catch (IllegalArgumentException | LinkageError notJavac) {
                    // a wrapper: look inside
                }
            }
            candidate = delegateOf(candidate);
        }
        return null;
    }

    /** The environment a wrapper delegates to, or null if none can be found. */
    static Object delegateOf(Object wrapper) {
        Object holder = wrapper;
        if (Proxy.isProxyClass(wrapper.getClass())) {
            try {
                holder = Proxy.getInvocationHandler(wrapper);
            } catch (RuntimeException e) {
                return null;
            }
        }
        for (Field f : instanceFields(holder.getClass())) {
            try {
                f.setAccessible(true);
                Object value = f.get(holder);
                if (value instanceof ProcessingEnvironment && value != wrapper && value != holder) {
                    return value;
                }
            } catch (RuntimeException | IllegalAccessException inaccessible) {
                // a module that does not open the field, a security manager: try the next one
            }
        }
        return null;
    }

    /** Instance fields from the class up, the well-known names first. */
    private static List<Field> instanceFields(Class<?> type) {
        List<Field> named = new ArrayList<>();
        List<Field> others = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Field[] fields;
            try {
                fields = c.getDeclaredFields();
            } catch (RuntimeException | LinkageError e) {
                continue;
            }
            for (Field f : fields) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                    continue;
                }
                switch (f.getName()) {
                    case "val$delegateTo", "delegateTo", "delegate", "processingEnv" -> named.add(f);
                    default -> others.add(f);
                }
            }
        }
        named.addAll(others);
        return named;
    }

    /** What to tell users when no Trees can be had. */
    static String unavailable(ProcessingEnvironment env) {
        return "Baton reads coroutine bodies through javac's Trees API, but this compiler's ProcessingEnvironment ("
                + env.getClass().getName() + ") is not javac's, and Baton found no javac environment inside it;"
                + " compile with javac (Maven, Gradle, or IntelliJ IDEA set to javac), or report the wrapper class"
                + " to Baton";
    }
}
