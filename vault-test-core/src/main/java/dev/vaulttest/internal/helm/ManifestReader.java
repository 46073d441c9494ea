package dev.vaulttest.internal.helm;

import dev.vaulttest.chart.InvalidManifestException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads multi-document Kubernetes YAML (such as {@code helm template} output or {@code kubectl get -o yaml})
 * into fabric8 objects: known kinds become their model classes, any other kind a
 * {@link io.fabric8.kubernetes.api.model.GenericKubernetesResource}. Empty documents are skipped and
 * {@code List} objects are flattened into their items.
 *
 * <p>Creating a reader sets up fabric8's serialization once; reuse one reader for many manifests.
 */
public final class ManifestReader {

    private static final Pattern SEPARATOR = Pattern.compile("---(\\s.*)?");
    private static final Pattern SOURCE_COMMENT = Pattern.compile("#\\s*Source:\\s*(.+)");

    private final KubernetesSerialization serialization = new KubernetesSerialization();

    /** Creates a reader. */
    public ManifestReader() {
        // the serialization above is the reader's only state
    }

    /**
     * Reads a manifest file.
     *
     * @param file a YAML file with one or more Kubernetes objects
     * @return the objects in file order
     * @throws InvalidManifestException naming the file when it is missing or a document is not a Kubernetes object
     */
    public List<HasMetadata> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidManifestException("Manifest file '" + file + "' does not exist.", e);
        } catch (IOException e) {
            throw new InvalidManifestException("Manifest file '" + file + "' cannot be read: " + e.getMessage(), e);
        }
        return read(text, file.toString());
    }

    /**
     * Reads manifest text.
     *
     * @param yaml one or more YAML documents separated by {@code ---}
     * @param sourceName names the text in error messages, for example a file or chart
     * @return the objects in document order
     * @throws InvalidManifestException naming the source and the document (with its {@code # Source:} template) that failed
     */
    public List<HasMetadata> read(String yaml, String sourceName) {
        List<HasMetadata> objects = new ArrayList<>();
        int number = 0;
        for (Document document : split(yaml)) {
            number++;
            if (document.isEmpty()) {
                continue;
            }
            Object parsed;
            try {
                parsed = serialization.unmarshal(document.text());
            } catch (RuntimeException e) {
                throw new InvalidManifestException(where(sourceName, number, document)
                        + " is not a Kubernetes object: " + e.getMessage(), e);
            }
            if (parsed instanceof HasMetadata object) {
                objects.add(object);
            } else if (parsed instanceof KubernetesResourceList<?> list) {
                objects.addAll(list.getItems());
            } else if (parsed != null) {
                throw new InvalidManifestException(where(sourceName, number, document)
                        + " is not a Kubernetes object (it needs apiVersion, kind and metadata); found "
                        + parsed.getClass().getSimpleName() + ".", null);
            }
        }
        return objects;
    }

    private static String where(String sourceName, int number, Document document) {
        return "Document " + number + (document.source().isEmpty() ? "" : " (" + document.source() + ")") + " of " + sourceName;
    }

    private static List<Document> split(String yaml) {
        List<Document> documents = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String source = "";
        boolean content = false;
        for (String line : yaml.split("\\R", -1)) {
            if (SEPARATOR.matcher(line).matches()) {
                documents.add(new Document(current.toString(), source, !content));
                current.setLength(0);
                source = "";
                content = false;
                continue;
            }
            String trimmed = line.strip();
            var sourceComment = SOURCE_COMMENT.matcher(trimmed);
            if (source.isEmpty() && sourceComment.matches()) {
                source = sourceComment.group(1).strip();
            }
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                content = true;
            }
            current.append(line).append('\n');
        }
        documents.add(new Document(current.toString(), source, !content));
        return documents;
    }

    /** One YAML document, the template it came from (when Helm said), and whether it holds anything. */
    private record Document(String text, String source, boolean isEmpty) {
    }
}
