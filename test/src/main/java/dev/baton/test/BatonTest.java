package dev.baton.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a JUnit 5 test class that is itself a Baton template: its {@code @Async} methods are
 * coroutines, and its tests run on an instance of the generated {@code Baton_<TestClass>}, so
 * {@code @Test void t() { runTest(scenario()); }} calls the class's own coroutines.
 *
 * <pre>{@code
 * @BatonTest
 * abstract class CounterTest {
 *     final Lock lock = new Lock();
 *     int count;
 *
 *     @Async @Guarded("lock")
 *     Coroutine<Void> increment() { int seen = count; await(sleep(0.1)); count = seen + 1; return done(); }
 *
 *     @Async
 *     Coroutine<Void> twoIncrements() { await(gather(increment(), increment())); return done(); }
 *
 *     @Test
 *     void incrementsUnderTheLock() {
 *         runTest(twoIncrements());
 *         assertEquals(2, count);
 *     }
 * }
 * }</pre>
 *
 * <p>An abstract class (as above) runs as the generated {@code Baton_CounterTest}, which JUnit
 * finds in the test classes. A concrete class runs under its own name, on an instance of
 * {@code Baton_<TestClass>} that the extension makes in its place (JUnit's
 * {@code TestInstanceFactory}); the generated class then does not run a second time (it is
 * reported skipped). Either way the annotation processor must run on the test sources. Where
 * it did not, a concrete class fails with the Maven configuration that fixes it; an abstract
 * one has no generated class and JUnit never runs an abstract class, so its tests are silently
 * missing: prefer a concrete class where that matters.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(BatonTestExtension.class)
public @interface BatonTest {}
