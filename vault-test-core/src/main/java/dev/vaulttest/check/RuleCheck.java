package dev.vaulttest.check;

import dev.vaulttest.internal.rendered.RenderedDeployment;
import java.util.List;

/** One rule's evaluation over a rendered deployment. */
interface RuleCheck {

    /**
     * Evaluates the rule.
     *
     * @param deployment the rendered deployment
     * @param options facts about the target cluster
     * @return the findings, possibly none
     */
    List<Finding> check(RenderedDeployment deployment, CheckOptions options);
}
