package io.ledgerstream.api.live;

import io.javalin.http.sse.SseClient;
import io.ledgerstream.api.http.dto.AlertsResponse.AlertView;
import io.ledgerstream.schemas.avro.Alert;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browsers listening for their users' alerts ({@code GET …/alerts/live}, server-sent events) on
 * this instance, and the delivery of each new alert to its user's listeners as an {@code alert}
 * event, its id the alert's id and its data the alert as {@code GET …/alerts} lists it. Every
 * instance reads every alert ({@link AlertTopicListener}), so a user may listen on any of them.
 */
public final class LiveAlerts {

    static final String EVENT = "alert";
    private static final Logger log = LoggerFactory.getLogger(LiveAlerts.class);

    private final Map<String, Set<SseClient>> listeners = new ConcurrentHashMap<>();

    /** Keeps {@code client} open and sends it {@code userId}'s alerts from now on, until it disconnects. */
    public void listen(String userId, SseClient client) {
        client.keepAlive();
        client.onClose(() -> listeners.computeIfPresent(userId, (user, clients) -> {
            clients.remove(client);
            return clients.isEmpty() ? null : clients;
        }));
        listeners.computeIfAbsent(userId, user -> ConcurrentHashMap.newKeySet()).add(client);
        // at once, so the browser knows it is connected (and proxies flush the headers)
        client.sendComment("listening for alerts of " + userId);
    }

    /** Sends the alert to its user's listeners here; called from one thread ({@link AlertTopicListener}). */
    public void deliver(Alert alert) {
        Set<SseClient> clients = listeners.get(alert.getUserId());
        if (clients == null) {
            return;
        }
        AlertView view = AlertView.from(alert);
        for (SseClient client : clients) {
            send(client, () -> client.sendEvent(EVENT, view, alert.getAlertId()));
        }
    }

    /** A comment to every listener, so idle connections stay open through proxies. */
    public void ping() {
        listeners.values().forEach(clients -> clients.forEach(client -> send(client, () -> client.sendComment("keep-alive"))));
    }

    /** How many browsers listen here, for metrics. */
    public int listeners() {
        return listeners.values().stream().mapToInt(Set::size).sum();
    }

    private static void send(SseClient client, Runnable send) {
        try {
            if (!client.terminated()) {
                send.run();
            }
        } catch (RuntimeException e) {
            log.debug("could not send to a live-alert listener; it will be dropped when it closes", e);
        }
    }
}
