package dev.vaulttest.assertj.error;

import java.util.List;
import org.assertj.core.error.BasicErrorMessageFactory;

/**
 * The shape every vault-test failure message shares:
 *
 * <pre>
 * Expecting &lt;subject&gt;
 *   &lt;expectation&gt;
 * but &lt;what was wrong, for every offending node at once&gt;
 * Observed &lt;every node, from the snapshot&gt;
 * Hint: &lt;a known cause and fix, when one applies&gt;
 * </pre>
 *
 * <p>The texts are arguments, not part of the format, so a {@code %} in a node's description cannot break it.
 */
abstract class VaultErrorMessage extends BasicErrorMessageFactory {

    private static final String NL = System.lineSeparator();

    VaultErrorMessage(String subject, String expectation, String problem, String observed, List<String> hints) {
        super("Expecting %s%n  %s%nbut %s%s%s", unquotedString(subject), unquotedString(expectation),
                unquotedString(problem), unquotedString(observed.isEmpty() ? "" : NL + "Observed " + observed),
                unquotedString(hintLines(hints)));
    }

    private static String hintLines(List<String> hints) {
        StringBuilder text = new StringBuilder();
        for (String hint : hints) {
            text.append(NL).append("Hint: ").append(hint);
        }
        return text.toString();
    }
}
