package dev.baton.test;

import java.lang.reflect.Method;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/** {@link Explore}'s extension: runs the test method once per seed, on a fresh instance each time. */
final class ExploreExtension implements InvocationInterceptor {

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) {
        Method method = call.getExecutable();
        Explore explore = AnnotationSupport.findAnnotation(method, Explore.class).orElseThrow();
        Class<?> testClass = call.getTarget().orElseThrow().getClass();
        try {
            testClass.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw new ExtensionConfigurationException("@Explore on " + method + ": each run needs a fresh instance"
                    + " of " + testClass.getName() + ", which has no constructor without parameters", e);
        }
        boolean replay = explore.seed() != Explore.NEW_SEED;
        long seed = replay ? explore.seed() : newSeed();
        int runs = replay ? 1 : explore.runs();
        Object[] arguments = call.getArguments().toArray();
        invocation.skip(); // the runs below call the method themselves
        Exploration.explore(runs, seed, explore.jitter(), () -> {
            Object instance = ReflectionSupport.newInstance(testClass);
            ReflectionSupport.invokeMethod(method, instance, arguments);
        });
    }

    private static long newSeed() {
        long seed;
        do {
            seed = ThreadLocalRandom.current().nextLong();
        } while (seed == Explore.NEW_SEED);
        return seed;
    }
}
