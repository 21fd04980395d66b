package dev.baton.test;

import java.lang.reflect.Modifier;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstanceFactory;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstantiationException;
import org.junit.platform.commons.support.ReflectionSupport;

/** {@link BatonTest}'s extension: tests run on the generated {@code Baton_<TestClass>}. */
final class BatonTestExtension implements TestInstanceFactory, ExecutionCondition {

    /** The Maven configuration that runs the processor on main and test sources alike. */
    static final String MAVEN_FIX = String.join("\n",
            "  <plugin>",
            "    <groupId>org.apache.maven.plugins</groupId>",
            "    <artifactId>maven-compiler-plugin</artifactId>",
            "    <configuration>",
            "      <annotationProcessorPaths>",
            "        <path>",
            "          <groupId>dev.baton</groupId>",
            "          <artifactId>baton-processor</artifactId>",
            "          <version>${baton.version}</version>",
            "        </path>",
            "      </annotationProcessorPaths>",
            "    </configuration>",
            "  </plugin>");

    @Override
    public Object createTestInstance(TestInstanceFactoryContext factory, ExtensionContext context) {
        Class<?> testClass = factory.getTestClass();
        if (factory.getOuterInstance().isPresent()) {
            throw new TestInstantiationException("@BatonTest " + testClass.getName() + ": a @Nested class cannot"
                    + " be a Baton template (the generated class is top-level); make it a top-level or static"
                    + " nested test class");
        }
        Class<?> generated = isGenerated(testClass) ? testClass : generatedClass(testClass);
        try {
            generated.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw new TestInstantiationException("@BatonTest " + testClass.getName() + ": " + generated.getName()
                    + " has no constructor without parameters; give the test class one", e);
        }
        return ReflectionSupport.newInstance(generated);
    }

    /** The generated class of a concrete template runs under the template's name: not twice. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Class<?> testClass = context.getTestClass().orElse(null);
        if (context.getTestMethod().isEmpty() && testClass != null && isGenerated(testClass)
                && !Modifier.isAbstract(testClass.getSuperclass().getModifiers())) {
            return ConditionEvaluationResult.disabled(testClass.getSimpleName() + "'s tests run as "
                    + testClass.getSuperclass().getSimpleName() + ", its @BatonTest template");
        }
        return ConditionEvaluationResult.enabled("a @BatonTest class");
    }

    /** {@code Baton_Outer_Inner} for {@code Outer.Inner}, in the template's package. */
    static String generatedName(Class<?> template) {
        StringBuilder name = new StringBuilder(template.getSimpleName());
        for (Class<?> c = template.getEnclosingClass(); c != null; c = c.getEnclosingClass()) {
            name.insert(0, c.getSimpleName() + "_");
        }
        String pkg = template.getPackageName();
        return (pkg.isEmpty() ? "" : pkg + ".") + "Baton_" + name;
    }

    /** Whether {@code type} is the class the processor generated for its superclass. */
    static boolean isGenerated(Class<?> type) {
        Class<?> parent = type.getSuperclass();
        return parent != null && parent.isAnnotationPresent(BatonTest.class)
                && type.getName().equals(generatedName(parent));
    }

    private static Class<?> generatedClass(Class<?> template) {
        String name = generatedName(template);
        try {
            return Class.forName(name, false, template.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new TestInstantiationException("@BatonTest " + template.getName() + ": no generated class " + name
                    + ". Baton's annotation processor did not run on the test sources (or the class has no @Async"
                    + " method, and needs no @BatonTest). Name the processor in the compiler plugin; configured"
                    + " outside <executions>, it runs on main and test sources alike:\n" + MAVEN_FIX, e);
        }
    }
}
