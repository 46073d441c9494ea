package dev.vaulttest.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A k3s node shell double: records commands and copied files; rotate-ca stages a key in the token authority. */
final class FakeShell implements ClusterShell {

    private final TokenAuthority tokens;
    final List<String> commands = new ArrayList<>();
    final List<String> copiedKeys = new ArrayList<>();
    int rotateCaExit;

    FakeShell(TokenAuthority tokens) {
        this.tokens = tokens;
    }

    @Override
    public Result exec(String... command) {
        String line = String.join(" ", command);
        commands.add(line);
        if (line.startsWith("k3s certificate rotate-ca")) {
            if (rotateCaExit != 0) {
                return new Result(rotateCaExit, "", "level=fatal msg=\"see server log for details\"");
            }
            boolean keepOld = commands.stream().anyMatch(c -> c.contains(SigningKeyRotation.CURRENT_KEY + " >>"));
            tokens.stageRotation(keepOld);
        }
        return new Result(0, "", "");
    }

    @Override
    public void copy(Path hostFile, String directory) {
        commands.add("copy " + hostFile.getFileName() + " to " + directory);
        try {
            copiedKeys.add(Files.readString(hostFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
