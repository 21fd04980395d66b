package dev.baton.test;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs a fixture test class with JUnit, as a build would, and records what happened. */
final class Launch {
    /** The failures (of tests and of containers), skip reasons, and tests that passed. */
    record Outcome(List<Throwable> failures, List<String> skipped, int passed) {}

    private static volatile boolean launching;

    private Launch() {}

    /** On a fixture class: it runs only when a test launches it, not when a build pattern selects it. */
    static final class OnlyLaunched implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return launching ? ConditionEvaluationResult.enabled("launched by its test")
                    : ConditionEvaluationResult.disabled("a fixture: its test launches it");
        }
    }

    static Outcome run(Class<?> testClass) {
        List<Throwable> failures = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int[] passed = {0};
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                    if (id.isTest()) {
                        passed[0]++;
                    }
                } else {
                    failures.add(result.getThrowable().orElseThrow());
                }
            }

            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                skipped.add(reason);
            }
        };
        launching = true;
        try {
            LauncherFactory.create().execute(
                    LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(), listener);
        } finally {
            launching = false;
        }
        return new Outcome(failures, skipped, passed[0]);
    }
}
