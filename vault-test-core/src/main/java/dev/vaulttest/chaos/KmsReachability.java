package dev.vaulttest.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Whether a KMS endpoint answers HTTP at all (any status counts), with short timeouts. */
final class KmsReachability {

    private final Duration timeout;

    KmsReachability(Duration timeout) {
        this.timeout = timeout;
    }

    /** Asks the endpoint once; what it answered, or why it did not. */
    Answer ask(URI endpoint) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "TrentService.ListKeys")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return new Answer(true, endpoint + " answered HTTP " + response.statusCode());
        } catch (IOException e) {
            return new Answer(false, endpoint + " did not answer (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(false, "interrupted while asking " + endpoint);
        }
    }

    /** One answer: whether the endpoint answered, and what happened. */
    record Answer(boolean answered, String detail) {
    }
}
