package dev.vaulttest.internal.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The structure checks and rewrites the library does itself; what the expressions mean is Helm's (ChartValuesTest). */
class SetExpressionTest {

    @Test
    void textEndsAtTheLastValue() {
        assertThat(SetExpression.parse("a=1,").text()).isEqualTo("a=1");
        assertThat(SetExpression.parse("a={x,y},").text()).isEqualTo("a={x,y}");
        assertThat(SetExpression.parse("a=x\\").text()).as("a lone backslash at the end means nothing to Helm")
                .isEqualTo("a=x");
        assertThat(SetExpression.parse("a=x\\,").text()).isEqualTo("a=x\\,");
        assertThat(SetExpression.parse("a.b\\.c[0][1].d=,e=").text()).isEqualTo("a.b\\.c[0][1].d=,e=");
        assertThat(SetExpression.parse("").text()).isEmpty();
    }

    @Test
    void replacesEveryScalarAndListItemWithItsUnescapedText() {
        SetExpression expression = SetExpression.parse("a=1,b={x,,y\\}},c[0].d=\\,z,e=,f={}g=2");

        assertThat(expression.replaceValues(value -> "<" + value + ">"))
                .isEqualTo("a=<1>,b={<x>,<>,<y}>},c[0].d=<,z>,e=<>,f={<>}g=<2>");
    }

    @Test
    void escapesEverySpecialCharacter() {
        assertThat(SetExpression.escape("/tmp/a.b,c={x}[0]\\'\"")).isEqualTo("/tmp/a\\.b\\,c\\=\\{x\\}\\[0\\]\\\\\\'\\\"");
    }

    @Test
    void rejectsPairsWithoutANameThatHelmWouldSkip() {
        for (String expression : new String[] {"=x", "a=1,=x", ".a=1", "a..b=1", "[0]=x", "a[0].=1"}) {
            assertThatThrownBy(() -> SetExpression.parse(expression)).as(expression)
                    .isInstanceOf(SetExpression.Problem.class)
                    .hasMessageContaining("a name is empty");
        }
    }

    @Test
    void rejectsMalformedShapesWithHelmsWords() {
        assertThatThrownBy(() -> SetExpression.parse("a.b")).hasMessage("key \"b\" has no value");
        assertThatThrownBy(() -> SetExpression.parse("a,b=1")).hasMessageContaining("cannot end with ,");
        assertThatThrownBy(() -> SetExpression.parse("a=1,,")).hasMessageContaining("cannot end with ,");
        assertThatThrownBy(() -> SetExpression.parse("a={x,y")).hasMessageContaining("list must terminate with '}'");
        assertThatThrownBy(() -> SetExpression.parse("a[0")).hasMessageContaining("without a closing ']'");
        assertThatThrownBy(() -> SetExpression.parse("a[0]b=1")).hasMessageContaining("unexpected data at end of array index");
        assertThatThrownBy(() -> SetExpression.parse("a[0]")).hasMessageContaining("has no value");
        assertThatThrownBy(() -> SetExpression.parse("a.")).hasMessageContaining("has no value");
    }
}
