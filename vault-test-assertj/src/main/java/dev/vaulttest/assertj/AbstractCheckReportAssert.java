package dev.vaulttest.assertj;

import dev.vaulttest.check.CheckReport;
import dev.vaulttest.check.Finding;
import dev.vaulttest.check.Rule;
import dev.vaulttest.check.Finding.Severity;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.ListAssert;

/**
 * Assertions on a {@link CheckReport}: which rules fired and how severe they are. Failure messages list the
 * offending findings with rule, severity, resource and message.
 *
 * <p>Rule ids are checked against the {@link Rule} catalogue, so a misspelt id such as {@code "DEV-MODE"} is an
 * {@link IllegalArgumentException}, not a {@code doesNotHaveFinding} that always passes.
 *
 * @param <SELF> the concrete assertion type, for chaining from subclasses
 */
public abstract class AbstractCheckReportAssert<SELF extends AbstractCheckReportAssert<SELF>>
        extends AbstractAssert<SELF, CheckReport> {

    /**
     * Creates the assertion.
     *
     * @param actual the report to check
     * @param selfType the concrete assertion class
     */
    protected AbstractCheckReportAssert(CheckReport actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /**
     * Verifies that no finding is at or above a severity, for example that there is no ERROR or WARNING.
     *
     * @param threshold the least serious severity that fails the assertion
     * @return this assertion
     * @throws IllegalArgumentException when {@code threshold} is null
     */
    public SELF hasNoFindingAtOrAbove(Severity threshold) {
        requireArgument(threshold != null, "The severity threshold must not be null");
        isNotNull();
        List<Finding> offending = actual.atOrAbove(threshold);
        if (!offending.isEmpty()) {
            failWithMessage("%s", "Expecting no finding at or above " + threshold + " but found " + offending.size()
                    + ":" + System.lineSeparator() + describe(offending));
        }
        return myself;
    }

    /**
     * Verifies that the report has no findings at all.
     *
     * @return this assertion
     */
    public SELF hasNoFindings() {
        isNotNull();
        if (!actual.findings().isEmpty()) {
            failWithMessage("%s", "Expecting no findings but found " + actual.findings().size() + ":"
                    + System.lineSeparator() + describe(actual.findings()));
        }
        return myself;
    }

    /**
     * Verifies that a rule fired at least once.
     *
     * @param rule a rule id such as {@code DEV_MODE}
     * @return this assertion
     * @throws IllegalArgumentException when {@code rule} is not a known rule id
     */
    public SELF hasFinding(String rule) {
        requireKnownRule(rule);
        isNotNull();
        if (actual.withRule(rule).isEmpty()) {
            failWithMessage("%s", "Expecting a " + rule + " finding but found none; the findings were:"
                    + System.lineSeparator() + describe(actual.findings()));
        }
        return myself;
    }

    /**
     * Verifies that a rule fired at least once for a resource.
     *
     * @param rule a rule id such as {@code UNPINNED_IMAGE}
     * @param resource the resource as {@code Kind/name}, for example {@code Deployment/vault-agent-injector}
     * @return this assertion
     * @throws IllegalArgumentException when {@code rule} is not a known rule id or {@code resource} is blank
     */
    public SELF hasFinding(String rule, String resource) {
        requireKnownRule(rule);
        requireArgument(resource != null && !resource.isBlank(),
                "The resource must be given as Kind/name, for example StatefulSet/vault, but was " + quote(resource));
        isNotNull();
        if (actual.withRule(rule).stream().noneMatch(f -> f.resource().equals(resource))) {
            failWithMessage("%s", "Expecting a " + rule + " finding on " + resource + " but found none; the findings"
                    + " were:" + System.lineSeparator() + describe(actual.findings()));
        }
        return myself;
    }

    /**
     * Verifies that a rule did not fire.
     *
     * @param rule a rule id such as {@code DEV_MODE}
     * @return this assertion
     * @throws IllegalArgumentException when {@code rule} is not a known rule id
     */
    public SELF doesNotHaveFinding(String rule) {
        requireKnownRule(rule);
        isNotNull();
        List<Finding> offending = actual.withRule(rule);
        if (!offending.isEmpty()) {
            failWithMessage("%s", "Expecting no " + rule + " finding but found " + offending.size() + ":"
                    + System.lineSeparator() + describe(offending));
        }
        return myself;
    }

    /**
     * Verifies that exactly the given rules fired, each at least once, in any order, and no other rule did.
     * With no rules this is {@link #hasNoFindings()}.
     *
     * @param rules rule ids such as {@code ONDELETE_UPGRADES}
     * @return this assertion
     * @throws IllegalArgumentException when an id is not a known rule id or appears twice
     */
    public SELF hasExactlyRules(String... rules) {
        requireArgument(rules != null, "The rules must not be null");
        Set<String> expected = new LinkedHashSet<>();
        for (String rule : rules) {
            requireKnownRule(rule);
            requireArgument(expected.add(rule), "The rule " + rule + " is given twice");
        }
        isNotNull();
        List<Finding> unexpected = actual.findings().stream().filter(f -> !expected.contains(f.rule())).toList();
        List<String> missing = expected.stream().filter(r -> actual.withRule(r).isEmpty()).toList();
        if (!unexpected.isEmpty() || !missing.isEmpty()) {
            StringBuilder message = new StringBuilder("Expecting exactly the rules ").append(expected)
                    .append(" to fire");
            if (!missing.isEmpty()) {
                message.append(System.lineSeparator()).append("but these did not fire: ").append(missing);
            }
            if (!unexpected.isEmpty()) {
                message.append(System.lineSeparator()).append(missing.isEmpty() ? "but" : "and")
                        .append(" found these other findings:").append(System.lineSeparator())
                        .append(describe(unexpected));
            }
            failWithMessage("%s", message.toString());
        }
        return myself;
    }

    /**
     * Navigates to the findings of one rule, for further AssertJ list assertions.
     *
     * @param rule a rule id such as {@code UNPINNED_IMAGE}
     * @return list assertions over that rule's findings (possibly empty)
     * @throws IllegalArgumentException when {@code rule} is not a known rule id
     */
    public ListAssert<Finding> findingsOf(String rule) {
        requireKnownRule(rule);
        isNotNull();
        return new ListAssert<>(actual.withRule(rule)).as("findings of %s", rule);
    }

    /** One line per finding: {@code - SEVERITY RULE on resource: message}. */
    static String describe(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "  (none)";
        }
        return findings.stream()
                .map(f -> "  - " + f.severity() + " " + f.rule() + " on " + f.resource() + ": " + f.message())
                .collect(Collectors.joining(System.lineSeparator()));
    }

    private static void requireKnownRule(String rule) {
        requireArgument(rule != null && !rule.isBlank(), "The rule id must not be blank but was " + quote(rule));
        requireArgument(Rule.byId(rule).isPresent(), "Unknown rule id " + quote(rule) + "; known rules: "
                + Arrays.stream(Rule.values()).map(Rule::id).collect(Collectors.joining(", ")));
    }

    private static void requireArgument(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static String quote(String text) {
        return text == null ? "null" : "'" + text + "'";
    }
}
