package dev.vaulttest.chaos;

import java.nio.file.Path;

/** Commands and file copies inside a cluster's server node (for k3s: its container). */
interface ClusterShell {

    /**
     * Runs a command and waits for it.
     *
     * @param command the command and its arguments; never put secrets here (they may be logged)
     * @return what it did
     */
    Result exec(String... command);

    /**
     * Copies a host file into a directory of the node, keeping its file name.
     *
     * @param hostFile the file
     * @param directory the directory in the node; must exist
     */
    void copy(Path hostFile, String directory);

    /** What a command did. */
    record Result(int exitCode, String stdout, String stderr) {
    }
}
