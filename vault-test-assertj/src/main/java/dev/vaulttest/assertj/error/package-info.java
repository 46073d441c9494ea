/**
 * The failure messages of vault-test's assertions, one {@link org.assertj.core.error.BasicErrorMessageFactory}
 * subclass per kind of failure. Every message names its subject, the expectation, what was observed (for a
 * deployment, every node) and, when the state has a known cause, a hint. Secret values and tokens never appear.
 */
package dev.vaulttest.assertj.error;

