package dev.vaulttest.assertj.error;

import dev.vaulttest.check.LiveDeployment;

/** Texts about a live release for messages. */
final class LiveText {

    static final String NL = System.lineSeparator();

    private LiveText() {
    }

    static String subject(LiveDeployment live) {
        return "release " + live.namespace() + "/" + live.release();
    }
}
