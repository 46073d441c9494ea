package dev.vaulttest.internal.diagnostics;

import dev.vaulttest.VaultEnvironment;
import io.fabric8.kubernetes.api.model.Event;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Writes the namespace's events, oldest first. */
final class EventsCollector implements Collector {

    @Override
    public String name() {
        return "events";
    }

    @Override
    public void collect(VaultEnvironment environment, Output out) {
        List<Event> events = new ArrayList<>(environment.kubernetes().v1().events()
                .inNamespace(environment.namespace()).list().getItems());
        events.sort(Comparator.comparing(EventsCollector::time));
        out.write("events.txt", events.stream().map(EventsCollector::line).collect(Collectors.joining("\n", "", "\n")));
    }

    private static String time(Event event) {
        if (event.getLastTimestamp() != null) {
            return event.getLastTimestamp();
        }
        if (event.getEventTime() != null && event.getEventTime().getTime() != null) {
            return event.getEventTime().getTime();
        }
        String created = event.getMetadata() == null ? null : event.getMetadata().getCreationTimestamp();
        return created == null ? "" : created;
    }

    private static String line(Event event) {
        var involved = event.getInvolvedObject();
        return time(event) + "  " + value(event.getType()) + "  "
                + (involved == null ? "?" : involved.getKind() + "/" + involved.getName()) + "  "
                + value(event.getReason()) + "  " + value(event.getMessage()).strip()
                + (event.getCount() != null && event.getCount() > 1 ? " (x" + event.getCount() + ")" : "");
    }

    private static String value(String text) {
        return text == null ? "" : text;
    }
}
